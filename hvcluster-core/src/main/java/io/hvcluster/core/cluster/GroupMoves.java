package io.hvcluster.core.cluster;

import io.hvcluster.api.GroupState;
import io.hvcluster.api.VmState;
import io.hvcluster.api.placement.PlacementReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Planned moves of groups (drain, failback, leaving the cluster) and operator stops: a single running VM
 * moves with the planned-move strategy; a group of several VMs goes offline with its offline action and
 * comes back on the target.
 */
final class GroupMoves {
  private final SimCluster c;

  GroupMoves(SimCluster cluster) {
    this.c = cluster;
  }

  /** Takes a group to another node in a planned way (drain, failback). */
  void moveGroup(SimGroup g, SimHost target, PlacementReason reason, String why) {
    SimVm only = g.vms.size() == 1 ? g.vms.get(0) : null;
    if (only != null && only.state == VmState.RUNNING && only.migration == null && g.owner == only.host) {
      MigrationRun run = new MigrationRun(c, c.plannedMoves, only, target, () -> {});
      run.begin();
      return;
    }
    g.activity = SimGroup.Activity.MOVING;
    List<SimVm> running = new ArrayList<>();
    for (SimVm vm : g.vms) {
      if (vm.state == VmState.RUNNING || vm.state == VmState.STARTING || vm.state == VmState.RESTORING) {
        running.add(vm);
      }
    }
    if (g.state == GroupState.ONLINE || g.state == GroupState.ONLINE_PENDING) {
      g.moveTo(GroupState.OFFLINE_PENDING, g.owner, why);
    }
    int[] remaining = {running.size()};
    Runnable handOver = () -> {
      SimHost from = g.owner;
      if (from != null && g.vms.stream().anyMatch(v -> v.host == from && v.state.holdsMemory())) {
        // A VM is still on the node (its save failed and it kept running, or an operator's stop is still
        // saving it): giving the group's LUNs away now would leave it running or writing without its
        // storage. The move is abandoned instead.
        g.activity = SimGroup.Activity.IDLE;
        if (g.state == GroupState.OFFLINE_PENDING && g.vms.stream().anyMatch(v -> v.host == from
            && v.state == VmState.RUNNING)) {
          g.moveTo(GroupState.ONLINE, from, "move abandoned: a VM could not be taken offline");
        }
        c.reconciler.kick();
        return;
      }
      for (SimLun lun : g.luns) {
        if (from != null) {
          lun.release(from, "released for " + why);
        }
      }
      g.activity = SimGroup.Activity.IDLE;
      g.moveTo(GroupState.OFFLINE, null, why);
      g.plannedTarget = target;
      g.nextReason = reason;
      c.reconciler.kick();
    };
    if (running.isEmpty()) {
      handOver.run();
      return;
    }
    for (SimVm vm : running) {
      c.lifecycle.takeOffline(vm, why, () -> {
        if (--remaining[0] == 0) {
          handOver.run();
        }
      });
    }
  }


  /** Takes an unwanted VM offline, unless a migration is moving it (it is stopped when that ends). */
  void stopIfUnwanted(SimVm vm) {
    if (vm.wanted || vm.migration != null) {
      return;
    }
    SimGroup g = vm.group;
    if (vm.state == VmState.FAILED) {
      vm.moveTo(VmState.OFF, null, "stopped by operator");
      if (!g.wantsOnline() && g.state == GroupState.FAILED) {
        g.moveTo(GroupState.OFFLINE, g.owner, "stopped by operator");
      }
      return;
    }
    if (vm.state != VmState.RUNNING && vm.state != VmState.STARTING && vm.state != VmState.RESTORING) {
      return;
    }
    boolean lastOne = !g.wantsOnline();
    if (lastOne && (g.state == GroupState.ONLINE || g.state == GroupState.ONLINE_PENDING)) {
      g.moveTo(GroupState.OFFLINE_PENDING, g.owner, "stopped by operator");
    }
    if (g.activity == SimGroup.Activity.STARTING && lastOne) {
      g.activity = SimGroup.Activity.IDLE;
      g.releaseReservation();
    }
    c.lifecycle.takeOffline(vm, "stopped by operator", () -> {
      // Even when an operator started the VM again while it was being saved: a group left offline-pending
      // is never brought online, so it goes offline and the failover engine starts it again from there.
      if (g.state == GroupState.OFFLINE_PENDING && g.activity != SimGroup.Activity.MOVING) {
        g.moveTo(GroupState.OFFLINE, g.owner, "stopped by operator");
      }
      c.reconciler.kick();
    });
  }


  /** Moves every group a node owns to the node placement chooses for it. */
  void drain(SimHost h, String why) {
    for (SimGroup g : h.ownedGroups()) {
      if (g.activity != SimGroup.Activity.IDLE && g.activity != SimGroup.Activity.STARTING) {
        continue;
      }
      SimHost target = c.reconciler.place(g, PlacementReason.DRAIN);
      if (target != null) {
        moveGroup(g, target, PlacementReason.DRAIN, why);
      }
    }
  }
}
