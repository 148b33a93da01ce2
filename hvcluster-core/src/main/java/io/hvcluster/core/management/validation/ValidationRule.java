package io.hvcluster.core.management.validation;

import org.apiguardian.api.API;

/**
 * The rules {@link ConfigurationValidator} checks: Windows Server Failover Clustering's own checks and
 * the seed's best practices. Each rule has a stable id used in reports and in {@code --json} output.
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum ValidationRule {
  /** A failover cluster has 2 to 16 nodes. */
  NODE_COUNT(ValidationCategory.INVENTORY, "node-count", "a failover cluster has 2 to 16 nodes"),
  /** Nodes run Windows Server 2008 Enterprise or Datacenter. */
  EDITION(ValidationCategory.INVENTORY, "edition", "nodes run Windows Server 2008 Enterprise or Datacenter"),
  /** Nodes run the x64 architecture, the only one with Hyper-V. */
  ARCHITECTURE(ValidationCategory.INVENTORY, "architecture", "nodes run x64, the only architecture with Hyper-V"),
  /** Server Core installations are recommended. */
  SERVER_CORE(ValidationCategory.INVENTORY, "server-core", "Server Core installations are recommended"),
  /** Each node has memory for VMs beyond its parent partition. */
  HOST_MEMORY(ValidationCategory.INVENTORY, "host-memory", "each node has memory for VMs beyond its parent partition"),
  /** All nodes run the same OS version and service pack. */
  OS_LEVEL(ValidationCategory.SYSTEM_CONFIGURATION, "os-level", "all nodes run the same OS version and service pack"),
  /** VMs stay within Hyper-V 2008's limits. */
  VM_LIMITS(ValidationCategory.SYSTEM_CONFIGURATION, "vm-limits", "VMs have 1 to 4 virtual processors and 8 MiB to 64 GiB"),
  /** The cluster uses only features of its era's Windows Server release. */
  ERA(ValidationCategory.SYSTEM_CONFIGURATION, "era", "features come from the cluster's Windows Server release"),
  /** The cluster has shared storage. */
  SHARED_STORAGE(ValidationCategory.STORAGE, "shared-storage", "the cluster has shared iSCSI, Fibre Channel or SAS storage"),
  /** The storage supports SCSI-3 persistent reservations. */
  PERSISTENT_RESERVATIONS(ValidationCategory.STORAGE, "persistent-reservations",
      "the storage supports SCSI-3 persistent reservations"),
  /** The storage is certified for Windows Server 2008 failover clustering and Hyper-V. */
  CERTIFIED_STORAGE(ValidationCategory.STORAGE, "certified-storage",
      "the storage is certified for Windows Server 2008 failover clustering and Hyper-V"),
  /** Hosts reach the storage over several paths with MPIO. */
  MPIO(ValidationCategory.STORAGE, "mpio", "hosts reach the storage over several paths with MPIO"),
  /** Each VM has its own LUN, or uses Cluster Shared Volumes. */
  LUN_PER_VM(ValidationCategory.STORAGE, "lun-per-vm", "each VM has its own LUN or uses a Cluster Shared Volume"),
  /** More than 21 cluster disks need mount points. */
  DRIVE_LETTERS(ValidationCategory.STORAGE, "drive-letters", "more than 21 cluster disks need mount points"),
  /** VMs use fixed-size VHDs. */
  FIXED_VHD(ValidationCategory.STORAGE, "fixed-vhd", "VMs use fixed-size VHDs"),
  /** Each host has one dedicated GbE port per 4 VMs, also after the reserve's failures. */
  GUEST_NIC_PORTS(ValidationCategory.NETWORK, "guest-nic-ports", "one dedicated GbE port per 4 VMs on each host"),
  /** Each host has a network dedicated to the cluster heartbeat. */
  HEARTBEAT_NETWORK(ValidationCategory.NETWORK, "heartbeat-network", "each host has a dedicated heartbeat network"),
  /** With iSCSI storage, each host has a network dedicated to iSCSI. */
  ISCSI_NETWORK(ValidationCategory.NETWORK, "iscsi-network", "with iSCSI storage, each host has a dedicated iSCSI network"),
  /** The quorum model suits the node count and the witness disk is set up consistently. */
  QUORUM(ValidationCategory.CLUSTER_CONFIGURATION, "quorum",
      "node and disk majority for an even node count, node majority for an odd one"),
  /** The VMs of a guest cluster can run on different hosts. */
  GUEST_CLUSTER(ValidationCategory.CLUSTER_CONFIGURATION, "guest-cluster",
      "the VM nodes of a guest cluster can run on different hosts"),
  /** The cluster absorbs the reserve's host failures without being over-committed. */
  CLUSTER_RESERVE(ValidationCategory.CLUSTER_CONFIGURATION, "cluster-reserve",
      "the VMs still fit after the cluster reserve's host failures");

  private final ValidationCategory category;
  private final String id;
  private final String description;

  ValidationRule(ValidationCategory category, String id, String description) {
    this.category = category;
    this.id = id;
    this.description = description;
  }

  /**
   * Returns the rule's category.
   *
   * @return the category
   */
  public ValidationCategory category() {
    return category;
  }

  /**
   * Returns the rule's stable id, for example {@code "node-count"}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns what the rule requires, in one phrase.
   *
   * @return the description
   */
  public String description() {
    return description;
  }
}
