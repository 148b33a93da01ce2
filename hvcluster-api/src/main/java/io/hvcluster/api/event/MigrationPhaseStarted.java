package io.hvcluster.api.event;

import io.hvcluster.api.VmId;
import org.apiguardian.api.API;

/**
 * Reports that a migration entered a phase.
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param vm the VM
 * @param phase the phase's name, for example {@code "save"}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record MigrationPhaseStarted(
    long timeNanos,
    String cluster,
    VmId vm,
    String phase)
    implements ClusterEvent {

  @Override
  public <R> R accept(EventVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
