package io.hvcluster.api.migration;

import org.apiguardian.api.API;

/**
 * One memory-copy pass of a live migration.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param index the pass number, starting at 1; the stop-and-copy pass is the last
 * @param pages pages sent in the pass
 * @param bytes bytes sent in the pass
 * @param durationNanos how long the pass took in virtual time
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record MigrationPass(int index, long pages, long bytes, long durationNanos) {
}
