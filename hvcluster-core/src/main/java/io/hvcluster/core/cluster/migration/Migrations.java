package io.hvcluster.core.cluster.migration;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.InsufficientCapacityException;
import io.hvcluster.api.VmState;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.core.cluster.availability.AvailabilityTracker;
import io.hvcluster.core.cluster.bandwidth.Paths;
import io.hvcluster.core.cluster.lifecycle.Lifecycle;
import io.hvcluster.core.cluster.membership.Links;
import io.hvcluster.core.cluster.memory.VmMemory;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.SimGroup;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimVm;
import io.hvcluster.core.cluster.storage.Reservations;
import org.apiguardian.api.API;

/**
 * The migration runtime of one cluster: what every {@link MigrationRun} works with, the checks an
 * operator's migration must pass, and the start of each run.
 *
 * @param api the cluster's public face, which strategies see
 * @param cluster the cluster's state
 * @param memory the VMs' guest memory
 * @param lifecycle boots and stops VM instances
 * @param paths the shared bandwidth of storage paths, the array and the migration network
 * @param reservations the LUN reservations a VM needs
 * @param links the migration network
 * @param availability the VMs' availability accounts
 * @param listener the failover engine, told when a migration ends
 * @param queue the live migrations under way and waiting, per source host
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Migrations(Cluster api, ClusterModel cluster, VmMemory memory, Lifecycle lifecycle, Paths paths,
    Reservations reservations, Links links, AvailabilityTracker availability, MigrationListener listener,
    MigrationQueue queue) {

  /**
   * Checks that an operator may migrate {@code vm} to {@code target} now.
   *
   * @param vm the VM
   * @param target the node
   * @throws IllegalStateException when the VM is not running alone in its group, already migrating, or
   *     the target is not an up, unpaused member
   * @throws IllegalArgumentException when the VM already runs there or may not run there
   * @throws InsufficientCapacityException when the target lacks the VM's memory
   */
  public void check(SimVm vm, SimHost target) {
    if (vm.vmState() != VmState.RUNNING || vm.node() == null) {
      throw new IllegalStateException(vm.describe() + " is " + vm.vmState() + "; only a running VM can be migrated");
    }
    if (vm.migration() != null) {
      throw new IllegalStateException(vm.describe() + " is already being migrated to " + vm.migration().target().id());
    }
    if (vm.node() == target) {
      throw new IllegalArgumentException(vm.describe() + " already runs on " + target.id());
    }
    if (!vm.spec().mayRunOn(target.id())) {
      throw new IllegalArgumentException(vm.describe() + " may not run on " + target.id() + "; possible owners: "
          + vm.spec().possibleOwners());
    }
    SimGroup group = vm.groupModel();
    if (group.members().size() > 1) {
      throw new IllegalStateException(vm.describe() + " shares its LUNs with " + group.members().stream()
          .filter(v -> v != vm).map(v -> v.spec().id().name()).toList() + "; they move as one group: move group '"
          + group.name() + "' (Cluster.moveGroup, scenario action move-group) or drain its node instead, or give each"
          + " VM its own LUN");
    }
    if (!target.canHostGroups() || !target.isActiveMember()) {
      throw new IllegalStateException(target.describe() + " is " + target.nodeState() + "; a migration target must be"
          + " an up, unpaused member");
    }
    long free = target.freeBytes();
    if (free < vm.spec().memoryBytes()) {
      throw new InsufficientCapacityException(vm.describe() + " needs " + ClusterModel.size(vm.spec().memoryBytes())
          + " but " + target.describe() + " has " + ClusterModel.size(Math.max(0, free)) + " free");
    }
  }

  /**
   * Begins migrating {@code vm}, running on its node, to {@code target} with {@code strategy}.
   *
   * @param vm the VM
   * @param target the node
   * @param strategy how
   * @param onEnd runs once when the migration has ended, before the failover engine hears of it
   * @return the run
   */
  public MigrationRun begin(SimVm vm, SimHost target, MigrationStrategy strategy, Runnable onEnd) {
    MigrationRun run = new MigrationRun(this, strategy, vm, target, onEnd);
    boolean now = !strategy.oneAtATimePerSourceHost() || queue.admit(run);
    run.begin(now);
    return run;
  }

  /** {@code run} gives up its source's turn (it switched over or ended); the next in line starts. */
  void turnOver(MigrationRun run) {
    if (!run.oneAtATime()) {
      return;
    }
    MigrationRun next = queue.release(run);
    if (next != null) {
      next.turnCame();
    }
  }
}
