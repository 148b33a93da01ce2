package io.hvcluster.core.cluster.model;

import org.apiguardian.api.API;

/**
 * A migration under way, as the entities and the parts below the migration runtime see it: which nodes it
 * joins, and how to end it when a node, link or the VM fails under it.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface Migration {
  /** Returns the node the VM migrates from. */
  SimHost source();

  /** Returns the node the VM migrates to. */
  SimHost target();

  /**
   * Ends the migration because something failed under it; the VM is then resolved (running on one
   * side, or stopped). Does nothing once the migration has ended or is ending.
   *
   * @param reason what failed
   */
  void abort(String reason);
}
