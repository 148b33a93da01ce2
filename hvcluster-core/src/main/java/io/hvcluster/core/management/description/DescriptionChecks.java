package io.hvcluster.core.management.description;

import io.hvcluster.api.Names;
import io.hvcluster.core.management.Conventions;
import io.hvcluster.core.management.Units;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The domain checks of {@link ClusterDescription#check()}: values in range, valid and unique names, and
 * references that resolve. Rules about what makes a cluster sound are not here but in the validator;
 * this class refuses only what cannot be interpreted.
 */
final class DescriptionChecks {
  static final double MAX_HOST_MEMORY_GIB = 4096;
  static final double MAX_VM_MEMORY_GIB = 1024;
  static final double MAX_LUN_GIB = 1 << 20;
  static final int MAX_WORKLOAD_COUNT = 10_000;

  private DescriptionChecks() {}

  static void check(ClusterDescription d) {
    name("$.name", "cluster", d.name());
    range("$.reserve", d.reserve(), 0, Conventions.MAX_RESERVE, "host failures");
    Set<String> hostNames = new HashSet<>();
    for (int i = 0; i < d.hosts().size(); i++) {
      String path = "$.hosts[" + i + "]";
      HostDescription h = d.hosts().get(i);
      host(path, h);
      unique(path + ".name", "host", h.name(), hostNames);
    }
    Set<String> lunNames = new HashSet<>();
    d.storage().ifPresent(storage -> {
      for (int i = 0; i < storage.luns().size(); i++) {
        String path = "$.storage.luns[" + i + "]";
        LunDescription lun = storage.luns().get(i);
        name(path + ".name", "LUN", lun.name());
        unique(path + ".name", "LUN", lun.name(), lunNames);
        positive(path + ".sizeGiB", lun.sizeGiB(), MAX_LUN_GIB, "GiB");
      }
    });
    Set<String> vmNames = new HashSet<>();
    for (int i = 0; i < d.vms().size(); i++) {
      String path = "$.vms[" + i + "]";
      VmDescription vm = d.vms().get(i);
      name(path + ".name", "VM", vm.name());
      unique(path + ".name", "VM", vm.name(), vmNames);
      vm(path, vm, d, hostNames, lunNames);
    }
    Set<String> workloadNames = new HashSet<>();
    for (int i = 0; i < d.workloads().size(); i++) {
      String path = "$.workloads[" + i + "]";
      WorkloadDescription w = d.workloads().get(i);
      unique(path + ".name", "workload", w.name(), workloadNames);
      workload(path, w);
    }
    d.planning().ifPresent(p -> {
      host("$.planning.hostModel", p.hostModel());
      if (!Names.isValid(p.hostModel().name() + "99999")) {
        throw new InvalidDescriptionException("$.planning.hostModel.name", "'" + p.hostModel().name()
            + "' is too long to number the proposed hosts; use at most " + (Names.MAX_LENGTH - 5) + " characters");
      }
      range("$.planning.maxNodesPerCluster", p.maxNodesPerCluster(), 2, 16, "nodes");
      if (!(p.maxCpuPercent() > 0 && p.maxCpuPercent() <= 100)) {
        throw new InvalidDescriptionException("$.planning.maxCpuPercent", Units.number(p.maxCpuPercent())
            + " is not allowed; allowed: more than 0 and at most 100 (percent)");
      }
      notNegative("$.planning.hostIops", p.hostIops(), "I/O operations per second");
    });
  }

  private static void host(String path, HostDescription h) {
    name(path + ".name", "host", h.name());
    if (h.osVersion().isPresent() && h.osVersion().get().isBlank()) {
      throw new InvalidDescriptionException(path + ".osVersion", "is blank; give a version such as \"6.0.6002\" or leave it out");
    }
    if (h.servicePack().isPresent()) {
      range(path + ".servicePack", h.servicePack().getAsInt(), 0, 9, "(the service-pack level)");
    }
    range(path + ".cores", h.cores(), 1, 64, "cores");
    positive(path + ".memoryGiB", h.memoryGiB(), MAX_HOST_MEMORY_GIB, "GiB");
    range(path + ".guestNicPorts", h.guestNicPorts(), 0, 64, "ports");
  }

  private static void vm(String path, VmDescription vm, ClusterDescription d, Set<String> hosts, Set<String> luns) {
    positive(path + ".memoryGiB", vm.memoryGiB(), MAX_VM_MEMORY_GIB, "GiB");
    range(path + ".vcpus", vm.vcpus(), 1, 64, "virtual processors");
    references(path + ".luns", "LUN", vm.luns(), luns,
        d.storage().isPresent() ? "$.storage.luns" : "$.storage (which is missing)");
    references(path + ".preferredOwners", "host", vm.preferredOwners(), hosts, "$.hosts");
    references(path + ".possibleOwners", "host", vm.possibleOwners(), hosts, "$.hosts");
    List<String> classes = vm.antiAffinityClasses();
    for (int j = 0; j < classes.size(); j++) {
      if (classes.get(j).isBlank()) {
        throw new InvalidDescriptionException(path + ".antiAffinityClasses[" + j + "]", "is blank; give a class name");
      }
    }
    if (!vm.guestCluster().isEmpty()) {
      name(path + ".guestCluster", "guest cluster", vm.guestCluster());
    }
  }

  private static void workload(String path, WorkloadDescription w) {
    name(path + ".name", "workload", w.name());
    range(path + ".count", w.count(), 1, MAX_WORKLOAD_COUNT, "servers");
    String widest = Conventions.lunName(w.name() + "-" + "9".repeat(Conventions.indexWidth(w.count())));
    if (!Names.isValid(widest)) {
      throw new InvalidDescriptionException(path + ".name", "'" + w.name() + "' is too long to name its VMs and LUNs ('"
          + widest + "' would exceed " + Names.MAX_LENGTH + " characters)");
    }
    range(path + ".cores", w.cores(), 1, 64, "cores");
    if (!(w.cpuPercent() >= 0 && w.cpuPercent() <= 100)) {
      throw new InvalidDescriptionException(path + ".cpuPercent", Units.number(w.cpuPercent())
          + " is not allowed; allowed: 0 to 100 (percent of the server's cores)");
    }
    positive(path + ".memoryGiB", w.memoryGiB(), MAX_VM_MEMORY_GIB, "GiB");
    notNegative(path + ".iops", w.iops(), "I/O operations per second");
    notNegative(path + ".networkMbps", w.networkMbps(), "Mbit/s");
    positive(path + ".diskGiB", w.diskGiB(), MAX_LUN_GIB / 2, "GiB");
    range(path + ".vcpus", w.vcpus(), 1, 64, "virtual processors");
  }

  private static void references(String path, String kind, List<String> names, Set<String> known, String where) {
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < names.size(); j++) {
      String entry = path + "[" + j + "]";
      String value = names.get(j);
      if (!known.contains(value)) {
        throw new InvalidDescriptionException(entry, kind + " '" + printable(value) + "' is not defined in " + where);
      }
      if (!seen.add(value)) {
        throw new InvalidDescriptionException(entry, kind + " '" + value + "' is listed twice; list each once");
      }
    }
  }

  static void name(String path, String kind, String value) {
    if (!Names.isValid(value)) {
      throw new InvalidDescriptionException(path, kind + " name '" + printable(value) + "' is not allowed; use 1 to "
          + Names.MAX_LENGTH + " letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
  }

  private static void unique(String path, String kind, String value, Set<String> seen) {
    if (!seen.add(value)) {
      throw new InvalidDescriptionException(path, kind + " name '" + value + "' is used twice; " + kind
          + " names must be unique");
    }
  }

  private static void range(String path, int value, int min, int max, String unit) {
    if (value < min || value > max) {
      throw new InvalidDescriptionException(path, value + " is not allowed; allowed: " + min + " to " + max + " " + unit);
    }
  }

  private static void positive(String path, double value, double max, String unit) {
    if (!(value > 0 && value <= max)) {
      throw new InvalidDescriptionException(path, Units.number(value) + " is not allowed; allowed: more than 0 and at most "
          + Units.number(max) + " " + unit);
    }
  }

  private static void notNegative(String path, double value, String unit) {
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new InvalidDescriptionException(path, Units.number(value) + " is not allowed; allowed: 0 or more " + unit);
    }
  }

  private static String printable(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length() && i < 80; i++) {
      char c = value.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return value.length() > 80 ? out + "..." : out.toString();
  }
}
