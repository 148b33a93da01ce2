package io.hvcluster.core.cluster.failover;

import io.hvcluster.api.GroupState;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.api.spec.FailoverPolicy;
import io.hvcluster.api.spec.RestartAction;
import io.hvcluster.core.cluster.model.SimGroup;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimLun;
import io.hvcluster.core.cluster.model.SimVm;
import java.util.Optional;

/**
 * The restart policy and the failover threshold, after WSFC: a failed VM resource is restarted in place
 * up to {@code RestartThreshold} times in {@code RestartPeriod}; past that the group fails over (or, for
 * {@code RESTART_NO_NOTIFY}, waits for the retry period); a VM whose node has no path to one of the
 * group's LUNs is not restarted there: its group fails over at once, counted like every failover. A
 * group that failed over {@code FailoverThreshold} times in {@code FailoverPeriod} stays failed until an
 * operator starts it or {@code RetryPeriodOnFailure} (1 hour) has passed, when the cluster tries it again.
 */
final class RestartPolicy {
  private static final long RESTART_DELAY_NANOS = 500_000_000L;

  private final Failover f;

  RestartPolicy(Failover failover) {
    this.f = failover;
  }

  /**
   * A VM resource failed on a live node (crash, failed or timed-out start, hung guest, lost I/O): the
   * restart policy decides between restarting in place, failing the group over, or leaving it failed.
   */
  void vmFailed(SimVm vm, String why) {
    vmFailed(vm, vm.node(), why);
  }

  /**
   * A VM resource failed on {@code host}. A VM that is not running there (fenced while its host hung, or
   * off or saved and unable to start for want of memory) keeps its state; its resource failed all the
   * same, and the restart policy counts the failure on {@code host}.
   */
  void vmFailed(SimVm vm, SimHost host, String why) {
    SimGroup g = vm.groupModel();
    vm.cancelTimers();
    VmState state = vm.vmState();
    if (state != VmState.FAILED && state != VmState.OFF && state != VmState.SAVED) {
      vm.moveTo(VmState.FAILED, host, why);
    }
    g.endStart();
    g.moveTo(GroupState.FAILED, g.ownerNode(), vm.describe() + " failed: " + why);
    if (!vm.wanted()) {
      return;
    }
    FailoverPolicy policy = vm.spec().failover();
    long now = f.cluster.now();
    int restarts = vm.recentRestarts(host, now, policy.restartPeriod().toNanos());
    switch (policy.restartAction()) {
      case DONT_RESTART -> retryLater(g, policy, "restart action is DONT_RESTART");
      case RESTART_NO_NOTIFY, RESTART_NOTIFY -> {
        String pathless = host == null ? null : f.placement.unreachableLun(g, host);
        if (pathless != null && policy.restartAction() == RestartAction.RESTART_NOTIFY) {
          // No restart in place can bring the disk online without a path: the group fails over, and the
          // failover counts against its threshold like any other.
          failOver(g, host, host.id() + " has no path to " + pathless + ": " + why);
        } else if (restarts < policy.restartThreshold()) {
          vm.recordRestart(now);
          g.retryAt(now + RESTART_DELAY_NANOS);
          f.reconciler.kickAt(g.retryAt());
        } else if (policy.restartAction() == RestartAction.RESTART_NOTIFY) {
          failOver(g, host, "restart threshold exceeded: " + policy.restartThreshold() + " restarts in "
              + policy.restartPeriod().toMinutes() + " min on " + (host == null ? "its node" : host.id()));
        } else {
          retryLater(g, policy, "restart threshold exceeded and the restart action never fails over");
        }
      }
      default -> throw new AssertionError(policy.restartAction());
    }
  }

  private void retryLater(SimGroup g, FailoverPolicy policy, String why) {
    g.retryAt(f.cluster.now() + policy.retryPeriodOnFailure().toNanos());
    g.note(why + "; next try after the retry period of " + policy.retryPeriodOnFailure().toMinutes() + " min");
    f.reconciler.kickAt(g.retryAt());
  }

  /** Moves a failed group off {@code from}: its other VMs are turned off and its LUNs released. */
  private void failOver(SimGroup g, SimHost from, String why) {
    for (SimVm other : g.members()) {
      // The group moves on: restarts in place count afresh wherever it lands, even back on this node
      // when it is the only one left.
      other.forgetRestarts();
      if (other.vmState().holdsMemory()) {
        f.lifecycle.kill(other, "group " + g.name() + " fails over: " + why);
      }
    }
    for (SimLun lun : g.ordinaryLuns()) {
      if (from != null) {
        lun.release(from, "released for failover of " + g.describe());
      }
    }
    g.avoid(from);
    g.moveTo(GroupState.OFFLINE, null, why);
    g.retryAt(-1);
    if (countFailover(g, from, why)) {
      g.nextReason(PlacementReason.FAILOVER);
      f.reconciler.kick();
    }
  }

  /**
   * Counts a failover against the group's threshold. Returns false (and leaves the group failed) when
   * the threshold inside the failover period is exhausted.
   */
  boolean countFailover(SimGroup g, SimHost from, String why) {
    FailoverPolicy policy = g.policy();
    long now = f.cluster.now();
    int threshold = policy.effectiveFailoverThreshold(f.cluster.hosts().size());
    if (g.recentFailovers(now, policy.failoverPeriod().toNanos()) >= threshold) {
      long retry = now + policy.retryPeriodOnFailure().toNanos();
      g.lock(retry);
      f.reconciler.kickAt(retry);
      String locked = "failover threshold exceeded: " + threshold + " failovers in " + policy.failoverPeriod().toHours()
          + " h; the group stays failed until an operator starts it, or the cluster tries it again after the retry"
          + " period on failure of " + policy.retryPeriodOnFailure().toMinutes() + " min";
      if (g.groupState() != GroupState.FAILED) {
        g.moveTo(GroupState.FAILED, g.ownerNode(), locked);
      } else {
        g.note(locked);
      }
      return false;
    }
    int count = g.recordFailover(now);
    f.cluster.emit(new FailoverStarted(now, f.cluster.name(), g.name(), Optional.ofNullable(from).map(SimHost::id),
        count, why));
    return true;
  }
}
