package io.hvcluster.core.management.description;

import io.hvcluster.api.spec.Installation;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The assumptions of a capacity plan: the host model to buy, the largest cluster to build, and how
 * full a host may get.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param hostModel the host to plan with; its name is the prefix of the proposed hosts' names
 * @param maxNodesPerCluster the largest cluster to propose, 2 to 16 (default 16)
 * @param maxCpuPercent how busy a host's processors may get, 1 to 100 % (default 80)
 * @param hostIops disk I/O operations per second one host can sustain, or 0 when not a limit (default 0)
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record PlanningDescription(HostDescription hostModel, int maxNodesPerCluster, double maxCpuPercent,
    double hostIops) {

  /**
   * Creates planning assumptions; checks only that the host model is not null.
   *
   * @param hostModel the host to plan with
   * @param maxNodesPerCluster the largest cluster to propose
   * @param maxCpuPercent how busy a host's processors may get
   * @param hostIops disk I/O one host can sustain, or 0
   * @throws NullPointerException when the host model is null
   */
  public PlanningDescription {
    Objects.requireNonNull(hostModel, "hostModel");
  }

  /**
   * Returns the default assumptions: a Server Core, Enterprise, x64 host with 8 cores, 32 GiB, one guest
   * NIC port and dedicated heartbeat and iSCSI networks, named {@code hv}; clusters of up to 16 nodes;
   * processors at most 80 % busy; disk I/O not a limit.
   *
   * @return the defaults
   */
  public static PlanningDescription defaults() {
    return new PlanningDescription(defaultHostModel(), 16, 80, 0);
  }

  /**
   * Returns the default host model of {@link #defaults()}.
   *
   * @return the host model
   */
  public static HostDescription defaultHostModel() {
    return HostDescription.builder("hv").installation(Installation.SERVER_CORE).cores(8).memoryGiB(32)
        .guestNicPorts(1).heartbeatNetwork(true).iscsiNetwork(true).build();
  }
}
