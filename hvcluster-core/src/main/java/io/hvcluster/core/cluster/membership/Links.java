package io.hvcluster.core.cluster.membership;

import io.hvcluster.core.cluster.model.SimHost;
import java.util.BitSet;
import org.apiguardian.api.API;

/**
 * The heartbeat network: which directed links between nodes are cut. Nodes are numbered by index.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Links {
  private final BitSet cut = new BitSet();
  private final BitSet late = new BitSet();
  private final BitSet migrationCut = new BitSet();
  private static final int MAX = 64;

  /** Whether heartbeats from {@code from} fail to reach {@code to} in time: the link is cut or too slow. */
  public boolean isCut(SimHost from, SimHost to) {
    int bit = from.index() * MAX + to.index();
    return cut.get(bit) || late.get(bit);
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
