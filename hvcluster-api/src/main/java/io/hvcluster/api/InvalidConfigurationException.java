package io.hvcluster.api;

import org.apiguardian.api.API;

/**
 * Thrown when a specification or setting is invalid. The message says what was wrong and what is
 * allowed, for example {@code "cluster 'HV1' has 17 nodes; a failover cluster has 2 to 16"}. Invalid
 * configuration never half-applies: the object that would have been built or changed is left as it
 * was.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class InvalidConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what was wrong and what is allowed.
   *
   * @param message the message
   */
  public InvalidConfigurationException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the cause.
   *
   * @param message the message
   * @param cause the underlying cause
   */
  public InvalidConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
