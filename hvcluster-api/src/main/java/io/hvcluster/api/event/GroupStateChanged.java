package io.hvcluster.api.event;

import io.hvcluster.api.GroupState;
import io.hvcluster.api.HostId;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Reports that a cluster group changed state or owner.
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param group the group's name
 * @param owner the owner after the change, if any
 * @param from the previous state
 * @param to the new state
 * @param reason why
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record GroupStateChanged(
    long timeNanos,
    String cluster,
    String group,
    Optional<HostId> owner,
    GroupState from,
    GroupState to,
    String reason)
    implements ClusterEvent {

  @Override
  public <R> R accept(EventVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
