package io.hvcluster.api;

/**
 * Thrown when an operation needs quorum and the partition it was asked of does not hold it, for
 * example an operator asking a minority node to start a VM.
 */
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
