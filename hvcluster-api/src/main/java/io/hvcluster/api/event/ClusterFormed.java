package io.hvcluster.api.event;

import io.hvcluster.api.HostId;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Reports that a cluster formed: its nodes joined and it reached quorum.
 *
 * @param timeNanos virtual time in nanoseconds
 * @param cluster the cluster's name
 * @param members the nodes that formed it, in name order
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ClusterFormed(long timeNanos, String cluster, List<HostId> members) implements ClusterEvent {
  /**
   * Creates the event; copies the node list.
   *
   * @param timeNanos virtual time in nanoseconds
   * @param cluster the cluster's name
   * @param members the nodes that formed it, in name order
   */
  public ClusterFormed {
    members = List.copyOf(members);
  }

  @Override
  public <R> R accept(EventVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
