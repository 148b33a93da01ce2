package io.hvcluster.api;

import org.apiguardian.api.API;

/**
 * One interval during which a VM that should have been serving was not: stopped by a failure, booting
 * after a failover, frozen on a hung host, or paused by a migration; or a start that was held up before
 * the VM ever ran (it began at the start request; see {@link Availability}).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param vm the VM
 * @param startNanos when it stopped serving (for a held-up start, when the start was asked for), in virtual
 *     nanoseconds
 * @param endNanos when it served again, or -1 while the outage lasts
 * @param cause what stopped it, for example {@code "host HV03 crashed (power loss)"}, or what held up its
 *     start, for example {@code "waiting: no node meets the hard requirements: ..."}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Outage(VmId vm, long startNanos, long endNanos, String cause) {
  /**
   * Returns whether the outage has ended.
   *
   * @return true once the VM serves again
   */
  public boolean isOver() {
    return endNanos >= 0;
  }

  /**
   * Returns how long the outage lasted, or has lasted until {@code nowNanos}.
   *
   * @param nowNanos the current virtual time, used while the outage lasts
   * @return nanoseconds
   */
  public long durationNanos(long nowNanos) {
    return (endNanos >= 0 ? endNanos : nowNanos) - startNanos;
  }
}
