package io.hvcluster.core.management.vmm;

/**
 * What intelligent placement aims for, after SCVMM 2008's placement goal.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum PlacementGoal {
  /** Spread load: the host with the most headroom after placement rates best. */
  LOAD_BALANCING,
  /** Consolidate: the host that is fullest after placement (within its limits) rates best. */
  RESOURCE_MAXIMIZATION
}
