package io.hvcluster.api;

import org.apiguardian.api.API;

/**
 * The base of the unchecked exceptions that report a refused cluster operation, as opposed to bad
 * configuration ({@link InvalidConfigurationException}) or a programming error.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class HvClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what was refused and why.
   *
   * @param message the message
   */
  public HvClusterException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the cause.
   *
   * @param message the message
   * @param cause the underlying cause
   */
  public HvClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
