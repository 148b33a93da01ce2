package io.hvcluster.api.event;

import io.hvcluster.api.VmId;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Reports that a guest cluster's application moved to another VM node, inside the guests.
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param guestCluster the guest cluster's name
 * @param from the guest node that was active, if any
 * @param to the guest node that is now active, if any
 * @param reason why
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record GuestClusterFailover(
    long timeNanos,
    String cluster,
    String guestCluster,
    Optional<VmId> from,
    Optional<VmId> to,
    String reason)
    implements ClusterEvent {

  @Override
  public <R> R accept(EventVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
