package io.hvcluster.api.event;

import io.hvcluster.api.HostId;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Reports that the cluster gained or lost quorum, or that the partition holding it changed.
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param hasQuorum whether the cluster now has quorum
 * @param votes the votes of the partition that holds quorum, or of the largest partition
 * @param votesNeeded the votes needed for quorum
 * @param partition the nodes of that partition, in name order
 * @param witnessVote whether the witness votes for that partition
 * @param reason why quorum changed
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record QuorumChanged(
    long timeNanos,
    String cluster,
    boolean hasQuorum,
    int votes,
    int votesNeeded,
    List<HostId> partition,
    boolean witnessVote,
    String reason)
    implements ClusterEvent {
  /**
   * Creates the event; copies the node list.
   *
   * @param timeNanos virtual time in nanoseconds
   * @param cluster the cluster's name
   * @param hasQuorum whether the cluster now has quorum
   * @param votes the votes of the partition that holds quorum, or of the largest partition
   * @param votesNeeded the votes needed for quorum
   * @param partition the nodes of that partition, in name order
   * @param witnessVote whether the witness votes for that partition
   * @param reason why quorum changed
   */
  public QuorumChanged {
    partition = List.copyOf(partition);
  }

  @Override
  public <R> R accept(EventVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
