package io.hvcluster.api.event;

import io.hvcluster.api.VmId;

/**
 * Reports that a migration entered a phase.
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param vm the VM
 * @param phase the phase's name, for example {@code "save"}
 */
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
