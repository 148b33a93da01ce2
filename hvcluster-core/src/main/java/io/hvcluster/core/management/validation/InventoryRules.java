package io.hvcluster.core.management.validation;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.core.management.Units;
import io.hvcluster.core.management.description.Architecture;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.HostDescription;
import java.util.ArrayList;
import java.util.List;

/** The Inventory rules: node count, edition, architecture, installation type and host memory. */
final class InventoryRules {
  private InventoryRules() {}

  static List<ValidationItem> nodeCount(ClusterDescription d) {
    int n = d.hosts().size();
    String reason = Units.plural(n, "node") + "; a failover cluster has " + ClusterSpec.MIN_NODES + " to "
        + ClusterSpec.MAX_NODES;
    boolean ok = n >= ClusterSpec.MIN_NODES && n <= ClusterSpec.MAX_NODES;
    return List.of(new ValidationItem(ValidationRule.NODE_COUNT, ok ? ValidationStatus.PASS : ValidationStatus.FAIL,
        "cluster", reason));
  }

  static List<ValidationItem> edition(ClusterDescription d) {
    List<ValidationItem> items = new ArrayList<>();
    for (HostDescription h : d.hosts()) {
      if (!h.edition().supportsFailoverClustering()) {
        items.add(ValidationItem.fail(ValidationRule.EDITION, h.name(), "runs the " + h.edition()
            + " edition, which has no failover clustering; use ENTERPRISE or DATACENTER"));
      }
    }
    return orPass(items, ValidationRule.EDITION, d, "Enterprise or Datacenter edition");
  }

  static List<ValidationItem> architecture(ClusterDescription d) {
    List<ValidationItem> items = new ArrayList<>();
    for (HostDescription h : d.hosts()) {
      if (h.architecture() != Architecture.X64) {
        items.add(ValidationItem.fail(ValidationRule.ARCHITECTURE, h.name(), "runs " + h.architecture()
            + "; Hyper-V needs the x64 edition on a processor with hardware virtualisation"));
      }
    }
    return orPass(items, ValidationRule.ARCHITECTURE, d, "x64");
  }

  static List<ValidationItem> serverCore(ClusterDescription d) {
    List<ValidationItem> items = new ArrayList<>();
    for (HostDescription h : d.hosts()) {
      if (h.installation() == Installation.FULL) {
        items.add(ValidationItem.warn(ValidationRule.SERVER_CORE, h.name(), "is a full installation; Server Core keeps "
            + Units.gib(Installation.SERVER_CORE.parentReserveBytes()) + " instead of "
            + Units.gib(Installation.FULL.parentReserveBytes()) + " for the parent partition, has less to patch and"
            + " fails VMs over faster"));
      }
    }
    return orPass(items, ValidationRule.SERVER_CORE, d, "Server Core");
  }

  static List<ValidationItem> hostMemory(ClusterDescription d) {
    List<ValidationItem> items = new ArrayList<>();
    for (HostDescription h : d.hosts()) {
      long parent = h.installation().parentReserveBytes();
      if (h.memoryBytes() < parent + Units.GIB) {
        items.add(ValidationItem.fail(ValidationRule.HOST_MEMORY, h.name(), "has " + Units.gib(h.memoryBytes())
            + "; its " + h.installation() + " parent partition keeps " + Units.gib(parent)
            + ", so a host needs at least " + Units.gib(parent + Units.GIB)));
      }
    }
    return orPass(items, ValidationRule.HOST_MEMORY, d, "at least 1 GiB for VMs beyond the parent partition");
  }

  /** Returns the problems, or one PASS item saying what all hosts have, for example "x64 on all 4 hosts". */
  static List<ValidationItem> orPass(List<ValidationItem> problems, ValidationRule rule, ClusterDescription d,
      String what) {
    if (!problems.isEmpty()) {
      return problems;
    }
    int n = d.hosts().size();
    String reason = n == 0 ? "no hosts are described" : what + " on " + Units.all(n, "host");
    return List.of(ValidationItem.pass(rule, "cluster", reason));
  }
}
