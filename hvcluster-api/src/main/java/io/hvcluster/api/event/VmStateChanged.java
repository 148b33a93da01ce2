package io.hvcluster.api.event;

import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Reports that a VM changed state.
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param vm the VM
 * @param host the node the VM is on after the change, if any
 * @param from the previous state
 * @param to the new state
 * @param reason why
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record VmStateChanged(
    long timeNanos,
    String cluster,
    VmId vm,
    Optional<HostId> host,
    VmState from,
    VmState to,
    String reason)
    implements ClusterEvent {

  @Override
  public <R> R accept(EventVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
