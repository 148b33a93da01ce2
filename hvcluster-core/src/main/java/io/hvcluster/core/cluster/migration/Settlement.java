package io.hvcluster.core.cluster.migration;

import io.hvcluster.api.GroupState;
import io.hvcluster.api.VmState;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.core.cluster.model.SimGroup;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimLun;
import io.hvcluster.core.cluster.model.SimVm;

/**
 * Where a migrating VM and its group stand: the (single-VM) group's state follows the VM while it moves,
 * and a migration that fails or is aborted leaves the VM where it may be, running on the source if the
 * source still holds its storage, frozen with a hung source, or stopped.
 */
final class Settlement {
  private final MigrationRun run;
  private final Migrations parts;
  private final SimVm vm;
  private final SimHost source;

  Settlement(MigrationRun run) {
    this.run = run;
    this.parts = run.parts();
    this.vm = run.migratingVm();
    this.source = run.source();
  }

  /** Whether {@code host} holds the VM's ordinary LUNs, so it may run the VM. */
  boolean holdsStorage(SimHost host) {
    return parts.reservations().held(vm.groupModel().ordinaryLuns(), host);
  }

  /** Keeps the (single-VM) group's state in step with the VM while it moves. */
  void syncGroup() {
    SimGroup g = vm.groupModel();
    SimHost owner = vm.node() != null ? vm.node() : g.ownerNode();
    GroupState next = switch (vm.vmState()) {
      case RUNNING, MIGRATING -> GroupState.ONLINE;
      case SAVING, STOPPING -> GroupState.OFFLINE_PENDING;
      case STARTING, RESTORING -> GroupState.ONLINE_PENDING;
      case FAILED -> GroupState.FAILED;
      case OFF, SAVED -> GroupState.OFFLINE;
    };
    if (next == GroupState.OFFLINE && g.groupState() == GroupState.ONLINE) {
      g.moveTo(GroupState.OFFLINE_PENDING, owner, "migration of " + vm.spec().id());
    }
    if (next == GroupState.ONLINE && g.groupState() == GroupState.OFFLINE) {
      g.moveTo(GroupState.ONLINE_PENDING, owner, "migration of " + vm.spec().id());
    }
    g.moveTo(next, owner, "migration of " + vm.spec().id() + " by " + run.strategyName());
  }

  /** The migration failed: a group still online or pending goes offline where its LUNs are. */
  void groupFailed(String reason) {
    SimGroup g = vm.groupModel();
    if (g.groupState() != GroupState.OFFLINE && g.groupState() != GroupState.FAILED) {
      g.moveTo(GroupState.OFFLINE, lunOwner(), "migration failed: " + reason);
    }
  }

  private SimHost lunOwner() {
    for (SimLun lun : vm.groupModel().ordinaryLuns()) {
      if (lun.ownerNode() != null) {
        return lun.ownerNode();
      }
    }
    return null;
  }

  /** Puts the VM in a consistent state after a failure and says how the migration ended. */
  MigrationOutcome resolve(String reason) {
    VmState state = vm.vmState();
    SimHost host = vm.node();
    if (state == VmState.MIGRATING) {
      vm.thaw();
      if (source.sendsHeartbeats() && holdsStorage(source)) {
        vm.moveTo(VmState.RUNNING, source, "migration abandoned: " + reason);
      } else if (source.isHung() && holdsStorage(source)) {
        // The VM stays where it is, frozen with its host like every VM there: it runs on if the host resumes
        // still a member, and the cluster fences and fails it over like the others if the host is removed.
        vm.moveTo(VmState.RUNNING, source, "migration abandoned: " + reason + "; the VM is frozen with "
            + source.id());
      } else if (source.sendsHeartbeats() || source.isHung()) {
        // The source gave the VM's LUNs up inside a live blackout: it must not run the VM without them
        // (S3). The VM stops here and the failover engine brings its group online again.
        parts.lifecycle().kill(vm, "migration abandoned after " + source.id() + " released the VM's LUNs: " + reason);
      }
    } else if (state == VmState.SAVING && host == source && source.sendsHeartbeats()) {
      vm.moveTo(VmState.RUNNING, source, "save abandoned: " + reason);
    } else if (state == VmState.SAVING && host == source && source.isHung()) {
      // The save froze with its host. If the host resumes still a member, the VM runs on there (or stops,
      // if its group moved meanwhile); if the cluster removes the host first, the VM dies with it.
      String why = "save abandoned: " + reason;
      source.park(() -> parts.listener().frozenSaveAbandoned(vm, source, why));
    } else if ((state == VmState.RESTORING || state == VmState.STARTING) && host != null) {
      // This run is ending now: detach it first, or the kill would abort it, and it would end twice.
      vm.migrationEnded();
      parts.lifecycle().kill(vm, "migration failed: " + reason);
    }
    if (vm.vmState() == VmState.RUNNING && vm.node() == source) {
      return MigrationOutcome.ROLLED_BACK;
    }
    if (vm.vmState() == VmState.RUNNING && vm.node() == run.target()) {
      return MigrationOutcome.COMPLETED;
    }
    return MigrationOutcome.FAILED;
  }
}
