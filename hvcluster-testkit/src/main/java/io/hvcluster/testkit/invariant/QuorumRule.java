package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.LunId;
import io.hvcluster.api.LunState;
import io.hvcluster.api.QuorumStatus;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.LunStateChanged;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.testkit.fault.DurationText;
import java.util.Optional;

/**
 * S4: no partition without quorum runs or starts clustered VMs. Every instance that executes or is
 * being restored on a host that runs must be on a member of the partition that holds quorum now. A
 * partition an operator forced ({@code net start clussvc /forcequorum}, {@link QuorumStatus#forced()})
 * holds quorum for this rule: WSFC lets it run without a majority; that two are never forced at once is
 * S12's concern ({@link ForcedPartitions}).
 *
 * <p>One window is allowed, as the engine's regroup models it: while no partition holds quorum and a
 * partition that would reach it with the witness arbitrates for the witness, its members keep their
 * VMs for at most the arbitration time; it either wins quorum or stops them then. No other partition
 * can hold quorum meanwhile (a partition with quorum of its own would not need the witness), so this
 * cannot make a VM run twice. The witness is the witness disk, or the engine's
 * {@code file-share-witness} for node and file share majority.
 */
final class QuorumRule extends SnapshotInvariant {
  private final LunId witness;
  private final long arbitrationNanos;
  private long witnessArbitratingSince = -1;
  private long witnessArbitrationEnded = -1;
  private long now;

  QuorumRule(Snapshot snapshot) {
    super(snapshot);
    ClusterSpec spec = snapshot.cluster().spec();
    this.witness = spec.quorum() == QuorumModel.NODE_AND_FILE_SHARE_MAJORITY ? LunId.of("file-share-witness")
        : spec.storage().witness().map(LunSpec::id).orElse(null);
    this.arbitrationNanos = spec.settings().costs().arbitration().toNanos();
  }

  @Override
  public String id() {
    return "S4";
  }

  @Override
  public void observe(ClusterEvent event) {
    now = event.timeNanos();
    if (event instanceof LunStateChanged && ((LunStateChanged) event).lun().equals(witness)) {
      LunStateChanged l = (LunStateChanged) event;
      if (l.to() == LunState.ARBITRATING) {
        witnessArbitratingSince = l.timeNanos();
        witnessArbitrationEnded = -1;
      } else if (l.from() == LunState.ARBITRATING) {
        witnessArbitrationEnded = l.timeNanos();
      }
    }
  }

  /**
   * Whether the witness is being arbitrated for, or its arbitration ended at this very instant (the
   * regroup that decides on its outcome runs right after, at the same virtual time).
   */
  private boolean contending() {
    if (witnessArbitratingSince < 0) {
      return false;
    }
    if (witnessArbitrationEnded >= 0) {
      return now == witnessArbitrationEnded;
    }
    return now - witnessArbitratingSince <= arbitrationNanos;
  }

  @Override
  Optional<String> evaluate(Cluster cluster) {
    QuorumStatus quorum = null;
    for (Snapshot.Instance i : snapshot.instances()) {
      if (!i.executingOrStarting()) {
        continue;
      }
      if (quorum == null) {
        quorum = cluster.quorum();
      }
      if (quorum.hasQuorum() && quorum.members().contains(i.host())) {
        continue;
      }
      if (!quorum.hasQuorum() && contending()) {
        continue; // a partition arbitrating for the witness keeps its VMs until the arbitration is decided
      }
      return Optional.of(i.vm() + " is " + i.state() + " on " + i.host() + ", which is not in a partition with"
          + " quorum (" + (quorum.hasQuorum() ? "quorum is held by " + quorum.members() : "no partition has quorum"
          + (witnessArbitratingSince >= 0 ? " and the witness has been arbitrated for since "
              + DurationText.formatNanos(witnessArbitratingSince) : ""))
          + ", " + quorum.votes() + " of " + quorum.totalVotes() + " votes, " + quorum.votesNeeded() + " needed)");
    }
    return Optional.empty();
  }
}
