package io.hvcluster.core.cluster;

import io.hvcluster.api.VmState;

/**
 * The resource monitor of each VM: it notices that a VM's worker process crashed, that its guest stopped
 * answering the heartbeat integration service, or that its memory or storage failed it, and reports the
 * resource as failed, so the restart policy decides ({@link Reconciler#vmFailed}). An instance the
 * cluster does not count on there (unwanted, or not on its group's owner, or moving) is simply stopped.
 */
final class ResourceMonitor {
  /** How long the heartbeat integration service waits for a hung guest before its resource fails. */
  static final long GUEST_HEARTBEAT_TIMEOUT_NANOS = 60_000_000_000L;

  private final SimCluster c;

  ResourceMonitor(SimCluster cluster) {
    this.c = cluster;
  }

  /**
   * The VM's resource failed on the node it runs on, for {@code why}: the restart policy decides if the
   * cluster counts on the instance there, and otherwise it is stopped.
   */
  void failed(SimVm vm, String why) {
    if (vm.wanted() && vm.groupModel().ownerNode() == vm.node() && vm.migration() == null) {
      c.reconciler.vmFailed(vm, why);
    } else {
      c.lifecycle.kill(vm, why);
    }
  }

  /** The VM's worker process crashed: a migration moving it ends, and its resource fails. */
  void workerCrashed(SimVm vm) {
    MigrationRun run = vm.migration();
    if (run != null) {
      run.abort(vm.spec().id() + "'s worker process crashed");
    }
    failed(vm, "VM worker process crashed");
  }

  /**
   * The guest OS hangs: it stops serving, and if the VM checks the guest's heartbeat, its resource fails
   * when the integration service times out.
   */
  void guestHung(SimVm vm) {
    vm.hangGuest();
    c.availability.update(vm, "guest OS hung");
    c.guestClusters.vmStopped(vm, "guest hung");
    if (vm.spec().checkHeartbeat()) {
      vm.watchGuestHeartbeat(GUEST_HEARTBEAT_TIMEOUT_NANOS, () -> {
        if (vm.guestHung() && vm.vmState() == VmState.RUNNING && vm.groupModel().ownerNode() == vm.node()
            && vm.wanted()) {
          vm.guestResponds();
          c.availability.update(vm, "guest OS hung");
          c.reconciler.vmFailed(vm, "guest stopped answering the heartbeat integration service");
        }
      });
    }
  }

  /** The hung guest answers again: it serves, and the heartbeat timeout is off. */
  void guestResumed(SimVm vm) {
    vm.guestResponds();
    c.availability.update(vm, "guest OS resumed");
    vm.stopWatchingGuestHeartbeat();
    if (vm.vmState() == VmState.RUNNING) {
      c.guestClusters.vmRunning(vm);
    }
  }
}
