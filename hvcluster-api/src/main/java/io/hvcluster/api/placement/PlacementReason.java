package io.hvcluster.api.placement;

/** Why a group is being placed. */
public enum PlacementReason {
  /** An operator or {@code startAllVms} brings the group online. */
  INITIAL,
  /** The group's node failed or lost quorum, or its restart threshold was exceeded. */
  FAILOVER,
  /** The group returns to a preferred owner. */
  FAILBACK,
  /** The group's node is being drained for maintenance. */
  DRAIN
}
