package io.hvcluster.api.event;

import io.hvcluster.api.HostId;

/**
 * Reports the node chosen for a group by placement (initial start, failover, failback or drain).
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param group the group's name
 * @param target the chosen node
 * @param policy the placement policy that chose it
 * @param reason why that node, for example {@code "preferred owner 1 of 2"}
 */
public record GroupPlaced(
    long timeNanos,
    String cluster,
    String group,
    HostId target,
    String policy,
    String reason)
    implements ClusterEvent {

  @Override
  public <R> R accept(EventVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
