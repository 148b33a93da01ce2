package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.testkit.check.StepInvariant;
import java.util.Optional;

/**
 * S5: nothing runs on a node that is not a member. Every instance that executes or is being restored on
 * a host that runs must be on a node that is UP or PAUSED, never DOWN or JOINING.
 */
final class LiveHostsOnly implements StepInvariant {
  private final Snapshot snapshot;
  private long checked = -1;

  LiveHostsOnly(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  @Override
  public String id() {
    return "S5";
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
    for (Snapshot.Instance i : snapshot.instances()) {
      if (i.executingOrStarting() && i.hostState() != NodeState.UP && i.hostState() != NodeState.PAUSED) {
        return Optional.of(i.vm() + " is " + i.state() + " on " + i.host() + ", which is " + i.hostState()
            + " (not a member of the cluster)");
      }
    }
    return Optional.empty();
  }
}
