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
}
