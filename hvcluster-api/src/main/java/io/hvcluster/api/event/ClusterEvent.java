package io.hvcluster.api.event;

import org.apiguardian.api.API;

/**
 * Something that happened in a simulated cluster at a moment of virtual time. Events are immutable
 * records; a simulation delivers them to listeners in the order they happened, and two runs with the
 * same seed deliver the same events.
 *
 * <p>To handle every kind of event, implement an {@link EventVisitor} and call {@link #accept}: the
 * compiler then refuses a visitor that misses a kind, including one added later. To pick out a few
 * kinds, {@code instanceof} patterns are simpler.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
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

  /**
   * Calls the visitor's method for this event's type and returns its result.
   *
   * @param visitor the visitor
   * @param <R> the type of the visitor's result
   * @return what the visitor returned
   */
  <R> R accept(EventVisitor<R> visitor);
}
