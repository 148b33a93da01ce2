package io.hvcluster.core.management.validation;

import io.hvcluster.api.spec.StorageType;
import io.hvcluster.core.management.Conventions;
import io.hvcluster.core.management.Units;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.HostDescription;
import io.hvcluster.core.management.description.StorageDescription;
import java.util.ArrayList;
import java.util.List;

/** The Network rules: guest NIC ports, and dedicated heartbeat and iSCSI networks. */
final class NetworkRules {
  private NetworkRules() {}

  /**
   * Each host needs one guest port per 4 of the VMs it runs. VMs are assumed spread evenly: a host runs
   * ceil(VMs / nodes), and after the reserve's failures ceil(VMs / (nodes − reserve)). Too few ports for
   * the first is a failure; for the second, a warning.
   */
  static List<ValidationItem> guestNicPorts(ClusterDescription d) {
    int vms = d.vms().size();
    int nodes = d.hosts().size();
    if (nodes == 0 || vms == 0) {
      return List.of(ValidationItem.pass(ValidationRule.GUEST_NIC_PORTS, "cluster",
          nodes == 0 ? "no hosts are described" : "no VMs are described"));
    }
    int share = Units.ceilDiv(vms, nodes);
    int survivors = Math.max(1, nodes - d.reserve());
    int shareAfter = Units.ceilDiv(vms, survivors);
    int need = Units.ceilDiv(share, Conventions.VMS_PER_GUEST_PORT);
    int needAfter = Units.ceilDiv(shareAfter, Conventions.VMS_PER_GUEST_PORT);
    String normal = Units.plural(vms, "VM") + " on " + Units.plural(nodes, "node") + " is up to " + share
        + " a node, which needs " + Units.plural(need, "port");
    String after = "after " + Units.plural(d.reserve(), "node failure") + " up to " + shareAfter + " a node, which needs "
        + Units.plural(needAfter, "port");
    List<ValidationItem> items = new ArrayList<>();
    for (HostDescription h : d.hosts()) {
      String has = "has " + Units.plural(h.guestNicPorts(), "guest port") + "; ";
      if (h.guestNicPorts() < need) {
        items.add(ValidationItem.fail(ValidationRule.GUEST_NIC_PORTS, h.name(), has + normal + " (one GbE port per "
            + Conventions.VMS_PER_GUEST_PORT + " VMs)"));
      } else if (h.guestNicPorts() < needAfter) {
        items.add(ValidationItem.warn(ValidationRule.GUEST_NIC_PORTS, h.name(), has + after + " (one GbE port per "
            + Conventions.VMS_PER_GUEST_PORT + " VMs)"));
      }
    }
    if (items.isEmpty()) {
      items.add(ValidationItem.pass(ValidationRule.GUEST_NIC_PORTS, "cluster", normal + ", and " + after
          + "; every node has enough"));
    }
    return items;
  }

  static List<ValidationItem> heartbeat(ClusterDescription d) {
    List<ValidationItem> items = new ArrayList<>();
    for (HostDescription h : d.hosts()) {
      if (!h.heartbeatNetwork()) {
        items.add(ValidationItem.fail(ValidationRule.HEARTBEAT_NETWORK, h.name(), "has no dedicated heartbeat network;"
            + " heartbeats sharing a busy network cause false failovers"));
      }
    }
    return InventoryRules.orPass(items, ValidationRule.HEARTBEAT_NETWORK, d, "a dedicated heartbeat network");
  }

  static List<ValidationItem> iscsi(ClusterDescription d) {
    StorageType type = d.storage().map(StorageDescription::type).orElse(null);
    if (type != StorageType.ISCSI) {
      return List.of(ValidationItem.pass(ValidationRule.ISCSI_NETWORK, "cluster", type == null
          ? "no storage is described, so no iSCSI network is needed" : "the storage is " + type
              + ", so no iSCSI network is needed"));
    }
    List<ValidationItem> items = new ArrayList<>();
    for (HostDescription h : d.hosts()) {
      if (!h.iscsiNetwork()) {
        items.add(ValidationItem.fail(ValidationRule.ISCSI_NETWORK, h.name(), "has no dedicated iSCSI network; storage"
            + " traffic sharing the guest or heartbeat network slows both and can cost the node its disks"));
      }
    }
    return InventoryRules.orPass(items, ValidationRule.ISCSI_NETWORK, d, "a dedicated iSCSI network");
  }
}
