package io.hvcluster.api.event;

import org.apiguardian.api.API;

/**
 * Reports an administrator's action.
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param action the action, for example {@code "pause-node"}
 * @param target what it was applied to
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record OperatorAction(
    long timeNanos,
    String cluster,
    String action,
    String target)
    implements ClusterEvent {

  @Override
  public <R> R accept(EventVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
