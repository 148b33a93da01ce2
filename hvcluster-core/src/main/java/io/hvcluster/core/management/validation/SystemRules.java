package io.hvcluster.core.management.validation;

import io.hvcluster.api.spec.Era;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.management.Units;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.EraConflict;
import io.hvcluster.core.management.description.HostDescription;
import io.hvcluster.core.management.description.VmDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The System Configuration rules: the same OS level everywhere, and VMs within Hyper-V 2008's limits. */
final class SystemRules {
  private SystemRules() {}

  /**
   * The era: which release the cluster models (stated or the default), and a FAIL for each feature that
   * came with a later release.
   */
  static List<ValidationItem> era(ClusterDescription d) {
    Era era = d.effectiveEra();
    List<ValidationItem> items = new ArrayList<>();
    for (EraConflict c : d.eraConflicts()) {
      items.add(ValidationItem.fail(ValidationRule.ERA, c.subject(), c.reason()));
    }
    if (items.isEmpty()) {
      String stated = d.era().isPresent() ? "" : " (no era is stated; the default allows every feature hvcluster"
          + " models)";
      items.add(ValidationItem.pass(ValidationRule.ERA, "cluster", era.name() + ": " + era.windows() + " with "
          + era.vmm() + stated + "; Live Migration and Cluster Shared Volumes " + (era.has(Era.WS2008_R2) ? "available"
          : "not available (2008 R2)") + "; cluster reserve by " + era.reserveMethod().description()));
    }
    return items;
  }

  static List<ValidationItem> osLevel(ClusterDescription d) {
    Map<String, List<String>> byLevel = new LinkedHashMap<>();
    List<String> unstated = new ArrayList<>();
    for (HostDescription h : d.hosts()) {
      if (h.osVersion().isEmpty() && h.servicePack().isEmpty()) {
        unstated.add(h.name());
      } else {
        byLevel.computeIfAbsent(level(h), k -> new ArrayList<>()).add(h.name());
      }
    }
    List<ValidationItem> items = new ArrayList<>();
    if (byLevel.size() > 1) {
      List<String> parts = new ArrayList<>();
      byLevel.forEach((level, hosts) -> parts.add(String.join(", ", hosts) + " at " + level));
      items.add(ValidationItem.fail(ValidationRule.OS_LEVEL, "cluster", "nodes differ: " + String.join("; ", parts)
          + "; every node must run the same OS version and service pack"));
    }
    if (!unstated.isEmpty()) {
      items.add(ValidationItem.warn(ValidationRule.OS_LEVEL, String.join(", ", unstated),
          "osVersion and servicePack are not stated, so the same OS level on every node cannot be confirmed"));
    }
    if (items.isEmpty()) {
      String level = byLevel.isEmpty() ? "" : byLevel.keySet().iterator().next();
      items.add(ValidationItem.pass(ValidationRule.OS_LEVEL, "cluster", d.hosts().isEmpty() ? "no hosts are described"
          : "every node runs " + level));
    }
    return items;
  }

  private static String level(HostDescription h) {
    String version = h.osVersion().map(v -> "version " + v).orElse("version not stated");
    String sp = h.servicePack().isPresent() ? "service pack " + h.servicePack().getAsInt() : "service pack not stated";
    return version + ", " + sp;
  }

  static List<ValidationItem> vmLimits(ClusterDescription d) {
    List<ValidationItem> items = new ArrayList<>();
    for (VmDescription vm : d.vms()) {
      List<String> problems = new ArrayList<>();
      if (vm.vcpus() > VmSpec.MAX_VCPUS) {
        problems.add("has " + vm.vcpus() + " virtual processors; Hyper-V 2008 allows 1 to " + VmSpec.MAX_VCPUS);
      }
      long bytes = vm.memoryBytes();
      if (bytes < VmSpec.MIN_MEMORY_BYTES || bytes > VmSpec.MAX_MEMORY_BYTES) {
        problems.add("has " + Units.gib(bytes) + " of memory; Hyper-V 2008 allows 8 MiB to 64 GiB");
      }
      if (!problems.isEmpty()) {
        items.add(ValidationItem.fail(ValidationRule.VM_LIMITS, vm.name(), String.join("; ", problems)));
      }
    }
    if (items.isEmpty()) {
      items.add(ValidationItem.pass(ValidationRule.VM_LIMITS, "cluster", d.vms().isEmpty() ? "no VMs are described"
          : "1 to 4 virtual processors and 8 MiB to 64 GiB on " + Units.all(d.vms().size(), "VM")));
    }
    return items;
  }
}
