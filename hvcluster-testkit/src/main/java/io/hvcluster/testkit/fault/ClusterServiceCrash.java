package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Stops the cluster service on the selected nodes while their hypervisors and VMs keep running. The
 * cluster service restarts and the nodes rejoin when the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "cluster-service-crash"}.
 *
 * @param hosts the nodes it hits
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ClusterServiceCrash(HostSelector hosts, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param hosts the nodes it hits
   * @param timing when it starts and how long it lasts
   */
  public ClusterServiceCrash {
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(timing, "timing");
  }
}
