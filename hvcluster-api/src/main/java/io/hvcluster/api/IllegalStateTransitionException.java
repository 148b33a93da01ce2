package io.hvcluster.api;

import org.apiguardian.api.API;

/**
 * Thrown when an entity is asked to move between two states that its state machine does not connect,
 * for example a VM from {@code OFF} straight to {@code RUNNING}. The message names the entity, both
 * states and the cause of the attempt.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class IllegalStateTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The entity whose state machine refused the transition. */
  private final String entity;
  /** The state it was in. */
  private final String from;
  /** The state it was asked to enter. */
  private final String to;

  /**
   * Creates an exception for a refused transition.
   *
   * @param entity the entity, for example {@code "VM 'web1'"}
   * @param from the current state
   * @param to the requested state
   * @param cause what asked for the transition, for example {@code "operator start"}
   */
  public IllegalStateTransitionException(String entity, Enum<?> from, Enum<?> to, String cause) {
    super(entity + " cannot go from " + from + " to " + to + " (" + cause + ")");
    this.entity = entity;
    this.from = from.name();
    this.to = to.name();
  }

  /**
   * Returns the entity whose transition was refused.
   *
   * @return a description such as {@code "VM 'web1'"}
   */
  public String entity() {
    return entity;
  }

  /**
   * Returns the state the entity was in.
   *
   * @return the state name
   */
  public String from() {
    return from;
  }

  /**
   * Returns the state that was requested.
   *
   * @return the state name
   */
  public String to() {
    return to;
  }
}
