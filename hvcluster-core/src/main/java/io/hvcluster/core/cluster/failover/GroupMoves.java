package io.hvcluster.core.cluster.failover;

import io.hvcluster.api.GroupState;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.GroupPlaced;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.api.spec.FailbackPolicy;
import io.hvcluster.api.spec.FailbackType;
import io.hvcluster.core.cluster.model.SimGroup;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimLun;
import io.hvcluster.core.cluster.model.SimVm;
import io.hvcluster.core.sim.EventLoop;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Planned moves of groups (drain, failback to a preferred owner, leaving the cluster) and operator stops:
 * a single running VM moves with the planned-move strategy; a group of several VMs goes offline with its
 * offline action and comes back on the target.
 */
final class GroupMoves {
  private static final long HOUR = 3_600_000_000_000L;
  /** Who decides a failback's target, as {@link GroupPlaced} names it. */
  static final String FAILBACK_DECIDER = "failback-policy";

  private final Failover f;

  GroupMoves(Failover failover) {
    this.f = failover;
  }

  /** Takes a group to another node in a planned way (drain, failback). */
  void moveGroup(SimGroup g, SimHost target, PlacementReason reason, String why) {
    // The decision is committed at once: the target counts the group among its own, and has its memory
    // promised, before the next group of the same drain is placed.
    g.planMove(target);
    List<SimVm> members = g.members();
    SimVm only = members.size() == 1 ? members.get(0) : null;
    if (only != null && only.vmState() == VmState.RUNNING && only.migration() == null && g.ownerNode() == only.node()) {
      // The migration reserves the VM's memory on the target itself.
      f.migrations.begin(only, target, f.plannedMoves(), () -> {
        if (g.plannedTarget() == target) {
          g.forgetPlannedTarget();
        }
      });
      return;
    }
    g.setActivity(SimGroup.Activity.MOVING);
    g.reserve(target, GroupPlacement.pendingMemory(g, target));
    List<SimVm> running = new ArrayList<>();
    for (SimVm vm : members) {
      if (vm.vmState() == VmState.RUNNING || vm.isStarting()) {
        running.add(vm);
      }
    }
    if (g.groupState() == GroupState.ONLINE || g.groupState() == GroupState.ONLINE_PENDING) {
      g.moveTo(GroupState.OFFLINE_PENDING, g.ownerNode(), why);
    }
    int[] remaining = {running.size()};
    Runnable handOver = () -> {
      SimHost from = g.ownerNode();
      if (from != null && members.stream().anyMatch(v -> v.node() == from && v.vmState().holdsMemory())) {
        // A VM is still on the node (its save failed and it kept running, or an operator's stop is still
        // saving it): giving the group's LUNs away now would leave it running or writing without its
        // storage. The move is abandoned instead.
        g.setActivity(SimGroup.Activity.IDLE);
        g.releaseReservation();
        g.forgetPlannedTarget();
        if (g.groupState() == GroupState.OFFLINE_PENDING && members.stream().anyMatch(v -> v.node() == from
            && v.vmState() == VmState.RUNNING)) {
          g.moveTo(GroupState.ONLINE, from, "move abandoned: a VM could not be taken offline");
        }
        f.reconciler.kick();
        return;
      }
      for (SimLun lun : g.ordinaryLuns()) {
        if (from != null) {
          lun.release(from, "released for " + why);
        }
      }
      g.setActivity(SimGroup.Activity.IDLE);
      g.moveTo(GroupState.OFFLINE, null, why);
      g.nextReason(reason);
      f.reconciler.kick();
    };
    if (running.isEmpty()) {
      handOver.run();
      return;
    }
    for (SimVm vm : running) {
      f.lifecycle.takeOffline(vm, why, () -> {
        if (--remaining[0] == 0) {
          handOver.run();
        }
      });
    }
  }


  /** Takes an unwanted VM offline, unless a migration is moving it (it is stopped when that ends). */
  void stopIfUnwanted(SimVm vm) {
    if (vm.wanted() || vm.migration() != null) {
      return;
    }
    SimGroup g = vm.groupModel();
    if (vm.vmState() == VmState.FAILED) {
      vm.moveTo(VmState.OFF, null, "stopped by operator");
      if (!g.wantsOnline() && g.groupState() == GroupState.FAILED) {
        g.moveTo(GroupState.OFFLINE, g.ownerNode(), "stopped by operator");
      }
      return;
    }
    if (vm.vmState() != VmState.RUNNING && !vm.isStarting()) {
      // Nothing to stop, but the group now needs less memory where it goes: it may fit somewhere now.
      f.reconciler.kick();
      return;
    }
    boolean lastOne = !g.wantsOnline();
    if (lastOne && (g.groupState() == GroupState.ONLINE || g.groupState() == GroupState.ONLINE_PENDING)) {
      g.moveTo(GroupState.OFFLINE_PENDING, g.ownerNode(), "stopped by operator");
    }
    if (lastOne) {
      g.endStart();
    }
    f.lifecycle.takeOffline(vm, "stopped by operator", () -> {
      // Even when an operator started the VM again while it was being saved: a group left offline-pending
      // is never brought online, so it goes offline and the failover engine starts it again from there.
      if (g.groupState() == GroupState.OFFLINE_PENDING && g.activity() != SimGroup.Activity.MOVING) {
        g.moveTo(GroupState.OFFLINE, g.ownerNode(), "stopped by operator");
      }
      f.reconciler.kick();
    });
  }


  /**
   * Moves every group a node owns to the node placement chooses for it, one group at a time in priority
   * order; each decision is committed (the target counts the group, its memory is promised there) before
   * the next group is placed, so the placement policy sees the drain so far.
   */
  void drain(SimHost h, String why) {
    List<SimGroup> groups = h.ownedGroups();
    groups.sort(Comparator.comparingInt((SimGroup g) -> -g.lead().priority().value()).thenComparingInt(SimGroup::index));
    for (SimGroup g : groups) {
      if (g.activity() != SimGroup.Activity.IDLE && g.activity() != SimGroup.Activity.STARTING) {
        continue;
      }
      SimHost target = f.placement.place(g, PlacementReason.DRAIN);
      if (target != null) {
        moveGroup(g, target, PlacementReason.DRAIN, why);
      }
    }
  }

  /** Moves an online group back to its most preferred owner when its failback policy allows it now. */
  void considerFailback(SimGroup g) {
    if (g.groupState() != GroupState.ONLINE) {
      return;
    }
    FailbackPolicy failback = g.policy().failback();
    if (failback.type() == FailbackType.PREVENT
        || g.activity() != SimGroup.Activity.IDLE || g.ownerNode() == null || g.lead().preferredOwners().isEmpty()) {
      return;
    }
    List<HostId> preferred = g.lead().preferredOwners();
    int current = preferred.indexOf(g.ownerNode().id());
    SimHost best = null;
    for (int i = 0; i < (current < 0 ? preferred.size() : current); i++) {
      SimHost h = f.cluster.hostOrNull(preferred.get(i));
      if (h != null && h.canHostGroups() && f.membership.isActive(h) && GroupPlacement.fits(g, h)
          && f.placement.storageReachable(g, h)) {
        best = h;
        break;
      }
    }
    // WSFC fails a group back when its preferred owner becomes available; a failback that did not get
    // there (its save failed, say) waits for the next such trigger instead of being retried at once.
    if (best == null || g.failbackHeld(best)) {
      return;
    }
    long now = f.cluster.now();
    int hour = (int) ((now / HOUR) % 24);
    if (!failback.allowsAt(hour)) {
      long nextWindow = (now / HOUR + Math.floorMod(failback.windowStartHour() - hour, 24)) * HOUR;
      if (!g.failbackScheduled()) {
        g.failbackScheduled(true);
        f.cluster.loop().scheduleAt(Math.max(nextWindow, now + 1), EventLoop.Priority.NORMAL, () -> {
          g.failbackScheduled(false);
          f.reconciler.kick();
        });
      }
      return;
    }
    g.failbackTried(best);
    // The failback policy decides, not the placement policy: the event says so.
    f.cluster.emit(new GroupPlaced(now, f.cluster.name(), g.name(), best.id(), FAILBACK_DECIDER,
        "preferred owner " + (preferred.indexOf(best.id()) + 1) + " of " + preferred.size()));
    moveGroup(g, best, PlacementReason.FAILBACK, "failback to preferred owner " + best.id());
  }
}
