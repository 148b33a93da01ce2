package io.hvcluster.api;

import org.apiguardian.api.API;

/**
 * Thrown when a simulation, or anything read through it, is used from a thread other than the one
 * that drives it. A simulation is single-threaded by design so that its history is deterministic.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class WrongThreadException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception naming the owner thread and the calling thread.
   *
   * @param message the message
   */
  public WrongThreadException(String message) {
    super(message);
  }
}
