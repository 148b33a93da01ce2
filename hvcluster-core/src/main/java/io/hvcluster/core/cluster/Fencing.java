package io.hvcluster.core.cluster;

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
