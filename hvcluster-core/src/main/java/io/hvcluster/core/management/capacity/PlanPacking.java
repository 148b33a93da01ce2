package io.hvcluster.core.management.capacity;

import io.hvcluster.core.management.Conventions;
import io.hvcluster.core.management.Units;
import io.hvcluster.core.management.description.WorkloadDescription;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The packing step of {@link CapacityPlanner}: one VM per measured server, placed first-fit, largest
 * memory first (ties in file order), onto as many identical hosts as it takes, respecting memory, CPU
 * and disk-I/O limits at once.
 */
final class PlanPacking {
  /** A planned VM and what it needs. */
  record Vm(String name, WorkloadDescription workload, long memoryBytes, double cpuCores, double iops,
      double networkMbps) {}

  /** What one host of the planned model offers; iops 0 means disk I/O is not a limit. */
  record Capacity(long memoryBytes, double cpuCores, double iops) {
    boolean fits(Load load, Vm vm) {
      return load.memoryBytes + vm.memoryBytes() <= memoryBytes
          && load.cpuCores + vm.cpuCores() <= cpuCores + 1e-9
          && (iops <= 0 || load.iops + vm.iops() <= iops + 1e-9);
    }
  }

  /** One host being filled. */
  static final class Load {
    final List<Vm> vms = new ArrayList<>();
    long memoryBytes;
    double cpuCores;
    double iops;

    void add(Vm vm) {
      vms.add(vm);
      memoryBytes += vm.memoryBytes();
      cpuCores += vm.cpuCores();
      iops += vm.iops();
    }
  }

  /** The filled hosts, each with its VMs in placement order, and the VMs that fit no empty host. */
  record Result(List<List<Vm>> hosts, List<Vm> unplaceable) {}

  private PlanPacking() {}

  static List<Vm> expand(List<WorkloadDescription> workloads) {
    List<Vm> vms = new ArrayList<>();
    for (WorkloadDescription w : workloads) {
      int width = Conventions.indexWidth(w.count());
      for (int i = 1; i <= w.count(); i++) {
        String name = w.name() + "-" + pad(i, width);
        vms.add(new Vm(name, w, Units.gibToBytes(w.memoryGiB()), w.cpuCores(), w.iops(), w.networkMbps()));
      }
    }
    return vms;
  }

  static Result pack(List<Vm> vms, Capacity capacity) {
    List<Vm> order = new ArrayList<>(vms);
    order.sort(Comparator.comparingLong(Vm::memoryBytes).reversed());
    List<Load> hosts = new ArrayList<>();
    List<Vm> unplaceable = new ArrayList<>();
    Load empty = new Load();
    for (Vm vm : order) {
      if (!capacity.fits(empty, vm)) {
        unplaceable.add(vm);
        continue;
      }
      Load target = hosts.stream().filter(h -> capacity.fits(h, vm)).findFirst().orElse(null);
      if (target == null) {
        target = new Load();
        hosts.add(target);
      }
      target.add(vm);
    }
    return new Result(hosts.stream().map(h -> List.copyOf(h.vms)).toList(), unplaceable);
  }

  static String pad(int i, int width) {
    String s = Integer.toString(i);
    return "0".repeat(Math.max(0, width - s.length())) + s;
  }
}
