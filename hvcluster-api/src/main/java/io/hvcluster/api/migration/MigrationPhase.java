package io.hvcluster.api.migration;

import org.apiguardian.api.API;

/**
 * One phase of a migration and when it ran in virtual time.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name the phase's name, for example {@code "save"} or {@code "pre-copy"}
 * @param startNanos when it began, in virtual nanoseconds
 * @param endNanos when it ended, in virtual nanoseconds
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record MigrationPhase(String name, long startNanos, long endNanos) {
  /**
   * Returns how long the phase took.
   *
   * @return nanoseconds of virtual time
   */
  public long durationNanos() {
    return endNanos - startNanos;
  }
}
