package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.QuorumStatus;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.event.OperatorAction;
import io.hvcluster.api.event.QuorumChanged;
import io.hvcluster.testkit.check.StepInvariant;
import io.hvcluster.testkit.fault.DurationText;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * S12: at most one forced partition at a time. A partition an operator started with forced quorum
 * ({@code net start clussvc /forcequorum}) may run without a majority (S4 counts it as holding quorum);
 * forcing quorum on a node outside that partition while it is forced makes two partitions that each
 * believe they are the cluster, the split brain WSFC's documentation warns of. A node's force ends when it
 * goes down or its partition regains quorum of its own.
 *
 * <p>Nodes forced before either partition formed count as two partitions unless the second is already
 * a member of the first's forced partition: the checker cannot see who can talk to whom before then.
 */
final class ForcedPartitions implements StepInvariant {
  private final Cluster cluster;
  /** Forced nodes whose force has not ended, with when they were forced. */
  private final Map<HostId, Long> forced = new TreeMap<>();
  private String violation;

  ForcedPartitions(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public String id() {
    return "S12";
  }

  @Override
  public void observe(ClusterEvent event) {
    if (violation != null) {
      return;
    }
    if (event instanceof OperatorAction a && a.action().equals("force-quorum")) {
      HostId node = HostId.of(a.target());
      QuorumStatus q = cluster.quorum();
      for (Map.Entry<HostId, Long> other : forced.entrySet()) {
        boolean together = q.forced() && q.members().contains(other.getKey()) && q.members().contains(node);
        if (!other.getKey().equals(node) && !together) {
          violation = "split brain: quorum forced on " + node + " at " + DurationText.formatNanos(a.timeNanos())
              + " while the partition forced on " + other.getKey() + " at " + DurationText.formatNanos(other.getValue())
              + " runs" + (q.forced() ? " as " + q.members() : "") + "; two forced partitions each believe they are the"
              + " cluster (net start clussvc /forcequorum on one side only)";
          return;
        }
      }
      forced.put(node, a.timeNanos());
    } else if (event instanceof NodeStateChanged n && n.to() == NodeState.DOWN) {
      forced.remove(n.host());
    } else if (event instanceof QuorumChanged q && q.hasQuorum() && q.votes() >= q.votesNeeded()) {
      q.partition().forEach(forced::remove);
    }
  }

  @Override
  public Optional<String> check(Cluster c, ClusterEvent event) {
    return Optional.ofNullable(violation);
  }
}
