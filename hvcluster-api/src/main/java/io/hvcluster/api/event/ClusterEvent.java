package io.hvcluster.api.event;

/**
 * Something that happened in a simulated cluster at a moment of virtual time. Events are immutable
 * records; a simulation delivers them to listeners in the order they happened, and two runs with the
 * same seed deliver the same events.
 *
 * <p>Dispatch on the kind with {@code instanceof} patterns; the hierarchy is sealed, so a switch over
 * it can be checked for completeness by tools.
 */
public sealed interface ClusterEvent permits ClusterFormed, NodeStateChanged, HeartbeatRouteChanged, QuorumChanged,
    LunStateChanged, VmStateChanged, GroupStateChanged, GroupPlaced, PlacementFailed, FailoverStarted,
    MigrationStarted, MigrationPhaseStarted, MigrationFinished, FaultApplied, FaultHealed, OperatorAction,
    GuestClusterFailover {

  /**
   * Returns when the event happened.
   *
   * @return virtual time in nanoseconds since the simulation started
   */
  long timeNanos();

  /**
   * Returns the cluster the event belongs to.
   *
   * @return the cluster's name
   */
  String cluster();
}
