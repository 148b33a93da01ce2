package io.hvcluster.api;

import io.hvcluster.api.migration.MigrationResult;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Tracks one migration started with {@link Cluster#migrate}. The migration advances in virtual time as
 * the simulation runs; it ends exactly once.
 *
 * <p>Not thread-safe: read it from the thread that drives its simulation.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface MigrationHandle {
  /**
   * Returns the VM being migrated.
   *
   * @return the VM
   */
  VmId vm();

  /**
   * Returns the name of the strategy moving the VM.
   *
   * @return the strategy name
   */
  String strategy();

  /**
   * Returns whether the migration has ended (completed, rolled back or failed).
   *
   * @return true once ended
   */
  boolean isDone();

  /**
   * Returns the result once the migration has ended.
   *
   * @return the result, or empty while it runs
   */
  Optional<MigrationResult> result();

  /**
   * Returns whether the migration waits for its turn: its source host already runs a migration of a
   * strategy that allows one at a time per host (live migration on Windows Server 2008 R2).
   *
   * @return true while queued; false once the strategy has started, and for a handle that never queues
   */
  default boolean isQueued() {
    return false;
  }
}
