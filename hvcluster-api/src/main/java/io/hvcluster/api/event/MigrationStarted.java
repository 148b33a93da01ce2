package io.hvcluster.api.event;

import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import org.apiguardian.api.API;

/**
 * Reports that a migration began.
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param vm the VM
 * @param source the node it leaves
 * @param target the node it moves to
 * @param strategy the strategy's name
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record MigrationStarted(
    long timeNanos,
    String cluster,
    VmId vm,
    HostId source,
    HostId target,
    String strategy)
    implements ClusterEvent {

  @Override
  public <R> R accept(EventVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
