package io.hvcluster.api.event;

import io.hvcluster.api.HostId;
import org.apiguardian.api.API;

/**
 * Reports that a heartbeat route between two nodes went down (missed heartbeats past the threshold) or came back.
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param observer the node that noticed
 * @param peer the node it lost or regained
 * @param up whether the route is now up
 * @param reason why, for example {@code "missed 5 heartbeats"}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record HeartbeatRouteChanged(
    long timeNanos,
    String cluster,
    HostId observer,
    HostId peer,
    boolean up,
    String reason)
    implements ClusterEvent {

  @Override
  public <R> R accept(EventVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
