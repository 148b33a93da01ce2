package io.hvcluster.core.cluster.membership;

import io.hvcluster.api.spec.ClusterNetwork;
import io.hvcluster.core.cluster.model.SimHost;
import java.util.BitSet;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The networks between nodes: which directed heartbeat links are cut or too slow, which node's interface
 * on which cluster network is down, and which migration links are cut. Nodes are numbered by index.
 * Heartbeats from one node reach another while some network that carries heartbeats has both their
 * interfaces up (WSFC sends them over every cluster network) and the link between them is intact.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Links {
  private final BitSet cut = new BitSet();
  private final BitSet late = new BitSet();
  private final BitSet migrationCut = new BitSet();
  /** Bit {@code network * MAX + node}: the node's interface on that network is down. */
  private final BitSet interfaceDown = new BitSet();
  private final List<ClusterNetwork> networks;
  private static final int MAX = 64;

  /**
   * Creates the links of a cluster with the given networks, everything up.
   *
   * @param networks the cluster networks
   */
  public Links(List<ClusterNetwork> networks) {
    this.networks = List.copyOf(networks);
  }

  /** Whether heartbeats from {@code from} fail to reach {@code to} in time: no network joins them, or too slow. */
  public boolean isCut(SimHost from, SimHost to) {
    int bit = from.index() * MAX + to.index();
    return cut.get(bit) || late.get(bit) || (!interfaceDown.isEmpty() && !anyHeartbeatNetwork(from, to));
  }

  private boolean anyHeartbeatNetwork(SimHost a, SimHost b) {
    for (int n = 0; n < networks.size(); n++) {
      if (networks.get(n).role().carriesHeartbeats() && !interfaceDown.get(n * MAX + a.index())
          && !interfaceDown.get(n * MAX + b.index())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Takes a node's interface on a network down or up; returns whether that changed it.
   *
   * @param host the node
   * @param network the network's position in the cluster's list
   * @param down whether the interface is down
   * @return whether it changed
   */
  public boolean setInterfaceDown(SimHost host, int network, boolean down) {
    return flip(interfaceDown, network * MAX + host.index(), down);
  }

  /** Brings every node's interface on every network up. */
  public void restoreInterfaces() {
    interfaceDown.clear();
  }

  /** Whether any node's interface on any network is down. */
  public boolean anyInterfaceDown() {
    return !interfaceDown.isEmpty();
  }

  /** Marks heartbeats on a directed link as arriving too late to count; returns whether that changed. */
  public boolean setLate(SimHost from, SimHost to, boolean isLate) {
    return flip(late, from.index() * MAX + to.index(), isLate);
  }

  /** Sets {@code bit} of {@code bits} to {@code value}; returns whether that changed it. */
  private static boolean flip(BitSet bits, int bit, boolean value) {
    if (bits.get(bit) == value) {
      return false;
    }
    bits.set(bit, value);
    return true;
  }

  /** Whether the migration network joins {@code a} and {@code b}. */
  public boolean migrationLinkUp(SimHost a, SimHost b) {
    return !migrationCut.get(a.index() * MAX + b.index());
  }

  /** Cuts or restores the migration link between two nodes (both ways); returns whether that changed it. */
  public boolean setMigrationCut(SimHost a, SimHost b, boolean isCut) {
    boolean changed = migrationCut.get(a.index() * MAX + b.index()) != isCut;
    migrationCut.set(a.index() * MAX + b.index(), isCut);
    migrationCut.set(b.index() * MAX + a.index(), isCut);
    return changed;
  }

  /** Cuts or restores a directed link; returns whether that changed anything. */
  public boolean set(SimHost from, SimHost to, boolean isCut) {
    return flip(cut, from.index() * MAX + to.index(), isCut);
  }

  /** Whether any heartbeat link is cut. */
  public boolean anyCut() {
    return !cut.isEmpty();
  }

  /** Whether heartbeats on any link arrive too late. */
  public boolean anyLate() {
    return !late.isEmpty();
  }
}
