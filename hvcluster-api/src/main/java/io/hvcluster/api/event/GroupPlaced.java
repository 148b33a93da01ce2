package io.hvcluster.api.event;

import io.hvcluster.api.HostId;
import org.apiguardian.api.API;

/**
 * Reports the node chosen for a group (initial start, failover, failback, drain or an operator's
 * move), once per decision, when it is made: a drained group is reported when the drain decides its
 * target, not again when it arrives.
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param group the group's name
 * @param target the chosen node
 * @param policy who chose it: the placement policy's name, or {@code "failback-policy"} when the group's
 *     failback policy takes it back to its preferred owner, or {@code "operator"} when an operator moved
 *     it to a node named in the move (a move to the best possible node names the placement policy)
 * @param reason why that node, for example {@code "preferred owner 1 of 2"}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
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
