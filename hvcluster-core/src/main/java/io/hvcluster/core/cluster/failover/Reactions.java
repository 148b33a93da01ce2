package io.hvcluster.core.cluster.failover;

import io.hvcluster.api.VmState;
import io.hvcluster.core.cluster.lifecycle.StartListener;
import io.hvcluster.core.cluster.membership.MembershipListener;
import io.hvcluster.core.cluster.memory.VmMemory;
import io.hvcluster.core.cluster.migration.MigrationListener;
import io.hvcluster.core.cluster.model.EntityListener;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimLun;
import io.hvcluster.core.cluster.model.SimVm;
import org.apiguardian.api.API;

/**
 * What the lower parts of the engine report upwards, each handed to the part that reacts: an entity's
 * change to availability, guest clusters, fencing and the membership; the end of a start, a node's
 * departure, a migration's end and failed guest memory to the failover engine. The lower parts are built
 * before the failover engine, so they are given this object first, and the engine binds itself to it
 * when it is built; every upward call of the engine can be read here.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Reactions implements EntityListener, StartListener, MembershipListener, MigrationListener,
    VmMemory.FailureListener {
  private Failover f;

  /** The failover engine that reacts; bound once, when it is built. */
  void bind(Failover failover) {
    if (f != null) {
      throw new IllegalStateException("the reactions are already bound");
    }
    f = failover;
  }

  @Override
  public void vmChanged(SimVm vm, VmState from, String why) {
    f.availability.update(vm, why);
    if (from == VmState.RUNNING && vm.vmState() != VmState.RUNNING) {
      f.guestClusters.vmStopped(vm, why);
    }
  }

  @Override
  public void witnessArbitrated() {
    f.membership.requestDecision();
  }

  @Override
  public void reservationLost(SimHost previous, SimLun lun) {
    f.fencing.reservationLost(previous, lun);
  }

  @Override
  public void startFailed(SimVm vm, String why) {
    f.restarts.vmFailed(vm, why);
  }

  @Override
  public void startCancelled(SimVm vm) {
    f.reconciler.startCancelled(vm);
  }

  @Override
  public void startAbandoned(SimVm vm, String why) {
    f.reconciler.startAbandoned(vm, why);
  }

  @Override
  public void reconcile() {
    f.reconciler.kick();
  }

  @Override
  public void ownerLost(SimHost host, String why) {
    f.reconciler.ownerLost(host, why);
  }

  @Override
  public void hungNodeRemoved(SimHost host) {
    f.fencing.hungNodeRemoved(host);
  }

  @Override
  public void resumedWithFencedInstances(SimHost host) {
    f.fencing.resumedWithFencedInstances(host);
  }

  @Override
  public void migrationEnded() {
    f.reconciler.kick();
  }

  @Override
  public void frozenSaveAbandoned(SimVm vm, SimHost host, String why) {
    f.reconciler.frozenSaveAbandoned(vm, host, why);
  }

  @Override
  public void memoryFailed(SimVm vm, String why) {
    f.monitor.failed(vm, why);
  }
}
