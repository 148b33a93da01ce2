package io.hvcluster.core.management.validation;

import io.hvcluster.core.management.Conventions;
import io.hvcluster.core.management.Units;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.FailoverGroup;
import io.hvcluster.core.management.description.LunDescription;
import io.hvcluster.core.management.description.StorageDescription;
import io.hvcluster.core.management.description.VhdType;
import io.hvcluster.core.management.description.VmDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The Storage rules: shared storage, its capabilities, LUN layout and virtual disks. */
final class StorageRules {
  private StorageRules() {}

  static List<ValidationItem> sharedStorage(ClusterDescription d) {
    return List.of(d.storage()
        .map(s -> ValidationItem.pass(ValidationRule.SHARED_STORAGE, "storage", s.type() + " storage with "
            + Units.plural(s.luns().size(), "LUN")))
        .orElseGet(() -> ValidationItem.fail(ValidationRule.SHARED_STORAGE, "storage", "no shared storage is described;"
            + " clustered VMs keep their files on iSCSI, Fibre Channel or SAS LUNs that every node can reach")));
  }

  static List<ValidationItem> persistentReservations(StorageDescription s) {
    return List.of(s.persistentReservations()
        ? ValidationItem.pass(ValidationRule.PERSISTENT_RESERVATIONS, "storage", "the " + s.type()
            + " storage supports SCSI-3 persistent reservations, which disk arbitration needs")
        : ValidationItem.fail(ValidationRule.PERSISTENT_RESERVATIONS, "storage", "the " + s.type() + " storage does not"
            + " support SCSI-3 persistent reservations; Windows Server 2008 clusters arbitrate disks only with them"));
  }

  static List<ValidationItem> certified(StorageDescription s) {
    if (s.certified().isEmpty()) {
      return List.of(ValidationItem.warn(ValidationRule.CERTIFIED_STORAGE, "storage", "certification is not stated;"
          + " Microsoft supports a cluster only on storage certified for Windows Server 2008 clustering and Hyper-V"));
    }
    return List.of(s.certified().get()
        ? ValidationItem.pass(ValidationRule.CERTIFIED_STORAGE, "storage",
            "certified for Windows Server 2008 failover clustering and Hyper-V")
        : ValidationItem.fail(ValidationRule.CERTIFIED_STORAGE, "storage", "not certified for Windows Server 2008 failover"
            + " clustering and Hyper-V; Microsoft supports a cluster only on certified storage"));
  }

  static List<ValidationItem> mpio(StorageDescription s) {
    return List.of(s.mpio()
        ? ValidationItem.pass(ValidationRule.MPIO, "storage", "every host reaches the storage over several paths (MPIO)")
        : ValidationItem.warn(ValidationRule.MPIO, "storage", "one path per host: a failed HBA, NIC, cable or switch"
            + " takes the host's disks away; use MPIO with redundant paths"));
  }

  static List<ValidationItem> lunPerVm(ClusterDescription d, StorageDescription s) {
    List<ValidationItem> items = new ArrayList<>();
    for (VmDescription vm : d.vms()) {
      if (vm.luns().isEmpty()) {
        items.add(ValidationItem.fail(ValidationRule.LUN_PER_VM, vm.name(),
            "has no LUN; a clustered VM keeps its configuration, VHDs and saved state on a shared LUN"));
      }
      for (String name : vm.luns()) {
        if (s.lun(name).map(LunDescription::witness).orElse(false)) {
          items.add(ValidationItem.fail(ValidationRule.LUN_PER_VM, vm.name(),
              "uses the witness disk '" + name + "'; the witness disk holds only quorum data"));
        }
      }
    }
    for (FailoverGroup g : d.failoverGroups()) {
      if (g.vms().size() > 1) {
        String vms = g.vms().stream().map(VmDescription::name).collect(Collectors.joining(", "));
        items.add(ValidationItem.warn(ValidationRule.LUN_PER_VM, vms, "share LUN " + quoted(g.sharedLuns())
            + ", which is not a Cluster Shared Volume, so they fail over together; give each VM its own LUN or use CSV"));
      }
    }
    if (items.isEmpty()) {
      items.add(ValidationItem.pass(ValidationRule.LUN_PER_VM, "cluster", d.vms().isEmpty() ? "no VMs are described"
          : "a LUN of its own or a Cluster Shared Volume for " + Units.all(d.vms().size(), "VM")));
    }
    return items;
  }

  static List<ValidationItem> driveLetters(StorageDescription s) {
    long disks = s.luns().stream().filter(l -> !s.isCsv(l)).count();
    String count = Units.plural(disks, "cluster disk") + " (LUNs that are not Cluster Shared Volumes)";
    if (disks <= Conventions.DRIVE_LETTERS) {
      return List.of(ValidationItem.pass(ValidationRule.DRIVE_LETTERS, "storage", count + " fit the "
          + Conventions.DRIVE_LETTERS + " drive letters available"));
    }
    return List.of(s.mountPoints()
        ? ValidationItem.pass(ValidationRule.DRIVE_LETTERS, "storage", count + " use mount points")
        : ValidationItem.fail(ValidationRule.DRIVE_LETTERS, "storage", count + " need drive letters but only "
            + Conventions.DRIVE_LETTERS
            + " are available; mount the disks in folders (\"mountPoints\": true) or use CSV"));
  }

  static List<ValidationItem> fixedVhd(ClusterDescription d) {
    List<ValidationItem> items = new ArrayList<>();
    for (VmDescription vm : d.vms()) {
      if (vm.vhdType() == VhdType.DYNAMIC || vm.vhdType() == VhdType.DIFFERENCING) {
        items.add(ValidationItem.warn(ValidationRule.FIXED_VHD, vm.name(), "uses " + vm.vhdType()
            + " VHDs, which are slower and can fill their LUN unnoticed; use fixed-size VHDs"));
      }
    }
    if (items.isEmpty()) {
      items.add(ValidationItem.pass(ValidationRule.FIXED_VHD, "cluster", d.vms().isEmpty() ? "no VMs are described"
          : "fixed VHDs or pass-through disks on " + Units.all(d.vms().size(), "VM")));
    }
    return items;
  }

  private static String quoted(Iterable<String> names) {
    List<String> out = new ArrayList<>();
    names.forEach(n -> out.add("'" + n + "'"));
    return String.join(", ", out);
  }
}
