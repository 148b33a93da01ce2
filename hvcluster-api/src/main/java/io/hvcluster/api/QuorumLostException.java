package io.hvcluster.api;

import org.apiguardian.api.API;

/**
 * Thrown when an operation needs quorum and the partition it was asked of does not hold it, for
 * example an operator asking a minority node to start a VM.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class QuorumLostException extends HvClusterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that names the cluster and its vote count.
   *
   * @param message the message
   */
  public QuorumLostException(String message) {
    super(message);
  }
}
