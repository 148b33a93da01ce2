package io.hvcluster.api.event;

import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import org.apiguardian.api.API;

/**
 * Reports that a node changed membership state.
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param host the node
 * @param from the previous state
 * @param to the new state
 * @param reason why, for example {@code "missed 5 heartbeats"}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record NodeStateChanged(
    long timeNanos,
    String cluster,
    HostId host,
    NodeState from,
    NodeState to,
    String reason)
    implements ClusterEvent {

  @Override
  public <R> R accept(EventVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
