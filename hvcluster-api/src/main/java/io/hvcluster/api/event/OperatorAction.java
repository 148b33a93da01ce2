package io.hvcluster.api.event;

/**
 * Reports an administrator's action.
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param action the action, for example {@code "pause-node"}
 * @param target what it was applied to
 */
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
