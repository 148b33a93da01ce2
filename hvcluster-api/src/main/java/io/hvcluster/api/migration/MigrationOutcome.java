package io.hvcluster.api.migration;

import org.apiguardian.api.API;

/**
 * How a migration ended; every migration ends exactly once.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum MigrationOutcome {
  /** The VM runs on the target. */
  COMPLETED,
  /** The migration was abandoned and the VM runs on the source, as before. */
  ROLLED_BACK,
  /**
   * The migration failed and the VM runs on neither node: it is saved with its last committed state
   * intact, or off and handed to the failover engine, which restarts it by its policy.
   */
  FAILED
}
