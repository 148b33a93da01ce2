package io.hvcluster.core.cluster.failover;

import io.hvcluster.api.GroupState;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmState;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.SimGroup;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimVm;
import io.hvcluster.core.sim.EventLoop;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The failover engine: it keeps every group whose VMs are wanted online, one group at a time in
 * priority order. For a group without a live owner it arbitrates the group's LUNs for a node chosen by
 * the placement policy (the witness first), then starts the VMs there; it applies the restart policy to
 * failed VMs and the failover threshold to groups, and fails groups back to their preferred owners when
 * the policy allows.
 */
final class Reconciler {
  private final Failover f;
  private boolean pending;
  /** Groups by priority, highest first, then configuration order; rebuilt when groups are added. */
  private List<SimGroup> order = List.of();

  Reconciler(Failover failover) {
    this.f = failover;
  }

  /** Asks for a reconciliation pass after the current event. */
  void kick() {
    if (!pending) {
      pending = true;
      f.cluster.loop().schedule(0, this::run);
    }
  }

  void kickAt(long time) {
    f.cluster.loop().scheduleAt(Math.max(time, f.cluster.now()), EventLoop.Priority.NORMAL,
        this::kick);
  }

  private void run() {
    pending = false;
    if (!f.membership.hasQuorum()) {
      return;
    }
    if (!f.coordinators.witnessSettled(this::kick)) {
      return;
    }
    f.coordinators.ensureCsvCoordinators(this::kick);
    if (order.size() != f.cluster.groups().size()) {
      List<SimGroup> sorted = new ArrayList<>(f.cluster.groups());
      sorted.sort(Comparator.comparingInt((SimGroup g) -> -g.lead().priority().value())
          .thenComparingInt(SimGroup::index));
      order = sorted;
    }
    for (SimGroup g : order) {
      if (g.retryDue(f.cluster.now())) {
        g.note("the retry period on failure (" + g.policy().retryPeriodOnFailure().toMinutes()
            + " min) has passed: the cluster tries the failed group again");
      }
      if (needsStart(g)) {
        bringOnline(g);
      }
    }
    for (SimGroup g : order) {
      f.moves.considerFailback(g);
    }
  }

  private boolean needsStart(SimGroup g) {
    if (g.activity() != SimGroup.Activity.IDLE || g.isLocked()) {
      return false;
    }
    SimHost owner = g.ownerNode();
    return switch (g.groupState()) {
      case OFFLINE -> g.wantsOnline();
      case FAILED -> g.retryAt() >= 0 && f.cluster.now() >= g.retryAt() && g.wantsOnline();
      // An online group only starts more of its VMs on its own live owner; if the owner died, the
      // cluster learns it from the heartbeats and fails the whole group over then.
      case ONLINE, ONLINE_PENDING -> anyWantedNeedsBoot(g)
          && (owner != null && (owner.canHostGroups() || keepsRunningGroup(g)) && f.membership.isActive(owner)
              || g.groupState() == GroupState.ONLINE_PENDING && pendingOnUnusableOwner(g));
      case OFFLINE_PENDING -> false;
    };
  }

  private static boolean anyWantedNeedsBoot(SimGroup g) {
    for (SimVm vm : g.members()) {
      if (vm.wanted() && needsBoot(vm) && vm.queuedOn() == null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the group's owner is a paused node that still runs some of the group's VMs: a paused node
   * takes no new groups, but a group that stays on it restarts its own VMs there (the group's LUNs cannot
   * move while some of its VMs run).
   */
  static boolean keepsRunningGroup(SimGroup g) {
    SimHost owner = g.ownerNode();
    if (owner == null || owner.nodeState() != NodeState.PAUSED || !owner.sendsHeartbeats()) {
      return false;
    }
    return runsAnyOn(g, owner);
  }

  /**
   * Whether a group still coming online is stuck on an owner that may not start it (paused meanwhile,
   * or gone, or none at all) while none of its VMs holds memory there: it is placed anew, instead of
   * waiting forever.
   */
  private static boolean pendingOnUnusableOwner(SimGroup g) {
    SimHost owner = g.ownerNode();
    return owner == null || !runsAnyOn(g, owner);
  }

  static boolean needsBoot(SimVm vm) {
    VmState state = vm.vmState();
    return state == VmState.OFF || state == VmState.FAILED || state == VmState.SAVED;
  }

  private void bringOnline(SimGroup g) {
    SimHost owner = g.ownerNode();
    SimHost target;
    PlacementReason reason = g.nextReason();
    boolean ownerUsable = owner != null && (owner.canHostGroups() || keepsRunningGroup(g))
        && f.membership.isActive(owner) && owner != g.avoided() && f.placement.storageReachable(g, owner);
    long need = ownerUsable ? GroupPlacement.pendingMemory(g, owner) : 0;
    boolean ownerFull = ownerUsable && need > owner.freeBytes();
    if (ownerFull && runsAnyOn(g, owner)) {
      String why = "owner " + owner.id() + " lacks " + ClusterModel.size(need) + " of free memory to restart the group";
      SimVm failed = g.members().stream()
          .filter(v -> v.wanted() && v.vmState() == VmState.FAILED && v.node() == owner).findFirst().orElse(null);
      SimVm waiting = g.members().stream().filter(v -> v.wanted() && v.migration() == null && v.queuedOn() == null
          && (v.vmState() == VmState.OFF || v.vmState() == VmState.SAVED)).findFirst().orElse(null);
      if (failed != null || waiting != null) {
        // The restart of a failed VM, or the start of one an operator started again, fails for want of
        // memory on the owner: it counts against the restart threshold, and past it the group fails over,
        // as a unit, to a node with room for all of it, as WSFC does after any failed start.
        f.placement.placementFailed(g, why);
        String what = failed != null ? "restart" : "start";
        f.restarts.vmFailed(failed != null ? failed : waiting, owner, what + " failed: " + why);
        return;
      }
      // Some of the group's VMs run on the owner and none waits to start: it waits for room there.
      f.placement.placementFailed(g, why);
      return;
    }
    if (ownerUsable && !ownerFull) {
      target = owner;
    } else {
      // No VM of the group holds memory on a full owner: the group is placed anew like after a failure.
      target = f.placement.place(g, reason);
      if (target == null) {
        return;
      }
      // The chosen node owns the group from now on, so later placements see it there (group counts,
      // anti-affinity) while its LUNs are arbitrated.
      g.moveTo(g.groupState(), target, "placed on " + target.id() + "; arbitrating for its storage");
    }
    g.reserve(target, GroupPlacement.pendingMemory(g, target));
    g.setActivity(SimGroup.Activity.ARBITRATING);
    f.reservations.acquire(g.ordinaryLuns(), target, "bring " + g.describe() + " online", won -> {
      if (g.activity() != SimGroup.Activity.ARBITRATING) {
        return;
      }
      boolean usable = target.canHostGroups() || target == g.ownerNode() && keepsRunningGroup(g);
      if (!won || !usable || !f.membership.isActive(target)) {
        g.releaseReservation();
        g.setActivity(SimGroup.Activity.IDLE);
        if (g.ownerNode() == target && g.groupState() != GroupState.ONLINE) {
          // Nothing of the group is coming online any more: a pending group is offline again.
          GroupState next = g.groupState() == GroupState.ONLINE_PENDING ? GroupState.OFFLINE : g.groupState();
          g.moveTo(next, null, "placement on " + target.id() + " abandoned");
        }
        f.placement.placementFailed(g, won ? target.id() + " left before the group could start"
            : target.id() + " lost the arbitration for the group's LUNs");
        kickAt(f.cluster.now() + f.cluster.costs().arbitration().toNanos());
        return;
      }
      startOn(g, target);
    });
  }

  static boolean runsAnyOn(SimGroup g, SimHost host) {
    for (SimVm vm : g.members()) {
      if (vm.node() == host && vm.vmState().holdsMemory()) {
        return true;
      }
    }
    return false;
  }

  private void startOn(SimGroup g, SimHost target) {
    if (g.groupState() != GroupState.ONLINE || g.ownerNode() != target) {
      g.moveTo(GroupState.ONLINE_PENDING, target, "bringing online on " + target.id());
    }
    g.setActivity(SimGroup.Activity.STARTING);
    g.nextReason(PlacementReason.INITIAL);
    boolean any = false;
    for (SimVm vm : g.members()) {
      if (vm.wanted() && needsBoot(vm) && vm.queuedOn() == null) {
        any = true;
        long mem = vm.spec().memoryBytes();
        f.lifecycle.start(vm, target,
            () -> vm.wanted() && needsBoot(vm) && g.ownerNode() == target && g.activity() == SimGroup.Activity.STARTING,
            () -> g.consumeReservation(target, mem), () -> vmRunning(vm));
      }
    }
    if (!any) {
      g.releaseReservation();
      checkOnline(g);
    }
  }

  private void vmRunning(SimVm vm) {
    f.guestClusters.vmRunning(vm);
    checkOnline(vm.groupModel());
  }

  /**
   * A VM's start ended without it running (an operator stop or a kill cancelled it): the group must not
   * stay busy waiting for it.
   */
  void startCancelled(SimVm vm) {
    SimGroup g = vm.groupModel();
    if (g.activity() == SimGroup.Activity.STARTING) {
      checkOnline(g);
      kick();
    }
  }

  private void checkOnline(SimGroup g) {
    SimHost owner = g.ownerNode();
    for (SimVm vm : g.members()) {
      // Only a start on the group's owner is still to come. An instance left starting on another node
      // (frozen on a hung node the group failed over from) never reports back here, and waiting for it
      // would leave the group busy, and its VMs down, forever.
      if (vm.wanted() && vm.isStarting() && vm.node() == owner || vm.queuedOn() != null && vm.queuedOn() == owner) {
        return;
      }
    }
    boolean allRunning = g.members().stream()
        .allMatch(v -> !v.wanted() || v.vmState() == VmState.RUNNING && v.node() == owner);
    g.endStart();
    if (allRunning && owner != null) {
      g.avoid(null);
      g.moveTo(GroupState.ONLINE, owner, "all VMs running");
    } else {
      // A VM of the group was started again (or stopped and started) while others were coming up: the
      // group needs another pass to start what is still down.
      kick();
    }
  }

  /**
   * A migration's save froze on a hung host and the migration ended; the host has now resumed, still a
   * member. The VM runs on where it was if its group still lives there with its storage; otherwise it
   * stops, and the group brings it online wherever it is.
   */
  void frozenSaveAbandoned(SimVm vm, SimHost host, String why) {
    if (vm.vmState() != VmState.SAVING || vm.node() != host || vm.migration() != null) {
      return;
    }
    SimGroup g = vm.groupModel();
    boolean holdsStorage = f.reservations.held(g.ordinaryLuns(), host);
    if (g.ownerNode() == host && holdsStorage) {
      vm.moveTo(VmState.RUNNING, host, why);
      if (g.groupState() == GroupState.OFFLINE || g.groupState() == GroupState.FAILED) {
        g.moveTo(GroupState.ONLINE_PENDING, host, why);
      }
      checkOnline(g);
    } else {
      f.lifecycle.kill(vm, why + "; its group no longer lives on " + host.id());
      kick();
    }
  }

  /** A start could not begin (its host stopped running): the group tries again. */
  void startAbandoned(SimVm vm, String why) {
    SimGroup g = vm.groupModel();
    g.endStart();
    if (g.ownerNode() != null && g.groupState() != GroupState.OFFLINE) {
      g.moveTo(GroupState.OFFLINE, null, "start abandoned: " + why);
    }
    kick();
  }

  /** A node left the active partition: its groups lose their owner and fail over. */
  void ownerLost(SimHost host, String why) {
    List<SimGroup> touched = host.ownedGroups();
    for (SimGroup g : touched) {
      g.releaseReservation();
      g.forgetPlannedTarget();
      // A migration ends itself (it is aborted and resolves its VM); a planned move of a group of several
      // VMs is not a migration and cannot complete once its owner is gone, so it is over too.
      if (g.activity() != SimGroup.Activity.MOVING || g.members().stream().noneMatch(v -> v.migration() != null)) {
        g.setActivity(SimGroup.Activity.IDLE);
      }
      boolean wanted = g.wantsOnline();
      String lost = "owner " + host.id() + " left the cluster: " + why;
      if (g.isLocked()) {
        g.moveTo(GroupState.FAILED, null, lost + "; the group stays failed (failover threshold)");
      } else if (g.groupState() == GroupState.OFFLINE) {
        g.setOwner(null);
      } else {
        g.moveTo(GroupState.OFFLINE, null, lost);
      }
      if (wanted && !g.isLocked() && f.restarts.countFailover(g, host, "node " + host.id() + " failed: " + why)) {
        g.nextReason(PlacementReason.FAILOVER);
      }
    }
    for (SimGroup g : host.reservingGroups()) {
      g.releaseReservation();
      if (g.activity() == SimGroup.Activity.ARBITRATING) {
        g.setActivity(SimGroup.Activity.IDLE);
      }
      if (!touched.contains(g)) {
        touched.add(g);
      }
    }
    for (SimGroup g : touched) {
      f.availability.pendingStartsStalled(g, "owner " + host.id() + " left the cluster: " + why);
    }
    kick();
  }
}
