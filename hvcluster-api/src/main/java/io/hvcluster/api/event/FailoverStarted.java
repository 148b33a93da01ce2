package io.hvcluster.api.event;

import io.hvcluster.api.HostId;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Reports that a group is failing over to another node.
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param group the group's name
 * @param from the node the group leaves, if it had one
 * @param failoverCount the failovers counted in the current failover period, this one included
 * @param reason why the group fails over
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record FailoverStarted(
    long timeNanos,
    String cluster,
    String group,
    Optional<HostId> from,
    int failoverCount,
    String reason)
    implements ClusterEvent {

  @Override
  public <R> R accept(EventVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
