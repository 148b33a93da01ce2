package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.Host;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.QuorumStatus;
import io.hvcluster.testkit.check.FailureClass;
import io.hvcluster.testkit.check.FinalCheck;
import io.hvcluster.testkit.fault.DurationText;
import io.hvcluster.testkit.history.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * L2: the cluster regains quorum when a majority is back, and its membership converges. After the heal
 * phase every host runs again; then the cluster must hold quorum, must have gained it by the quorum
 * bound after the heal phase, and every running node must be a member (UP or PAUSED): no node stays
 * DOWN or JOINING, as an endless regroup or an asymmetric partition would leave it.
 */
final class QuorumRegained implements FinalCheck {
  private final RunFacts facts;
  private final long healAt;
  private final LivenessBound bound;

  QuorumRegained(RunFacts facts, long healAt, LivenessBound bound) {
    this.facts = facts;
    this.healAt = healAt;
    this.bound = bound;
  }

  @Override
  public String id() {
    return "L2";
  }

  @Override
  public FailureClass failureClass() {
    return FailureClass.LIVENESS;
  }

  @Override
  public Optional<String> check(Cluster cluster, History history) {
    int running = 0;
    List<String> outside = new ArrayList<>();
    for (Host h : cluster.hosts()) {
      if (h.isRunning()) {
        running++;
        if (h.state() != NodeState.UP && h.state() != NodeState.PAUSED) {
          outside.add(h.id() + " is " + h.state());
        }
      }
    }
    QuorumStatus q = cluster.quorum();
    int nodeVotes = cluster.spec().quorum().nodesVote() ? running : 0;
    if (nodeVotes < q.votesNeeded() && cluster.spec().quorum().nodesVote()) {
      return Optional.empty(); // no majority of nodes is back: nothing to demand
    }
    long deadline = healAt + bound.quorum().toNanos();
    if (!q.hasQuorum()) {
      return Optional.of("no quorum after healing with " + running + " of " + cluster.hosts().size() + " nodes running ("
          + q.votes() + " of " + q.totalVotes() + " votes, " + q.votesNeeded() + " needed). Bound: " + bound.explain());
    }
    if (facts.quorumSince() > deadline) {
      return Optional.of("quorum came back only at " + DurationText.formatNanos(facts.quorumSince()) + ", after "
          + DurationText.formatNanos(deadline) + " (heal phase at " + DurationText.formatNanos(healAt) + " + bound "
          + DurationText.format(bound.quorum()) + ")");
    }
    if (!outside.isEmpty()) {
      return Optional.of("membership did not converge after healing: " + String.join(", ", outside)
          + " though it runs (quorum held by " + q.members() + ")");
    }
    return Optional.empty();
  }
}
