package io.hvcluster.api;

import org.apiguardian.api.API;

/**
 * How a VM's guest memory is backed.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum MemoryBacking {
  /**
   * Real bytes in a sparse, memory-mapped file: only touched pages cost RAM or disk. Quick and live
   * migration move these bytes for real.
   */
  REAL,
  /** Sizes and dirty-page accounting only, for fleet-scale runs; the API is the same. */
  MODELED
}
