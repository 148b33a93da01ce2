package io.hvcluster.core.cluster.failover;

import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.FaultApplied;
import io.hvcluster.core.cluster.model.Migration;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimLun;
import io.hvcluster.core.cluster.model.SimVm;

/**
 * What losing storage means for a node's VMs: a node that loses a LUN's reservation loses its VMs on that
 * LUN (they fail, are stopped, or, on a hung host, stay behind frozen and fenced); a node that can no
 * longer reach a LUN (its paths failed, or the array took the LUN offline) loses them too, unless a
 * Cluster Shared Volume redirects the I/O. (Whether a live holder hands a disk over instead of defending
 * it is the LUN's own rule.)
 */
final class Fencing {
  private final Failover f;

  Fencing(Failover failover) {
    this.f = failover;
  }

  /**
   * A hung node was removed from the cluster: the active partition revokes its registrations on the
   * Cluster Shared Volumes, so its frozen VMs that no ordinary LUN's arbitration would fence (VMs on CSV
   * only, or with no LUN) are fenced now, and their groups can start elsewhere. VMs on ordinary LUNs are
   * fenced when the new owner preempts the reservation.
   */
  void hungNodeRemoved(SimHost h) {
    if (!h.isHung() || !f.reservations.revokesRegistrations()) {
      return;
    }
    for (SimVm vm : h.residents()) {
      boolean guardedByArbitration = false;
      for (var id : vm.spec().luns()) {
        guardedByArbitration |= !f.cluster.storage().get(id).spec().csv();
      }
      if (guardedByArbitration) {
        continue;
      }
      fence(vm, "fenced: " + h.id() + " was removed from the cluster while hung; its registrations on the"
          + " Cluster Shared Volumes were revoked", h.id() + " was removed from the cluster while hung");
    }
  }

  /** Fences a VM's instance on a hung node: it stays behind there, frozen, and the VM is off. */
  private static void fence(SimVm vm, String why, String abort) {
    Migration run = vm.migration();
    vm.abandonInstance(why);
    if (run != null) {
      run.abort(abort);
    }
  }

  /**
   * A hung node resumed while still a member: the instances fenced while it hung (another node took
   * their LUNs) find their I/O failing and stop. A VM whose group the node still owns (the LUN was taken
   * by a rogue initiator, not by a failover) is a failed resource now, and its restart policy decides.
   */
  void resumedWithFencedInstances(SimHost h) {
    for (VmId id : h.staleInstances()) {
      SimVm vm = f.cluster.vmModel(id);
      for (var lunId : vm.spec().luns()) {
        SimLun lun = f.cluster.storage().get(lunId);
        if (!lun.spec().csv() && !lun.ownedBy(h)) {
          h.removeStale(id);
          if (vm.groupModel().ownerNode() == h && h.isMember() && vm.wanted() && vm.migration() == null
              && vm.vmState() == VmState.OFF && vm.node() == null) {
            f.restarts.vmFailed(vm, h, "fenced while " + h.id() + " hung: " + lun.describe() + " was taken from it");
          }
          break;
        }
      }
    }
  }

  /** A node lost its reservation on a LUN: its VMs on that LUN lose their storage. */
  void reservationLost(SimHost h, SimLun lun) {
    if (lun == f.cluster.witness()) {
      f.membership.requestDecision();
      return;
    }
    if (lun.spec().csv()) {
      // Only the coordinator role moved; every node keeps its access to a Cluster Shared Volume.
      return;
    }
    for (SimVm vm : h.residents()) {
      if (!vm.spec().luns().contains(lun.spec().id())) {
        continue;
      }
      String why = h.id() + " lost its reservation on " + lun.describe();
      if (h.isHung()) {
        fence(vm, "fenced: " + why + " while hung", why);
      } else if (vm.groupModel().ownerNode() == h && h.isMember() && vm.wanted() && vm.migration() == null
          && (vm.vmState() == VmState.RUNNING || vm.vmState() == VmState.STARTING)) {
        f.restarts.vmFailed(vm, why + "; its I/O failed");
      } else {
        f.lifecycle.kill(vm, why);
      }
    }
  }

  /** A node can no longer reach a LUN: its VMs on it fail, unless a Cluster Shared Volume redirects the I/O. */
  void storageLost(SimHost h, SimLun lun, String why) {
    if (lun == f.cluster.witness()) {
      f.membership.requestDecision();
      f.reconciler.kick();
      return;
    }
    if (lun.spec().csv() && !lun.isArrayOffline()) {
      if (lun.ownerNode() == h) {
        // The coordinator itself lost its paths: the volume moves to a node that still has them.
        f.reconciler.kick();
      }
      f.cluster.emit(new FaultApplied(f.cluster.now(), f.cluster.name(), "csv-redirected-io", lun.spec().id() + " on " + h.id()
          + ": I/O redirected through the coordinator"));
      return;
    }
    for (SimVm vm : h.residents()) {
      if (vm.spec().luns().contains(lun.spec().id())
          && (vm.vmState() == VmState.RUNNING || vm.vmState() == VmState.STARTING) && vm.migration() == null) {
        f.monitor.failed(vm, why);
      }
    }
  }
}
