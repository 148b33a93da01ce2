package io.hvcluster.core.cluster;

import io.hvcluster.api.HostId;
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
  private final SimCluster c;
  private final ClusterModel model;

  NetworkFaults(FaultInjector faults, SimCluster cluster, ClusterModel model) {
    this.faults = faults;
    this.c = cluster;
    this.model = model;
  }

  void cutLink(HostId from, HostId to) {
    model.guard();
    SimHost a = model.hostModel(from);
    SimHost b = model.hostModel(to);
    requireDistinct(a, b);
    if (c.links.set(a, b, true)) {
      faults.applied("link-cut", from + " -> " + to);
      c.heartbeats.linkChanged(a, b);
    }
  }

  void restoreLink(HostId from, HostId to) {
    model.guard();
    SimHost a = model.hostModel(from);
    SimHost b = model.hostModel(to);
    requireDistinct(a, b);
    if (c.links.set(a, b, false)) {
      faults.healed("link-cut", from + " -> " + to);
      c.heartbeats.linkChanged(a, b);
      // A cut shorter than detection changes no route, but a regroup held meanwhile (for another route)
      // may have left a joining node out for it: the membership looks again now that the link is back.
      c.membership.requestDecision();
    }
  }

  private static void requireDistinct(SimHost a, SimHost b) {
    if (a == b) {
      throw new IllegalArgumentException("a link joins two different nodes; both ends are " + a.id());
    }
  }

  void partition(List<Set<HostId>> sides) {
    model.guard();
    List<Set<SimHost>> groups = new ArrayList<>();
    Set<SimHost> named = new HashSet<>();
    for (Set<HostId> side : sides) {
      Set<SimHost> hosts = new HashSet<>();
      for (HostId id : side) {
        SimHost h = model.hostModel(id);
        if (!named.add(h)) {
          throw new IllegalArgumentException("node " + id + " is named in two sides of the partition; sides must be disjoint");
        }
        hosts.add(h);
      }
      groups.add(hosts);
    }
    Set<SimHost> rest = new HashSet<>(model.hosts());
    rest.removeAll(named);
    if (!rest.isEmpty()) {
      groups.add(rest);
    }
    StringBuilder detail = new StringBuilder();
    for (Set<SimHost> g : groups) {
      detail.append(detail.length() == 0 ? "" : " | ").append(g.stream().map(h -> h.id().name()).sorted().toList());
    }
    faults.applied("partition", detail.toString());
    for (SimHost a : model.hosts()) {
      for (SimHost b : model.hosts()) {
        if (a != b && sideOf(groups, a) != sideOf(groups, b) && c.links.set(a, b, true)) {
          c.heartbeats.linkChanged(a, b);
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
    model.guard();
    if (!c.links.anyCut() && !c.links.anyLate()) {
      return;
    }
    faults.healed("partition", "all heartbeat links restored");
    for (SimHost a : model.hosts()) {
      for (SimHost b : model.hosts()) {
        if (a != b) {
          boolean changed = c.links.set(a, b, false);
          changed |= c.links.setLate(a, b, false);
          if (changed) {
            c.heartbeats.linkChanged(a, b);
          }
        }
      }
    }
    c.membership.requestDecision();
  }

  void delayHeartbeats(HostId from, HostId to, Duration delay) {
    model.guard();
    SimHost a = model.hostModel(from);
    SimHost b = model.hostModel(to);
    requireDistinct(a, b);
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("heartbeat delay is " + delay + "; it must be zero or positive");
    }
    boolean late = delay.compareTo(model.spec().settings().heartbeatDelay()) >= 0;
    if (delay.isZero()) {
      faults.healed("heartbeat-delay", from + " -> " + to);
    } else {
      faults.applied("heartbeat-delay", from + " -> " + to + ": " + delay.toMillis() + " ms"
          + (late ? " (too late to count)" : " (within the heartbeat period)"));
    }
    if (c.links.setLate(a, b, late)) {
      c.heartbeats.linkChanged(a, b);
    }
  }

  void cutMigrationLink(HostId a, HostId b) {
    model.guard();
    SimHost x = model.hostModel(a);
    SimHost y = model.hostModel(b);
    requireDistinct(x, y);
    if (c.links.setMigrationCut(x, y, true)) {
      faults.applied("migration-link-cut", a + " <-> " + b);
    }
  }

  void restoreMigrationLink(HostId a, HostId b) {
    model.guard();
    SimHost x = model.hostModel(a);
    SimHost y = model.hostModel(b);
    requireDistinct(x, y);
    if (c.links.setMigrationCut(x, y, false)) {
      faults.healed("migration-link-cut", a + " <-> " + b);
    }
  }
}
