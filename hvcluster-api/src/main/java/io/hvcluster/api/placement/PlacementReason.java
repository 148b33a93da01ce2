package io.hvcluster.api.placement;

import org.apiguardian.api.API;

/**
 * Why a group is being placed.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum PlacementReason {
  /** An operator or {@code startAllVms} brings the group online. */
  INITIAL,
  /** The group's node failed or lost quorum, or its restart threshold was exceeded. */
  FAILOVER,
  /** The group returns to a preferred owner. */
  FAILBACK,
  /** The group's node is being drained for maintenance. */
  DRAIN,
  /**
   * An operator moves the group (Failover Cluster Manager's "Move this service or application to
   * another node", {@code cluster group NAME /move}), to a named node or to the best possible one.
   */
  MOVE
}
