package io.hvcluster.api.migration;

import org.apiguardian.api.API;

/**
 * The kinds of migration of the era, the one list the library uses wherever a kind is chosen (a
 * workload's migrate operation, a rebalancing suggestion, a manager's strategy per kind).
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum MigrationKind {
  /**
   * Quick Migration (Windows Server 2008): save the VM's state to the shared LUN, move the LUN, restore;
   * the seed's planned move.
   */
  QUICK,
  /**
   * Live Migration (Windows Server 2008 R2): memory pre-copied while the VM runs, then a short blackout.
   */
  LIVE,
  /** Cold migration: shut the guest down, move the LUN, boot it on the target. */
  COLD
}
