package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.VmId;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.testkit.check.StepInvariant;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;

/**
 * S1: a VM executes on at most one host. An instance counts when its state executes guest code
 * (starting, running, migrating, stopping) on a host that has power and is not hung: the instances of a
 * hung host are frozen, and a crashed host has none. A stale instance the cluster fenced but a running
 * host still holds does count, since it executes.
 */
final class SingleRunner implements StepInvariant {
  private final Snapshot snapshot;
  private long checked = -1;
  private final Map<VmId, Snapshot.Instance> seen = new HashMap<>();

  SingleRunner(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  @Override
  public String id() {
    return "S1";
  }

  @Override
  public Optional<String> check(Cluster cluster, ClusterEvent event) {
    long version = snapshot.version();
    if (version == checked) {
      return Optional.empty(); // nothing this invariant reads has changed since it last held
    }
    Optional<String> verdict = evaluate(cluster);
    if (verdict.isEmpty()) {
      checked = version;
    }
    return verdict;
  }

  private Optional<String> evaluate(Cluster cluster) {
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
