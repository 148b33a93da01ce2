package io.hvcluster.api.spec;

import org.apiguardian.api.API;

/**
 * The four quorum models of Windows Server 2008 failover clustering. Quorum means more than half of
 * the votes that the model counts.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum QuorumModel {
  /** Each node votes; recommended for an odd number of nodes. */
  NODE_MAJORITY(false, true),
  /** Each node and the witness disk vote; recommended for a single-site cluster with an even node count. */
  NODE_AND_DISK_MAJORITY(true, true),
  /** Each node and a file share witness vote; for multi-site clusters with an even node count. */
  NODE_AND_FILE_SHARE_MAJORITY(false, true),
  /**
   * Only the quorum disk counts: any node that owns it has quorum (legacy; the disk is a single point of
   * failure).
   */
  DISK_ONLY(true, false);

  private final boolean usesWitnessDisk;
  private final boolean nodesVote;

  QuorumModel(boolean usesWitnessDisk, boolean nodesVote) {
    this.usesWitnessDisk = usesWitnessDisk;
    this.nodesVote = nodesVote;
  }

  /**
   * Returns whether this model needs a witness (quorum) disk among the LUNs.
   *
   * @return true for {@link #NODE_AND_DISK_MAJORITY} and {@link #DISK_ONLY}
   */
  public boolean usesWitnessDisk() {
    return usesWitnessDisk;
  }

  /**
   * Returns whether nodes cast votes in this model.
   *
   * @return false only for {@link #DISK_ONLY}
   */
  public boolean nodesVote() {
    return nodesVote;
  }

  /**
   * Returns whether this model has a witness that votes (disk or file share).
   *
   * @return true for every model but {@link #NODE_MAJORITY}
   */
  public boolean hasWitness() {
    return this != NODE_MAJORITY;
  }

  /**
   * Returns the total number of votes in a cluster of {@code nodes} nodes under this model.
   *
   * @param nodes the number of configured nodes
   * @return the node votes plus the witness vote where the model has one
   */
  public int totalVotes(int nodes) {
    if (this == DISK_ONLY) {
      return 1;
    }
    return nodes + (hasWitness() ? 1 : 0);
  }

  /**
   * Returns the number of votes needed for quorum: more than half of {@link #totalVotes(int)}.
   *
   * @param nodes the number of configured nodes
   * @return the votes a partition must hold
   */
  public int votesNeeded(int nodes) {
    return totalVotes(nodes) / 2 + 1;
  }
}
