package io.hvcluster.core.cluster;

import io.hvcluster.api.HostId;
import io.hvcluster.api.spec.ClusterNetwork;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.SimHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The network faults of one cluster: heartbeat links cut, restored or made too slow, partitions and
 * their healing, and cuts of the migration network. Each is validated and recorded here; the links keep
 * the state and the heartbeats react to each link that changed.
 */
final class NetworkFaults {
  private final FaultInjector faults;

  NetworkFaults(FaultInjector faults) {
    this.faults = faults;
  }

  private ClusterModel model() {
    return faults.model;
  }

  /** The two ends of a link named by a fault, checked: both are nodes of the cluster, and they differ. */
  private record Ends(SimHost a, SimHost b) {
  }

  private Ends ends(HostId from, HostId to) {
    model().guard();
    SimHost a = model().hostModel(from);
    SimHost b = model().hostModel(to);
    if (a == b) {
      throw new IllegalArgumentException("a link joins two different nodes; both ends are " + a.id());
    }
    return new Ends(a, b);
  }

  void cutLink(HostId from, HostId to) {
    Ends e = ends(from, to);
    if (faults.c.links.set(e.a(), e.b(), true)) {
      faults.applied("link-cut", from + " -> " + to);
      faults.c.heartbeats.linkChanged(e.a(), e.b());
    }
  }

  void restoreLink(HostId from, HostId to) {
    Ends e = ends(from, to);
    if (faults.c.links.set(e.a(), e.b(), false)) {
      faults.healed("link-cut", from + " -> " + to);
      faults.c.heartbeats.linkChanged(e.a(), e.b());
      // A cut shorter than detection changes no route, but a regroup held meanwhile (for another route)
      // may have left a joining node out for it: the membership looks again now that the link is back.
      faults.c.membership.requestDecision();
    }
  }

  void partition(List<Set<HostId>> sides) {
    model().guard();
    List<Set<SimHost>> groups = new ArrayList<>();
    Set<SimHost> named = new HashSet<>();
    for (Set<HostId> side : sides) {
      Set<SimHost> hosts = new HashSet<>();
      for (HostId id : side) {
        SimHost h = model().hostModel(id);
        if (!named.add(h)) {
          throw new IllegalArgumentException("node " + id + " is named in two sides of the partition; sides must be disjoint");
        }
        hosts.add(h);
      }
      groups.add(hosts);
    }
    Set<SimHost> rest = new HashSet<>(model().hosts());
    rest.removeAll(named);
    if (!rest.isEmpty()) {
      groups.add(rest);
    }
    StringBuilder detail = new StringBuilder();
    for (Set<SimHost> g : groups) {
      detail.append(detail.length() == 0 ? "" : " | ").append(g.stream().map(h -> h.id().name()).sorted().toList());
    }
    faults.applied("partition", detail.toString());
    for (SimHost a : model().hosts()) {
      for (SimHost b : model().hosts()) {
        if (a != b && sideOf(groups, a) != sideOf(groups, b) && faults.c.links.set(a, b, true)) {
          faults.c.heartbeats.linkChanged(a, b);
        }
      }
    }
  }

  private static int sideOf(List<Set<SimHost>> groups, SimHost h) {
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).contains(h)) {
        return i;
      }
    }
    return -1;
  }

  void healNetwork() {
    model().guard();
    if (!faults.c.links.anyCut() && !faults.c.links.anyLate() && !faults.c.links.anyInterfaceDown()) {
      return;
    }
    faults.healed("partition", "all heartbeat links restored");
    faults.c.links.restoreInterfaces();
    for (SimHost a : model().hosts()) {
      for (SimHost b : model().hosts()) {
        if (a != b) {
          boolean changed = faults.c.links.set(a, b, false);
          changed |= faults.c.links.setLate(a, b, false);
          if (changed) {
            faults.c.heartbeats.linkChanged(a, b);
          }
        }
      }
    }
    faults.c.membership.requestDecision();
  }

  void delayHeartbeats(HostId from, HostId to, Duration delay) {
    Ends e = ends(from, to);
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("heartbeat delay is " + delay + "; it must be zero or positive");
    }
    boolean late = delay.compareTo(faults.c.heartbeats.delay(e.a(), e.b())) >= 0;
    if (delay.isZero()) {
      faults.healed("heartbeat-delay", from + " -> " + to);
    } else {
      faults.applied("heartbeat-delay", from + " -> " + to + ": " + delay.toMillis() + " ms"
          + (late ? " (too late to count)" : " (within the heartbeat period)"));
    }
    if (faults.c.links.setLate(e.a(), e.b(), late)) {
      faults.c.heartbeats.linkChanged(e.a(), e.b());
    }
  }

  /**
   * Takes a node's interface on a cluster network down ({@code down}) or up. The heartbeats re-examine
   * every route to and from the node: a route fails only when no heartbeat network joins its ends.
   */
  void clusterNetwork(HostId node, String name, boolean down) {
    model().guard();
    SimHost h = model().hostModel(node);
    List<ClusterNetwork> networks = model().settings().networks();
    int index = networks.indexOf(model().settings().network(name));
    if (faults.c.links.setInterfaceDown(h, index, down)) {
      String detail = node + " on " + name + " (" + networks.get(index).role() + ")";
      if (down) {
        faults.applied("network-down", detail);
      } else {
        faults.healed("network-down", detail);
      }
      for (SimHost other : model().hosts()) {
        if (other != h) {
          faults.c.heartbeats.linkChanged(h, other);
          faults.c.heartbeats.linkChanged(other, h);
        }
      }
      if (!down) {
        faults.c.membership.requestDecision();
      }
    }
  }

  /** Cuts ({@code cut}) or restores the migration link between two nodes. */
  void migrationLink(HostId a, HostId b, boolean cut) {
    Ends e = ends(a, b);
    if (faults.c.links.setMigrationCut(e.a(), e.b(), cut)) {
      if (cut) {
        faults.applied("migration-link-cut", a + " <-> " + b);
      } else {
        faults.healed("migration-link-cut", a + " <-> " + b);
      }
    }
  }
}
