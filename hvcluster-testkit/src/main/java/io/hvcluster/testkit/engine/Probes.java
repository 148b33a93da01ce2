package io.hvcluster.testkit.engine;

import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.event.FaultApplied;
import io.hvcluster.api.event.FaultHealed;
import io.hvcluster.api.event.GroupStateChanged;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.event.PlacementFailed;
import io.hvcluster.api.event.QuorumChanged;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.api.NodeState;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The standard coverage probes of an engine run ("sometimes" conditions, after FoundationDB's code
 * probes): which dangerous or interesting states the run reached. A suite requires the ones it means to
 * reach with {@link io.hvcluster.testkit.junit.RequireProbes}; {@link EngineScenarios} counts them on
 * the suite's {@link io.hvcluster.testkit.check.Coverage} after every try.
 *
 * <p>Not thread-safe: one instance listens to one run.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Probes implements ClusterListener {
  /** A group failed over to another node. */
  public static final String FAILOVER = "failover";
  /** The cluster lost quorum. */
  public static final String QUORUM_LOST = "quorum-lost";
  /** The cluster lost quorum while heartbeat links were cut (a partition). */
  public static final String QUORUM_LOST_IN_PARTITION = "quorum-lost-in-partition";
  /** A member was removed from the cluster (missed heartbeats or lost quorum). */
  public static final String NODE_REMOVED = "node-removed";
  /** A VM failed and was restarted on the same node. */
  public static final String RESTART_IN_PLACE = "restart-in-place";
  /** A group exceeded its failover threshold and stays failed. */
  public static final String GROUP_LOCKED = "group-locked";
  /** A saved state was rejected (corrupt, torn, truncated or missing) and the VM cold-booted instead. */
  public static final String SAVED_STATE_REJECTED = "saved-state-rejected";
  /** A save failed (write error, no space) and the VM kept running. */
  public static final String SAVE_FAILED = "save-failed";
  /** A VM instance was fenced (its reservation taken) while its host was hung. */
  public static final String VM_FENCED = "vm-fenced";
  /** A migration completed. */
  public static final String MIGRATION_COMPLETED = "migration-completed";
  /** A migration was aborted because a node, link or the VM failed. */
  public static final String MIGRATION_ABORTED = "migration-aborted";
  /** A migration rolled back to its source. */
  public static final String MIGRATION_ROLLED_BACK = "migration-rolled-back";
  /** A migration failed, leaving the VM on neither node. */
  public static final String MIGRATION_FAILED = "migration-failed";
  /** A migration's switchover acknowledgement was lost. */
  public static final String MIGRATION_ACK_LOST = "migration-ack-lost";
  /** A live migration completed without falling back: the VM moved while it ran. */
  public static final String LIVE_MIGRATION_COMPLETED = "live-migration-completed";
  /** A live migration did not converge and fell back to Quick Migration. */
  public static final String MIGRATION_FELL_BACK = "migration-fell-back-to-quick";
  /** A Cluster Shared Volume redirected a node's I/O through its coordinator. */
  public static final String CSV_REDIRECTED = "csv-redirected-io";
  /** The witness was lost. */
  public static final String WITNESS_LOST = "witness-lost";
  /** No node could take a group for a while. */
  public static final String PLACEMENT_FAILED = "placement-failed";
  /** A VM's start failed on its node (a broken configuration or disk, or the pending timeout). */
  public static final String START_FAILED = "start-failed";

  private final Set<String> hit = new TreeSet<>();
  private int linksCut;
  private boolean formed;

  /** Creates probes with nothing hit. */
  public Probes() {}

  /**
   * Returns the names of the probes hit so far.
   *
   * @return the names, sorted
   */
  public Set<String> hit() {
    return Collections.unmodifiableSet(hit);
  }

  /**
   * Returns every standard probe name.
   *
   * @return the names, sorted
   */
  public static Set<String> all() {
    return Set.of(FAILOVER, QUORUM_LOST, QUORUM_LOST_IN_PARTITION, NODE_REMOVED, RESTART_IN_PLACE, GROUP_LOCKED,
        SAVED_STATE_REJECTED, SAVE_FAILED, VM_FENCED, MIGRATION_COMPLETED, MIGRATION_ABORTED, MIGRATION_ROLLED_BACK,
        MIGRATION_FAILED, MIGRATION_ACK_LOST, LIVE_MIGRATION_COMPLETED, MIGRATION_FELL_BACK, CSV_REDIRECTED,
        WITNESS_LOST, PLACEMENT_FAILED, START_FAILED);
  }

  /** Looks at one event. */
  @Override
  public void onEvent(ClusterEvent event) {
    if (event instanceof FailoverStarted) {
      hit.add(FAILOVER);
    } else if (event instanceof QuorumChanged) {
      QuorumChanged q = (QuorumChanged) event;
      if (q.hasQuorum()) {
        formed = true;
      } else if (formed) {
        hit.add(QUORUM_LOST);
        if (linksCut > 0) {
          hit.add(QUORUM_LOST_IN_PARTITION);
        }
      }
    } else if (event instanceof NodeStateChanged) {
      NodeStateChanged n = (NodeStateChanged) event;
      if (n.to() == NodeState.DOWN && (n.reason().startsWith("missed") || n.reason().startsWith("lost quorum"))) {
        hit.add(NODE_REMOVED);
      }
    } else if (event instanceof VmStateChanged) {
      vm((VmStateChanged) event);
    } else if (event instanceof GroupStateChanged) {
      if (((GroupStateChanged) event).reason().contains("failover threshold exceeded")) {
        hit.add(GROUP_LOCKED);
      }
    } else if (event instanceof MigrationFinished) {
      migration(((MigrationFinished) event).result());
    } else if (event instanceof FaultApplied) {
      String f = ((FaultApplied) event).fault();
      if (f.equals("link-cut")) {
        linksCut++;
      } else if (f.equals("csv-redirected-io")) {
        hit.add(CSV_REDIRECTED);
      } else if (f.equals("witness-loss")) {
        hit.add(WITNESS_LOST);
      }
    } else if (event instanceof FaultHealed) {
      String f = ((FaultHealed) event).fault();
      if (f.equals("link-cut")) {
        linksCut = Math.max(0, linksCut - 1);
      } else if (f.equals("partition")) {
        linksCut = 0;
      }
    } else if (event instanceof PlacementFailed) {
      hit.add(PLACEMENT_FAILED);
    }
  }

  private void vm(VmStateChanged v) {
    String reason = v.reason();
    if (reason.contains("saved state rejected") || reason.contains("guest memory failed verification")) {
      hit.add(SAVED_STATE_REJECTED);
    }
    if (reason.startsWith("save failed") || reason.startsWith("save abandoned")) {
      hit.add(SAVE_FAILED);
    }
    if (reason.startsWith("start failed")) {
      hit.add(START_FAILED);
    }
    if (reason.startsWith("fenced")) {
      hit.add(VM_FENCED);
    }
    if (v.from() == VmState.FAILED && (v.to() == VmState.STARTING || v.to() == VmState.RESTORING)) {
      hit.add(RESTART_IN_PLACE);
    }
  }

  private void migration(MigrationResult r) {
    if (r.fellBackToQuick()) {
      hit.add(MIGRATION_FELL_BACK);
    }
    if (r.outcome() == MigrationOutcome.COMPLETED) {
      hit.add(MIGRATION_COMPLETED);
      if (r.strategy().equals("live") && !r.fellBackToQuick()) {
        hit.add(LIVE_MIGRATION_COMPLETED);
      }
    } else if (r.outcome() == MigrationOutcome.ROLLED_BACK) {
      hit.add(MIGRATION_ROLLED_BACK);
    } else {
      hit.add(MIGRATION_FAILED);
    }
    if (r.reason().startsWith("aborted:")) {
      hit.add(MIGRATION_ABORTED);
    }
    if (r.reason().contains("saved state rejected")) {
      hit.add(SAVED_STATE_REJECTED);
    }
    if (r.reason().contains("saving the VM's memory failed")) {
      hit.add(SAVE_FAILED);
    }
    if (r.reason().contains(Operator.ACK_LOST)) {
      hit.add(MIGRATION_ACK_LOST);
    }
  }
}
