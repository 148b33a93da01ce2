package io.hvcluster.core.cluster;

import io.hvcluster.api.VmState;
import io.hvcluster.core.cluster.lifecycle.StartListener;
import io.hvcluster.core.cluster.membership.MembershipListener;
import io.hvcluster.core.cluster.memory.VmMemory;
import io.hvcluster.core.cluster.migration.MigrationListener;
import io.hvcluster.core.cluster.model.EntityListener;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimLun;
import io.hvcluster.core.cluster.model.SimVm;

/**
 * What the lower parts of the engine report upwards, each handed to the part that reacts: an entity's
 * change to availability, guest clusters, fencing and the membership; the end of a start, a node's
 * departure, a migration's end and failed guest memory to the failover engine.
 */
final class Reactions implements EntityListener, StartListener, MembershipListener, MigrationListener,
    VmMemory.FailureListener {
  private final SimCluster c;

  Reactions(SimCluster cluster) {
    this.c = cluster;
  }

  @Override
  public void vmChanged(SimVm vm, VmState from, String why) {
    c.availability.update(vm, why);
    if (from == VmState.RUNNING && vm.vmState() != VmState.RUNNING) {
      c.guestClusters.vmStopped(vm, why);
    }
  }

  @Override
  public void witnessArbitrated() {
    c.membership.requestDecision();
  }

  @Override
  public void reservationLost(SimHost previous, SimLun lun) {
    c.failover.fencing().reservationLost(previous, lun);
  }

  @Override
  public void startFailed(SimVm vm, String why) {
    c.failover.restarts().vmFailed(vm, why);
  }

  @Override
  public void startCancelled(SimVm vm) {
    c.failover.reconciler().startCancelled(vm);
  }

  @Override
  public void startAbandoned(SimVm vm, String why) {
    c.failover.reconciler().startAbandoned(vm, why);
  }

  @Override
  public void reconcile() {
    c.failover.reconciler().kick();
  }

  @Override
  public void ownerLost(SimHost host, String why) {
    c.failover.reconciler().ownerLost(host, why);
  }

  @Override
  public void hungNodeRemoved(SimHost host) {
    c.failover.fencing().hungNodeRemoved(host);
  }

  @Override
  public void resumedWithFencedInstances(SimHost host) {
    c.failover.fencing().resumedWithFencedInstances(host);
  }

  @Override
  public void migrationEnded() {
    c.failover.reconciler().kick();
  }

  @Override
  public void frozenSaveAbandoned(SimVm vm, SimHost host, String why) {
    c.failover.reconciler().frozenSaveAbandoned(vm, host, why);
  }

  @Override
  public void memoryFailed(SimVm vm, String why) {
    c.failover.monitor().failed(vm, why);
  }
}
