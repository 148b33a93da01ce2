package io.hvcluster.json;

import io.hvcluster.api.spec.GuestOs;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.Priority;
import io.hvcluster.api.spec.Era;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageType;
import io.hvcluster.core.management.description.Architecture;
import io.hvcluster.core.management.description.ServerEdition;
import io.hvcluster.core.management.description.VhdType;
import java.util.List;

/**
 * The JSON shape of a cluster description (docs/cluster-description.md), as records Jackson binds
 * directly. Every field is nullable: an absent field takes its documented default when
 * {@link DescriptionMapping} turns these into the core model, and required fields are checked there with
 * their JSON path.
 */
final class DescriptionJson {
  private DescriptionJson() {}

  /** The top-level object. */
  record ClusterJson(String name, Era era, QuorumModel quorum, Integer reserve, List<HostJson> hosts, StorageJson storage,
      List<VmJson> vms, List<WorkloadJson> workloads, PlanningJson planning) {}

  /** An element of {@code hosts}, and {@code planning.hostModel}. */
  record HostJson(String name, ServerEdition edition, Installation installation, Architecture architecture,
      String osVersion, Integer servicePack, Integer cores, Double memoryGiB, Integer guestNicPorts,
      Boolean heartbeatNetwork, Boolean iscsiNetwork, String subnet) {}

  /** The {@code storage} object. */
  record StorageJson(StorageType type, Boolean persistentReservations, Boolean certified, Boolean mpio, Boolean csv,
      Boolean mountPoints, List<LunJson> luns) {}

  /** An element of {@code storage.luns}. */
  record LunJson(String name, Double sizeGiB, Boolean witness, Boolean csv) {}

  /** An element of {@code vms}. */
  record VmJson(String name, Double memoryGiB, Integer vcpus, GuestOs guestOs, List<String> luns,
      List<String> preferredOwners, List<String> possibleOwners, List<String> antiAffinityClasses, String guestCluster,
      VhdType vhdType, Priority priority) {}

  /** An element of {@code workloads}. */
  record WorkloadJson(String name, Integer count, Integer cores, Double cpuPercent, Double memoryGiB, Double iops,
      Double networkMbps, Double diskGiB, Integer vcpus, GuestOs guestOs) {}

  /** The {@code planning} object. */
  record PlanningJson(HostJson hostModel, Integer maxNodesPerCluster, Double maxCpuPercent, Double hostIops) {}
}
