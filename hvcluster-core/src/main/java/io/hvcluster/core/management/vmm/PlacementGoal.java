package io.hvcluster.core.management.vmm;

import org.apiguardian.api.API;

/**
 * What intelligent placement aims for, after SCVMM 2008's placement goal.
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum PlacementGoal {
  /** Spread load: the host with the most headroom after placement rates best. */
  LOAD_BALANCING,
  /** Consolidate: the host that is fullest after placement (within its limits) rates best. */
  RESOURCE_MAXIMIZATION
}
