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
    List<SimVm> members = g.members();
    SimVm only = members.size() == 1 ? members.get(0) : null;
    if (only != null && only.vmState() == VmState.RUNNING && only.migration() == null && g.ownerNode() == only.node()) {
      MigrationRun run = new MigrationRun(c, c.plannedMoves, only, target, () -> {});
      run.begin();
      return;
    }
    g.setActivity(SimGroup.Activity.MOVING);
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
        if (g.groupState() == GroupState.OFFLINE_PENDING && members.stream().anyMatch(v -> v.node() == from
            && v.vmState() == VmState.RUNNING)) {
          g.moveTo(GroupState.ONLINE, from, "move abandoned: a VM could not be taken offline");
        }
        c.reconciler.kick();
        return;
      }
      for (SimLun lun : g.ordinaryLuns()) {
        if (from != null) {
          lun.release(from, "released for " + why);
        }
      }
      g.setActivity(SimGroup.Activity.IDLE);
      g.moveTo(GroupState.OFFLINE, null, why);
      g.planMove(target, reason);
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
      c.reconciler.kick();
      return;
    }
    boolean lastOne = !g.wantsOnline();
    if (lastOne && (g.groupState() == GroupState.ONLINE || g.groupState() == GroupState.ONLINE_PENDING)) {
      g.moveTo(GroupState.OFFLINE_PENDING, g.ownerNode(), "stopped by operator");
    }
    if (lastOne) {
      g.endStart();
    }
    c.lifecycle.takeOffline(vm, "stopped by operator", () -> {
      // Even when an operator started the VM again while it was being saved: a group left offline-pending
      // is never brought online, so it goes offline and the failover engine starts it again from there.
      if (g.groupState() == GroupState.OFFLINE_PENDING && g.activity() != SimGroup.Activity.MOVING) {
        g.moveTo(GroupState.OFFLINE, g.ownerNode(), "stopped by operator");
      }
      c.reconciler.kick();
    });
  }


  /** Moves every group a node owns to the node placement chooses for it. */
  void drain(SimHost h, String why) {
    for (SimGroup g : h.ownedGroups()) {
      if (g.activity() != SimGroup.Activity.IDLE && g.activity() != SimGroup.Activity.STARTING) {
        continue;
      }
      SimHost target = c.reconciler.place(g, PlacementReason.DRAIN);
      if (target != null) {
        moveGroup(g, target, PlacementReason.DRAIN, why);
      }
    }
  }
}
