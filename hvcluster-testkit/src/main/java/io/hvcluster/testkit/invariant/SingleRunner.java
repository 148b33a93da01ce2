package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.VmId;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;

/**
 * S1: a VM executes on at most one host. An instance counts when its state executes guest code
 * (starting, running, migrating, stopping) on a host that has power and is not hung: the instances of a
 * hung host are frozen, and a crashed host has none. A stale instance the cluster fenced but a running
 * host still holds does count, since it executes.
 */
final class SingleRunner extends SnapshotInvariant {
  private final Map<VmId, Snapshot.Instance> seen = new HashMap<>();

  SingleRunner(Snapshot snapshot) {
    super(snapshot);
  }

  @Override
  public String id() {
    return "S1";
  }

  @Override
  Optional<String> evaluate(Cluster cluster) {
    seen.clear();
    for (Snapshot.Instance i : snapshot.instances()) {
      if (!i.executing()) {
        continue;
      }
      Snapshot.Instance other = seen.putIfAbsent(i.vm(), i);
      if (other != null) {
        return Optional.of(i.vm() + " executes on two hosts at once: " + other.state() + " on " + other.host()
            + " and " + i.state() + " on " + i.host());
      }
    }
    return Optional.empty();
  }
}
