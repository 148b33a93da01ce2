package io.hvcluster.api.event;

import org.apiguardian.api.API;

/**
 * An operation on cluster events with one method per event type, chosen by
 * {@link ClusterEvent#accept(EventVisitor)}. Because the interface has no default methods, adding an
 * event type to the sealed {@link ClusterEvent} hierarchy adds a method here, and every visitor stops
 * compiling until it handles the new type: renderers, encoders and checkers cannot silently skip an
 * event or fail on it at run time.
 *
 * <p>Implementations decide their own thread-safety; the events themselves are immutable. Example, a
 * one-word label for each event:
 *
 * <pre>{@code
 * String label = event.accept(new EventVisitor<String>() {
 *   public String visit(NodeStateChanged e) { return e.host() + " " + e.to(); }
 *   public String visit(VmStateChanged e) { return e.vm() + " " + e.to(); }
 *   // ... one method for each of the other event types
 * });
 * }</pre>
 *
 * @param <R> the type of the visitor's result; {@link Void} for a visitor that returns nothing
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface EventVisitor<R> {
  /**
   * Visits a {@link ClusterFormed} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(ClusterFormed event);

  /**
   * Visits a {@link NodeStateChanged} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(NodeStateChanged event);

  /**
   * Visits a {@link HeartbeatRouteChanged} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(HeartbeatRouteChanged event);

  /**
   * Visits a {@link QuorumChanged} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(QuorumChanged event);

  /**
   * Visits a {@link LunStateChanged} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(LunStateChanged event);

  /**
   * Visits a {@link VmStateChanged} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(VmStateChanged event);

  /**
   * Visits a {@link GroupStateChanged} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(GroupStateChanged event);

  /**
   * Visits a {@link GroupPlaced} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(GroupPlaced event);

  /**
   * Visits a {@link PlacementFailed} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(PlacementFailed event);

  /**
   * Visits a {@link FailoverStarted} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(FailoverStarted event);

  /**
   * Visits a {@link MigrationStarted} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(MigrationStarted event);

  /**
   * Visits a {@link MigrationPhaseStarted} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(MigrationPhaseStarted event);

  /**
   * Visits a {@link MigrationFinished} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(MigrationFinished event);

  /**
   * Visits a {@link FaultApplied} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(FaultApplied event);

  /**
   * Visits a {@link FaultHealed} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(FaultHealed event);

  /**
   * Visits an {@link OperatorAction} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(OperatorAction event);

  /**
   * Visits a {@link GuestClusterFailover} event.
   *
   * @param event the event
   * @return the visitor's result
   */
  R visit(GuestClusterFailover event);
}
