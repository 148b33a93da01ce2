package io.hvcluster.core;

import org.apiguardian.api.API;

/**
 * How a simulation detects failures from heartbeats. Both modes produce the same history.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum HeartbeatMode {
  /**
   * The default: detection is computed from the faults (delay × threshold), so a healthy cluster costs
   * no events however long it runs; only routes a fault touches are looked at, beat by beat in effect.
   */
  ELIDED,
  /** The reference: one event per node per heartbeat. Slow for long runs; use it to check the default. */
  EVERY_BEAT
}
