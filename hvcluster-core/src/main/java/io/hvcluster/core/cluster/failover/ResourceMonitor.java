package io.hvcluster.core.cluster.failover;

import io.hvcluster.api.VmState;
import io.hvcluster.core.cluster.model.Migration;
import io.hvcluster.core.cluster.model.SimVm;

/**
 * The resource monitor of each VM: it notices that a VM's worker process crashed, that its guest stopped
 * answering the heartbeat integration service, or that its memory or storage failed it, and reports the
 * resource as failed, so the restart policy decides ({@link RestartPolicy#vmFailed}). An instance the
 * cluster does not count on there (unwanted, or not on its group's owner, or moving) is simply stopped.
 */
final class ResourceMonitor {
  /** How long the heartbeat integration service waits for a hung guest before its resource fails. */
  static final long GUEST_HEARTBEAT_TIMEOUT_NANOS = 60_000_000_000L;

  private final Failover f;

  ResourceMonitor(Failover failover) {
    this.f = failover;
  }

  /**
   * The VM's resource failed on the node it runs on, for {@code why}: the restart policy decides if the
   * cluster counts on the instance there, and otherwise it is stopped.
   */
  void failed(SimVm vm, String why) {
    if (vm.wanted() && vm.groupModel().ownerNode() == vm.node() && vm.migration() == null) {
      f.restarts.vmFailed(vm, why);
    } else {
      f.lifecycle.kill(vm, why);
    }
  }

  /** The VM's worker process crashed: a migration moving it ends, and its resource fails. */
  void workerCrashed(SimVm vm) {
    Migration run = vm.migration();
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
    f.availability.update(vm, "guest OS hung");
    f.guestClusters.vmStopped(vm, "guest hung");
    if (vm.spec().checkHeartbeat()) {
      vm.watchGuestHeartbeat(GUEST_HEARTBEAT_TIMEOUT_NANOS, () -> {
        if (vm.guestHung() && vm.vmState() == VmState.RUNNING && vm.groupModel().ownerNode() == vm.node()
            && vm.wanted()) {
          vm.guestResponds();
          f.availability.update(vm, "guest OS hung");
          f.restarts.vmFailed(vm, "guest stopped answering the heartbeat integration service");
        }
      });
    }
  }

  /** The hung guest answers again: it serves, and the heartbeat timeout is off. */
  void guestResumed(SimVm vm) {
    vm.guestResponds();
    f.availability.update(vm, "guest OS resumed");
    vm.stopWatchingGuestHeartbeat();
    if (vm.vmState() == VmState.RUNNING) {
      f.guestClusters.vmRunning(vm);
    }
  }
}
