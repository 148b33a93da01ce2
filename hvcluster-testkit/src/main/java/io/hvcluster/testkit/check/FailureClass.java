package io.hvcluster.testkit.check;

import org.apiguardian.api.API;

/**
 * How a failed run is classified, after TigerBeetle's VOPR.
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum FailureClass {
  /** The code under test threw where it should not have. */
  CRASH,
  /** A safety invariant (S1–S12) was violated at some step. */
  SAFETY,
  /** A liveness check (L1–L2) failed after the heal phase. */
  LIVENESS,
  /** The run broke under faults beyond the declared budget: graceful unavailability, not a bug. */
  OUT_OF_MODEL
}
