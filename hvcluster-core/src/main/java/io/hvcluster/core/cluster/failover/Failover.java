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
import io.hvcluster.core.cluster.storage.Coordinators;
import io.hvcluster.core.cluster.storage.Reservations;
import java.util.Objects;

/**
 * The failover engine of one cluster: its parts ({@link Reconciler}, {@link RestartPolicy},
 * {@link GroupPlacement}, {@link GroupMoves}, {@link Fencing}, {@link ResourceMonitor}) and what they
 * share, among them the placement policy and the strategy of planned moves, which an operator may
 * replace at any time.
 *
 * <p>Not thread-safe; confined to the simulation's thread.
 */
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
  final Fencing fencing;
  final ResourceMonitor monitor;
  private PlacementPolicy placementPolicy;
  private MigrationStrategy plannedMoves;

  /**
   * Creates the failover engine of a cluster.
   *
   * @param api the cluster's public face, which placement policies see
   * @param cluster the cluster's state
   * @param membership its membership and quorum
   * @param coordinators the holders of its witness and shared volumes
   * @param reservations the LUN reservations its groups need
   * @param lifecycle boots and stops VM instances
   * @param migrations runs migrations of single running VMs
   * @param availability the VMs' availability accounts
   * @param guestClusters the guest clusters
   * @param placementPolicy the initial placement policy
   * @param plannedMoves the initial strategy of planned moves of running VMs (drain, failback)
   */
  public Failover(Cluster api, ClusterModel cluster, Membership membership, Coordinators coordinators,
      Reservations reservations, Lifecycle lifecycle, Migrations migrations, AvailabilityTracker availability,
      GuestClusters guestClusters, PlacementPolicy placementPolicy, MigrationStrategy plannedMoves) {
    this.api = api;
    this.cluster = cluster;
    this.membership = membership;
    this.coordinators = coordinators;
    this.reservations = reservations;
    this.lifecycle = lifecycle;
    this.migrations = migrations;
    this.availability = availability;
    this.guestClusters = guestClusters;
    this.placementPolicy = Objects.requireNonNull(placementPolicy, "placement policy");
    this.plannedMoves = Objects.requireNonNull(plannedMoves, "planned-move strategy");
    this.reconciler = new Reconciler(this);
    this.restarts = new RestartPolicy(this);
    this.placement = new GroupPlacement(this);
    this.moves = new GroupMoves(this);
    this.fencing = new Fencing(this);
    this.monitor = new ResourceMonitor(this);
  }

  /** Returns the reconciler, which keeps wanted groups online. */
  public Reconciler reconciler() {
    return reconciler;
  }

  /** Returns the restart policy, which decides what a failed VM resource means for its group. */
  public RestartPolicy restarts() {
    return restarts;
  }

  /** Returns the planned moves (drain, failback) and operator stops. */
  public GroupMoves moves() {
    return moves;
  }

  /** Returns what losing storage means for a node's VMs. */
  public Fencing fencing() {
    return fencing;
  }

  /** Returns the resource monitor of the VMs. */
  public ResourceMonitor monitor() {
    return monitor;
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
