package io.hvcluster.api.event;

import org.apiguardian.api.API;

/**
 * Reports that an injected fault was healed (host repaired, link restored, path back).
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param fault the kind of fault
 * @param detail what it hit
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record FaultHealed(
    long timeNanos,
    String cluster,
    String fault,
    String detail)
    implements ClusterEvent {

  @Override
  public <R> R accept(EventVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
