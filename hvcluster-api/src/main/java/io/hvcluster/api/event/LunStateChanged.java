package io.hvcluster.api.event;

import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.LunState;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Reports that a LUN changed state or owner (arbitration, release, failure).
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param lun the LUN
 * @param from the previous state
 * @param to the new state
 * @param owner the node holding the reservation after the change, if any
 * @param reason why
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record LunStateChanged(
    long timeNanos,
    String cluster,
    LunId lun,
    LunState from,
    LunState to,
    Optional<HostId> owner,
    String reason)
    implements ClusterEvent {

  @Override
  public <R> R accept(EventVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
