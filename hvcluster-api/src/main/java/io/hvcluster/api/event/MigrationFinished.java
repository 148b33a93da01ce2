package io.hvcluster.api.event;

import io.hvcluster.api.migration.MigrationResult;
import org.apiguardian.api.API;

/**
 * Reports that a migration ended (completed, rolled back or failed).
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param result the result
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record MigrationFinished(
    long timeNanos,
    String cluster,
    MigrationResult result)
    implements ClusterEvent {

  @Override
  public <R> R accept(EventVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
