package io.hvcluster.core.management.capacity;

import io.hvcluster.core.management.description.ClusterDescription;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A capacity plan: what the measured workloads need, how many hosts of the planned model hold them,
 * and the proposed clusters (each with the cluster reserve's spare hosts on top), with the arithmetic.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param vmCount the VMs, one per measured server
 * @param memoryBytes the memory they need in total
 * @param cpuCores the processor time they need in total, in cores
 * @param iops the disk I/O they need in total
 * @param networkMbps the network traffic they need in total, in Mbit/s
 * @param activeHosts the hosts that run the VMs when nothing has failed
 * @param reserve the spare hosts each proposed cluster has on top (the cluster reserve)
 * @param clusters the proposed clusters, ready to validate or simulate; empty when nothing can be planned
 * @param unplaceable VMs too large for even an empty host of the planned model
 * @param arithmetic the reasoning, one step a line
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record CapacityPlan(int vmCount, long memoryBytes, double cpuCores, double iops, double networkMbps,
    int activeHosts, int reserve, List<ClusterDescription> clusters, List<String> unplaceable,
    List<String> arithmetic) {

  /**
   * Creates a plan; copies the lists.
   *
   * @param vmCount the VMs
   * @param memoryBytes memory needed
   * @param cpuCores processor time needed
   * @param iops disk I/O needed
   * @param networkMbps network traffic needed
   * @param activeHosts hosts running VMs
   * @param reserve spare hosts per cluster
   * @param clusters the proposed clusters
   * @param unplaceable VMs that fit no host
   * @param arithmetic the reasoning
   * @throws NullPointerException when a list is null
   */
  public CapacityPlan {
    clusters = List.copyOf(clusters);
    unplaceable = List.copyOf(unplaceable);
    arithmetic = List.copyOf(arithmetic);
  }

  /**
   * Returns the hosts of all proposed clusters, spares included.
   *
   * @return the host count
   */
  public int totalHosts() {
    return clusters.stream().mapToInt(c -> c.hosts().size()).sum();
  }

  /**
   * Returns whether every VM found a host.
   *
   * @return true when nothing is unplaceable
   */
  public boolean feasible() {
    return unplaceable.isEmpty();
  }
}
