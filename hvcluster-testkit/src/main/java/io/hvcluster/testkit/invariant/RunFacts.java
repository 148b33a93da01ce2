package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.FaultApplied;
import io.hvcluster.api.event.FaultHealed;
import io.hvcluster.api.event.LunStateChanged;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.event.MigrationPhaseStarted;
import io.hvcluster.api.event.MigrationStarted;
import io.hvcluster.api.event.OperatorAction;
import io.hvcluster.api.event.QuorumChanged;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.api.spec.Priority;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run's events say, for the checks that need history rather than state: which VMs the operator
 * wants running, since when each VM runs, when quorum was last gained, and which migrations are open.
 * Fed by the monitor with every event, in order.
 */
final class RunFacts implements ClusterListener {
  /** The phase in which Live Migration freezes the VM on the source. */
  static final String BLACKOUT_PHASE = "stop-and-copy";

  private final Cluster cluster;
  private final Set<VmId> wanted = new TreeSet<>();
  private final Map<VmId, Long> runningSince = new TreeMap<>();
  private final Map<VmId, MigrationStarted> migrations = new TreeMap<>();
  /** VMs whose open live migration has entered its blackout: frozen on the source, doing no I/O. */
  private final Set<VmId> blackout = new TreeSet<>();
  private long quorumSince = -1;
  private long stateVersion;

  RunFacts(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public void onEvent(ClusterEvent event) {
    if (event instanceof VmStateChanged || event instanceof NodeStateChanged || event instanceof LunStateChanged
        || event instanceof QuorumChanged || event instanceof FaultApplied || event instanceof FaultHealed
        || event instanceof MigrationPhaseStarted || event instanceof MigrationFinished) {
      stateVersion++;
    }
    if (event instanceof VmStateChanged) {
      VmStateChanged v = (VmStateChanged) event;
      if (v.to() == VmState.RUNNING) {
        runningSince.putIfAbsent(v.vm(), v.timeNanos());
      } else {
        runningSince.remove(v.vm());
      }
    } else if (event instanceof OperatorAction) {
      operator((OperatorAction) event);
    } else if (event instanceof QuorumChanged) {
      QuorumChanged q = (QuorumChanged) event;
      if (!q.hasQuorum()) {
        quorumSince = -1;
      } else if (quorumSince < 0) {
        quorumSince = q.timeNanos();
      }
    } else if (event instanceof MigrationStarted) {
      MigrationStarted m = (MigrationStarted) event;
      migrations.put(m.vm(), m);
    } else if (event instanceof MigrationPhaseStarted) {
      MigrationPhaseStarted p = (MigrationPhaseStarted) event;
      if (p.phase().equals(BLACKOUT_PHASE) && migrations.containsKey(p.vm())) {
        blackout.add(p.vm());
      }
    } else if (event instanceof MigrationFinished) {
      VmId vm = ((MigrationFinished) event).result().vm();
      migrations.remove(vm);
      blackout.remove(vm);
    }
  }

  private void operator(OperatorAction a) {
    switch (a.action()) {
      case "start-all-vms":
        for (VirtualMachine vm : cluster.vms()) {
          // As the engine does: every VM that auto-starts, and every VM an operator had stopped.
          if (vm.spec().priority() != Priority.NO_AUTO_START || vm.isOperatorStopped() || wanted.contains(vm.id())) {
            wanted.add(vm.id());
          }
        }
        break;
      case "start-vm":
        wanted.add(VmId.of(a.target()));
        break;
      case "stop-vm":
        wanted.remove(VmId.of(a.target()));
        break;
      default:
        break;
    }
  }

  /**
   * Returns how many events so far could have changed what the state invariants read: VM instances,
   * node states, power and hangs (fault events), LUN ownership and quorum. Group, placement, route and
   * operator events cannot, so the invariants need not look again after them.
   */
  long stateVersion() {
    return stateVersion;
  }

  /** Returns whether the operator wants the VM running (started, and not stopped since). */
  boolean wanted(VmId vm) {
    return wanted.contains(vm);
  }

  /** Returns since when the VM has been running without a break, or -1 when it does not run. */
  long runningSince(VmId vm) {
    return runningSince.getOrDefault(vm, -1L);
  }

  /** Returns since when the cluster has held quorum without a break, or -1 without quorum. */
  long quorumSince() {
    return quorumSince;
  }

  /** Returns the migration of a VM that has started and not ended, if any. */
  MigrationStarted openMigration(VmId vm) {
    return migrations.get(vm);
  }

  /**
   * Returns whether the VM's open migration has frozen it on the source for the final copy (Live
   * Migration's {@code stop-and-copy} and what follows it up to the end of the migration): the source
   * instance executes no guest code and does no I/O until the target takes over or the migration ends.
   */
  boolean inBlackout(VmId vm) {
    return blackout.contains(vm);
  }

  /** Returns every open migration, by VM. */
  Map<VmId, MigrationStarted> openMigrations() {
    return migrations;
  }
}
