package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.NodeState;
import java.util.Optional;

/**
 * S5: nothing runs on a node that is not a member. Every instance that executes or is being restored on
 * a host that runs must be on a node that is UP or PAUSED, never DOWN or JOINING.
 */
final class LiveHostsOnly extends SnapshotInvariant {

  LiveHostsOnly(Snapshot snapshot) {
    super(snapshot);
  }

  @Override
  public String id() {
    return "S5";
  }

  @Override
  Optional<String> evaluate(Cluster cluster) {
    for (Snapshot.Instance i : snapshot.instances()) {
      if (i.executingOrStarting() && i.hostState() != NodeState.UP && i.hostState() != NodeState.PAUSED) {
        return Optional.of(i.vm() + " is " + i.state() + " on " + i.host() + ", which is " + i.hostState()
            + " (not a member of the cluster)");
      }
    }
    return Optional.empty();
  }
}
