package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.GroupPlaced;
import io.hvcluster.api.event.MigrationStarted;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.testkit.check.StepInvariant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * S11: a paused node takes no new groups. WSFC's pause (Failover Cluster Manager's "Pause", {@code cluster
 * node /pause}) keeps the node a member with its running groups, but no group is placed on it (failover,
 * initial placement, a move) and no migration targets it until it is resumed. The paused nodes are taken
 * from the node-state events as they happen, not from the cluster's current view, so a placement that
 * the engine makes at the instant it pauses a node is judged in event order.
 */
final class PausedNodes implements StepInvariant {
  private final Set<HostId> paused = new HashSet<>();
  private String violation;

  @Override
  public String id() {
    return "S11";
  }

  @Override
  public void observe(ClusterEvent event) {
    if (event instanceof NodeStateChanged n) {
      if (n.to() == NodeState.PAUSED) {
        paused.add(n.host());
      } else {
        paused.remove(n.host());
      }
    } else if (violation == null && event instanceof GroupPlaced g && paused.contains(g.target())) {
      violation = "group " + g.group() + " was placed on " + g.target() + ", which is paused (" + g.reason() + ")";
    } else if (violation == null && event instanceof MigrationStarted m && paused.contains(m.target())) {
      violation = m.vm() + " began a " + m.strategy() + " migration to " + m.target() + ", which is paused";
    }
  }

  @Override
  public Optional<String> check(Cluster cluster, ClusterEvent event) {
    String found = violation;
    violation = null;
    return Optional.ofNullable(found);
  }
}
