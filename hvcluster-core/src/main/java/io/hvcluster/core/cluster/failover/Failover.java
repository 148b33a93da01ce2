package io.hvcluster.core.cluster.failover;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.core.cluster.availability.AvailabilityTracker;
import io.hvcluster.core.cluster.availability.GuestClusters;
import io.hvcluster.core.cluster.lifecycle.Lifecycle;
import io.hvcluster.core.cluster.membership.Membership;
import io.hvcluster.core.cluster.migration.Migrations;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.SimGroup;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimLun;
import io.hvcluster.core.cluster.model.SimVm;
import io.hvcluster.core.cluster.storage.Coordinators;
import io.hvcluster.core.cluster.storage.Reservations;
import io.hvcluster.core.defect.Defect;
import io.hvcluster.core.defect.Defects;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The failover engine of one cluster: its parts ({@link Reconciler}, {@link RestartPolicy},
 * {@link GroupPlacement}, {@link GroupMoves}, {@link Fencing}, {@link ResourceMonitor}) and what they
 * share, among them the placement policy and the strategy of planned moves, which an operator may
 * replace at any time.
 *
 * <p>Not thread-safe; confined to the simulation's thread.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Failover {
  final Cluster api;
  final ClusterModel cluster;
  final Membership membership;
  final Coordinators coordinators;
  final Reservations reservations;
  final Lifecycle lifecycle;
  final Migrations migrations;
  final AvailabilityTracker availability;
  final GuestClusters guestClusters;
  final Reconciler reconciler;
  final RestartPolicy restarts;
  final GroupPlacement placement;
  final GroupMoves moves;
  private final OperatorMoves operatorMoves;
  final Fencing fencing;
  final ResourceMonitor monitor;
  private PlacementPolicy placementPolicy;
  private MigrationStrategy plannedMoves;

  /**
   * Creates the failover engine of a cluster.
   *
   * @param migrations the migration runtime, with the cluster, the lifecycle, the reservations and the
   *     availability accounts it shares with this engine
   * @param membership its membership and quorum
   * @param coordinators the holders of its witness and shared volumes
   * @param guestClusters the guest clusters
   * @param placementPolicy the initial placement policy
   * @param plannedMoves the initial strategy of planned moves of running VMs (drain, failback)
   * @param reactions the lower parts' upward calls, which this engine answers from now on
   * @param defects the deliberate defects; group placement is the gate of {@link Defect#PLACE_ON_PAUSED_NODES}
   */
  public Failover(Migrations migrations, Membership membership, Coordinators coordinators,
      GuestClusters guestClusters, PlacementPolicy placementPolicy, MigrationStrategy plannedMoves,
      Reactions reactions, Defects defects) {
    this.migrations = migrations;
    this.api = migrations.api();
    this.cluster = migrations.cluster();
    this.reservations = migrations.reservations();
    this.lifecycle = migrations.lifecycle();
    this.availability = migrations.availability();
    this.membership = membership;
    this.coordinators = coordinators;
    this.guestClusters = guestClusters;
    this.placementPolicy = Objects.requireNonNull(placementPolicy, "placement policy");
    this.plannedMoves = Objects.requireNonNull(plannedMoves, "planned-move strategy");
    this.reconciler = new Reconciler(this);
    this.restarts = new RestartPolicy(this);
    this.placement = new GroupPlacement(this, defects);
    this.moves = new GroupMoves(this);
    this.operatorMoves = new OperatorMoves(this);
    this.fencing = new Fencing(this);
    this.monitor = new ResourceMonitor(this);
    reactions.bind(this);
  }

  /** Asks for a reconciliation pass after the current event: something may let a group come online. */
  public void kick() {
    reconciler.kick();
  }

  /** An operator stopped {@code vm}: it is taken offline unless a migration is moving it. */
  public void stopIfUnwanted(SimVm vm) {
    moves.stopIfUnwanted(vm);
  }

  /** Moves every group {@code host} owns to the node placement chooses for it. */
  public void drain(SimHost host, String why) {
    moves.drain(host, why);
  }

  /**
   * Checks that an operator may move {@code group} to {@code target} now.
   *
   * @throws IllegalStateException when the group is busy or the target is not an up, unpaused member or
   *     cannot reach the group's storage
   * @throws IllegalArgumentException when the group is online there already or the target is not a
   *     possible owner
   * @throws io.hvcluster.api.InsufficientCapacityException when the target lacks the memory
   */
  public void checkMove(SimGroup group, SimHost target) {
    operatorMoves.check(group, target);
  }

  /**
   * Moves {@code group}, checked by {@link #checkMove}, to {@code target}, as an operator: {@code named}
   * when the operator named the node, false when {@link #bestNodeFor} chose it.
   */
  public void moveGroup(SimGroup group, SimHost target, boolean named) {
    operatorMoves.move(group, target, named);
  }

  /**
   * Returns the best possible node for {@code group} other than its owner, as the placement policy sees it.
   *
   * @throws IllegalStateException when the group is busy, or there is none, with the policy's reason
   */
  public SimHost bestNodeFor(SimGroup group) {
    return operatorMoves.best(group);
  }

  /** {@code host} can no longer reach {@code lun}: its VMs on it fail, unless a CSV redirects the I/O. */
  public void storageLost(SimHost host, SimLun lun, String why) {
    fencing.storageLost(host, lun, why);
  }

  /** The VM's worker process crashed. */
  public void workerCrashed(SimVm vm) {
    monitor.workerCrashed(vm);
  }

  /** The VM's guest OS hangs. */
  public void guestHung(SimVm vm) {
    monitor.guestHung(vm);
  }

  /** The VM's hung guest OS answers again. */
  public void guestResumed(SimVm vm) {
    monitor.guestResumed(vm);
  }

  /** Returns the placement policy. */
  public PlacementPolicy placementPolicy() {
    return placementPolicy;
  }

  /** Replaces the placement policy; the next placement asks the new one. */
  public void placementPolicy(PlacementPolicy policy) {
    this.placementPolicy = Objects.requireNonNull(policy, "placement policy");
  }

  /** Returns the strategy of planned moves of running VMs. */
  MigrationStrategy plannedMoves() {
    return plannedMoves;
  }

  /** Replaces the strategy of planned moves of running VMs (drain, failback). */
  public void plannedMoves(MigrationStrategy strategy) {
    this.plannedMoves = Objects.requireNonNull(strategy, "strategy");
  }
}
