package io.hvcluster.core.management.validation;

import org.apiguardian.api.API;

/**
 * The categories of validation rules, after the Windows Server 2008 Validate a Configuration wizard
 * (Inventory, Network, Storage, System Configuration) plus Cluster Configuration for quorum, guest
 * clusters and the cluster reserve.
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum ValidationCategory {
  /** Hardware and software inventory of the nodes. */
  INVENTORY("Inventory"),
  /** Guest, heartbeat and iSCSI networks. */
  NETWORK("Network"),
  /** Shared storage, LUNs and virtual disks. */
  STORAGE("Storage"),
  /** Operating-system levels and VM configuration. */
  SYSTEM_CONFIGURATION("System Configuration"),
  /** Quorum, guest clusters and capacity. */
  CLUSTER_CONFIGURATION("Cluster Configuration");

  private final String title;

  ValidationCategory(String title) {
    this.title = title;
  }

  /**
   * Returns the category's title as the wizard shows it.
   *
   * @return the title, for example {@code "System Configuration"}
   */
  public String title() {
    return title;
  }
}
