package io.hvcluster.core.management.description;

import io.hvcluster.api.InvalidConfigurationException;
import org.apiguardian.api.API;

/**
 * Thrown when a cluster description cannot be used: a value outside its domain, a name that is invalid
 * or repeated, a reference to something that does not exist, or (when converting to a
 * {@link io.hvcluster.api.spec.ClusterSpec}) a value the cluster model cannot represent. The message
 * starts with the JSON path of the offending value, for example {@code $.hosts[2].memoryGiB}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class InvalidDescriptionException extends InvalidConfigurationException {
  private static final long serialVersionUID = 1L;

  /** The JSON path of the offending value. */
  private final String path;

  /**
   * Creates an exception for a value at a JSON path.
   *
   * @param path the JSON path, for example {@code $.vms[0].luns[1]}
   * @param problem what is wrong and what is allowed
   */
  public InvalidDescriptionException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /**
   * Creates an exception for a value at a JSON path, keeping the cause.
   *
   * @param path the JSON path
   * @param problem what is wrong and what is allowed
   * @param cause the underlying exception
   */
  public InvalidDescriptionException(String path, String problem, Throwable cause) {
    super(path + ": " + problem, cause);
    this.path = path;
  }

  /**
   * Returns the JSON path of the offending value.
   *
   * @return the path, starting with {@code $}
   */
  public String path() {
    return path;
  }
}
