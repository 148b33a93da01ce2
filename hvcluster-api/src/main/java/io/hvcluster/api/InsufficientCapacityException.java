package io.hvcluster.api;

import org.apiguardian.api.API;

/**
 * Thrown when an operation needs memory (or another hard resource) that no eligible host has, for
 * example starting a VM on a host whose free memory is smaller than the VM's.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class InsufficientCapacityException extends HvClusterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that names the VM, what it needs and what is available.
   *
   * @param message the message
   */
  public InsufficientCapacityException(String message) {
    super(message);
  }
}
