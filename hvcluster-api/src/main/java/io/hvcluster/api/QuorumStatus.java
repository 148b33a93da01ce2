package io.hvcluster.api;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The quorum of a cluster at one moment: the partition that holds (or last held) quorum, and its votes.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param hasQuorum whether a partition holds quorum
 * @param votes the votes held by that partition (or by the largest partition when none has quorum)
 * @param votesNeeded the votes a partition needs
 * @param totalVotes all votes the quorum model counts
 * @param members the nodes of that partition, in name order
 * @param witnessVote whether the witness (disk or file share) votes for that partition
 * @param forced whether that partition runs on a quorum an operator forced ({@code net start clussvc
 *     /forcequorum}) without holding the votes: {@code hasQuorum} is then true with {@code votes} below
 *     {@code votesNeeded}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record QuorumStatus(boolean hasQuorum, int votes, int votesNeeded, int totalVotes, List<HostId> members,
    boolean witnessVote, boolean forced) {
  /**
   * Creates a status; copies the member list.
   *
   * @param hasQuorum whether a partition holds quorum
   * @param votes the votes held by that partition (or by the largest partition when none has quorum)
   * @param votesNeeded the votes a partition needs
   * @param totalVotes all votes the quorum model counts
   * @param members the nodes of that partition, in name order
   * @param witnessVote whether the witness (disk or file share) votes for that partition
   * @param forced whether the quorum is forced
   */
  public QuorumStatus {
    members = List.copyOf(members);
  }

  /**
   * Creates a status of a quorum that is not forced.
   *
   * @param hasQuorum whether a partition holds quorum
   * @param votes the votes held by that partition (or by the largest partition when none has quorum)
   * @param votesNeeded the votes a partition needs
   * @param totalVotes all votes the quorum model counts
   * @param members the nodes of that partition, in name order
   * @param witnessVote whether the witness (disk or file share) votes for that partition
   */
  public QuorumStatus(boolean hasQuorum, int votes, int votesNeeded, int totalVotes, List<HostId> members,
      boolean witnessVote) {
    this(hasQuorum, votes, votesNeeded, totalVotes, members, witnessVote, false);
  }
}
