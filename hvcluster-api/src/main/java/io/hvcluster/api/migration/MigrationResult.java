package io.hvcluster.api.migration;

import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a migration did: its outcome, phases with virtual timestamps, downtime (the time during which the
 * VM served nobody: stopping, saved, off, booting, restoring, or frozen for a live switchover), bytes
 * moved, and for live migration its copy passes.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param strategy the strategy's name
 * @param vm the VM
 * @param source the node the VM left (or was to leave)
 * @param target the node the VM moved (or was to move) to
 * @param outcome how it ended
 * @param startNanos when it began, in virtual nanoseconds
 * @param endNanos when it ended, in virtual nanoseconds
 * @param downtimeNanos how long the VM was not running (or frozen) during the migration
 * @param bytesTransferred bytes written, read or sent on behalf of the migration
 * @param phases the phases in order
 * @param passes the memory-copy passes (empty for strategies that do not copy in passes)
 * @param fellBackToQuick whether a live migration fell back to quick migration
 * @param reason a short account: what completed, or why it rolled back or failed
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record MigrationResult(
    String strategy,
    VmId vm,
    HostId source,
    HostId target,
    MigrationOutcome outcome,
    long startNanos,
    long endNanos,
    long downtimeNanos,
    long bytesTransferred,
    List<MigrationPhase> phases,
    List<MigrationPass> passes,
    boolean fellBackToQuick,
    String reason) {

  /** The name of the phase a migration spends waiting for its turn. */
  public static final String QUEUED = "queued";

  /**
   * Creates a result; copies the lists.
   *
   * @param strategy the strategy's name
   * @param vm the VM
   * @param source the node the VM left (or was to leave)
   * @param target the node the VM moved (or was to move) to
   * @param outcome how it ended
   * @param startNanos when it began, in virtual nanoseconds
   * @param endNanos when it ended, in virtual nanoseconds
   * @param downtimeNanos how long the VM was not running (or frozen) during the migration
   * @param bytesTransferred bytes written, read or sent on behalf of the migration
   * @param phases the phases in order
   * @param passes the memory-copy passes (empty for strategies that do not copy in passes)
   * @param fellBackToQuick whether a live migration fell back to quick migration
   * @param reason a short account: what completed, or why it rolled back or failed
   */
  public MigrationResult {
    phases = List.copyOf(phases);
    passes = List.copyOf(passes);
  }

  /**
   * Returns how long the migration took from start to end.
   *
   * @return nanoseconds of virtual time
   */
  public long totalNanos() {
    return endNanos - startNanos;
  }

  /**
   * Returns how long the migration waited for its turn before its strategy started: its
   * {@code "queued"} phase (a second live migration out of a Windows Server 2008 R2 host waits for the
   * first to switch over). Part of {@link #totalNanos()}; no downtime, since the VM keeps running.
   *
   * @return nanoseconds, 0 when it never waited
   */
  public long queuedNanos() {
    long queued = 0;
    for (MigrationPhase p : phases) {
      if (QUEUED.equals(p.name())) {
        queued += p.durationNanos();
      }
    }
    return queued;
  }
}
