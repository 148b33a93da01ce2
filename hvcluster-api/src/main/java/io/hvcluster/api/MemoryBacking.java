package io.hvcluster.api;

/** How a VM's guest memory is backed. */
public enum MemoryBacking {
  /**
   * Real bytes in a sparse, memory-mapped file: only touched pages cost RAM or disk. Quick and live
   * migration move these bytes for real.
   */
  REAL,
  /** Sizes and dirty-page accounting only, for fleet-scale runs; the API is the same. */
  MODELED
}
