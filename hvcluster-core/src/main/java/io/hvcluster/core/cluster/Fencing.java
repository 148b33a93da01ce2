package io.hvcluster.core.cluster;

import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import java.util.ArrayList;

/**
 * What a lost reservation means: a node that loses a LUN's reservation loses its VMs on that LUN (they
 * fail, are stopped, or, on a hung host, stay behind frozen and fenced), and a live holder inside the
 * active partition hands a disk over instead of defending it.
 */
final class Fencing {
  private final SimCluster c;

  Fencing(SimCluster cluster) {
    this.c = cluster;
  }

  /**
   * Whether a live holder lets a challenger take a LUN without defending it: both are members of the
   * active partition and the holder owns no group on that LUN, so the cluster moves the disk between them
   * instead of fighting over it.
   */
  boolean handsOver(SimHost holder, SimHost challenger, SimLun lun) {
    if (!c.membership.isActive(holder) || !c.membership.isActive(challenger) || lun == c.witness) {
      return false;
    }
    for (SimGroup g : c.groups) {
      if (g.owner == holder && g.luns.contains(lun)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A hung node was removed from the cluster: the active partition revokes its registrations on the
   * Cluster Shared Volumes, so its frozen VMs that no ordinary LUN's arbitration would fence (VMs on CSV
   * only, or with no LUN) are fenced now, and their groups can start elsewhere. VMs on ordinary LUNs are
   * fenced when the new owner preempts the reservation.
   */
  void hungNodeRemoved(SimHost h) {
    if (!h.hung || !c.reservations.revokesRegistrations()) {
      return;
    }
    for (SimVm vm : new ArrayList<>(h.vms.values())) {
      boolean guardedByArbitration = false;
      for (var id : vm.spec.luns()) {
        guardedByArbitration |= !c.storage.get(id).spec.csv();
      }
      if (guardedByArbitration) {
        continue;
      }
      h.addStale(vm, vm.state);
      vm.cancelTimers();
      MigrationRun run = vm.migration;
      vm.moveTo(VmState.OFF, null, "fenced: " + h.id() + " was removed from the cluster while hung; its"
          + " registrations on the Cluster Shared Volumes were revoked");
      if (run != null) {
        run.abort(h.id() + " was removed from the cluster while hung");
      }
    }
  }

  /**
   * A hung node resumed while still a member: the instances fenced while it hung (another node took
   * their LUNs) find their I/O failing and stop. A VM whose group the node still owns (the LUN was taken
   * by a rogue initiator, not by a failover) is a failed resource now, and its restart policy decides.
   */
  void resumedWithFencedInstances(SimHost h) {
    for (VmId id : new ArrayList<>(h.stale.keySet())) {
      SimVm vm = c.vmModel(id);
      for (var lunId : vm.spec.luns()) {
        SimLun lun = c.storage.get(lunId);
        if (!lun.spec.csv() && !lun.ownedBy(h)) {
          h.removeStale(id);
          if (vm.group.owner == h && h.isMember() && vm.wanted && vm.migration == null && vm.state == VmState.OFF
              && vm.host == null) {
            c.reconciler.vmFailed(vm, h, "fenced while " + h.id() + " hung: " + lun.describe() + " was taken from it");
          }
          break;
        }
      }
    }
  }

  /** A node lost its reservation on a LUN: its VMs on that LUN lose their storage. */
  void reservationLost(SimHost h, SimLun lun) {
    if (lun == c.witness) {
      c.membership.requestDecision();
      return;
    }
    if (lun.spec.csv()) {
      // Only the coordinator role moved; every node keeps its access to a Cluster Shared Volume.
      return;
    }
    for (SimVm vm : new ArrayList<>(h.vms.values())) {
      if (!vm.spec.luns().contains(lun.spec.id())) {
        continue;
      }
      String why = h.id() + " lost its reservation on " + lun.describe();
      if (h.hung) {
        h.addStale(vm, vm.state);
        vm.cancelTimers();
        MigrationRun run = vm.migration;
        vm.moveTo(VmState.OFF, null, "fenced: " + why + " while hung");
        if (run != null) {
          run.abort(why);
        }
      } else if (vm.group.owner == h && h.isMember() && vm.wanted && vm.migration == null
          && (vm.state == VmState.RUNNING || vm.state == VmState.STARTING)) {
        c.reconciler.vmFailed(vm, why + "; its I/O failed");
      } else {
        c.lifecycle.kill(vm, why);
      }
    }
  }
}
