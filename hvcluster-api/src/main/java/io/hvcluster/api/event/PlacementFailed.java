package io.hvcluster.api.event;

import org.apiguardian.api.API;

/**
 * Reports that no node could take a group; it stays offline, with this reason, until something changes.
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param group the group's name
 * @param reason why no node was chosen, for example {@code "no node has 4 GiB free"}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record PlacementFailed(
    long timeNanos,
    String cluster,
    String group,
    String reason)
    implements ClusterEvent {

  @Override
  public <R> R accept(EventVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
