package io.hvcluster.core.management.capacity;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.Era;
import io.hvcluster.api.spec.ReserveMethod;
import io.hvcluster.core.management.Units;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.FailoverGroup;
import io.hvcluster.core.management.description.HostDescription;
import io.hvcluster.core.management.description.VmDescription;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apiguardian.api.API;

/**
 * Decides whether a cluster is over-committed: whether its highly available VMs still fit after the
 * cluster reserve's host failures. The worst case is assumed: the hosts with the most memory for VMs
 * fail. A host keeps its parent partition's reserve (1 GiB on Server Core, 2 GiB on a full
 * installation) for itself. Two methods, the era choosing the default ({@link Era#reserveMethod()}):
 *
 * <ul>
 *   <li>{@link ReserveMethod#SLOTS}, SCVMM 2008 and 2008 R2: a slot is the memory of the cluster's
 *       largest VM; each survivor holds as many whole slots as fit in its memory for VMs; the cluster is
 *       over-committed when the survivors hold fewer slots than there are VMs. Possible owners and
 *       shared LUNs play no part.
 *   <li>{@link ReserveMethod#BIN_PACKING}, VMM 2012: the VMs are packed onto the survivors (first fit,
 *       largest group first, honouring possible owners and keeping VMs that share an ordinary LUN
 *       together); the cluster is over-committed if any group is left over.
 * </ul>
 *
 * <p>With VMs of very different sizes the slot method is the stricter: a 16 GiB VM makes every 2 GiB VM
 * take a 16 GiB slot.
 *
 * <p>Stateless and thread-safe. Example:
 *
 * <pre>{@code
 * ReserveReport r = ClusterReserve.evaluate(description);
 * if (r.overCommitted()) {
 *   System.out.println("over-committed: " + r.explanation());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ClusterReserve {
  private ClusterReserve() {}

  /**
   * Evaluates a description with its own reserve ({@code reserve}, default 1).
   *
   * @param description the cluster
   * @return the verdict
   */
  public static ReserveReport evaluate(ClusterDescription description) {
    return evaluate(description, description.reserve(), description.effectiveEra().reserveMethod());
  }

  /**
   * Evaluates a cluster spec with the given reserve.
   *
   * @param spec the cluster
   * @param reserve host failures to absorb, 0 or more
   * @return the verdict
   * @throws IllegalArgumentException when the reserve is negative
   */
  public static ReserveReport evaluate(ClusterSpec spec, int reserve) {
    return evaluate(ClusterDescription.fromSpec(spec), reserve);
  }

  /**
   * Evaluates a description with the given reserve and its era's method.
   *
   * @param d the cluster
   * @param reserve host failures to absorb, 0 or more
   * @return the verdict
   * @throws IllegalArgumentException when the reserve is negative
   */
  public static ReserveReport evaluate(ClusterDescription d, int reserve) {
    return evaluate(d, reserve, d.effectiveEra().reserveMethod());
  }

  /**
   * Evaluates a description with the given reserve and method.
   *
   * @param d the cluster
   * @param reserve host failures to absorb, 0 or more
   * @param method slots (SCVMM 2008) or bin-packing (VMM 2012)
   * @return the verdict
   * @throws IllegalArgumentException when the reserve is negative
   */
  public static ReserveReport evaluate(ClusterDescription d, int reserve, ReserveMethod method) {
    Objects.requireNonNull(method, "method");
    if (reserve < 0) {
      throw new IllegalArgumentException("cluster reserve is " + reserve + "; it must be 0 or more host failures");
    }
    List<HostDescription> hosts = d.hosts();
    List<FailoverGroup> groups = d.failoverGroups();
    long demand = groups.stream().mapToLong(FailoverGroup::memoryBytes).sum();
    int vms = d.vms().size();
    List<String> lines = new ArrayList<>();
    String need = "the " + Units.plural(vms, "VM") + " need " + Units.gib(demand);
    if (reserve >= hosts.size() && !hosts.isEmpty()) {
      lines.add("cluster reserve " + reserve + " of " + Units.plural(hosts.size(), "node") + ": no node would survive");
      lines.add(need);
      return new ReserveReport(reserve, hosts.size(), names(hosts), 0, demand, vms,
          groups.stream().map(FailoverGroup::name).toList(), vms > 0, lines, method);
    }
    List<Integer> failedIndexes = IntStream.range(0, hosts.size()).boxed()
        .sorted(Comparator.comparingLong((Integer i) -> hosts.get(i).vmMemoryBytes()).reversed())
        .limit(reserve).toList();
    List<HostDescription> failed = failedIndexes.stream().map(hosts::get).toList();
    List<HostDescription> survivors = IntStream.range(0, hosts.size()).filter(i -> !failedIndexes.contains(i))
        .mapToObj(hosts::get).toList();
    long capacity = survivors.stream().mapToLong(HostDescription::vmMemoryBytes).sum();
    if (reserve == 0) {
      lines.add("cluster reserve 0: all " + Units.plural(hosts.size(), "node") + " keep running");
    } else {
      lines.add("cluster reserve " + reserve + " of " + Units.plural(hosts.size(), "node") + ": worst case, the largest "
          + (reserve == 1 ? "node fails: " : reserve + " fail: ") + describe(failed));
    }
    lines.add(capacityLine(survivors, capacity));
    if (method == ReserveMethod.SLOTS) {
      return slots(d, reserve, failed, survivors, capacity, demand, lines);
    }
    List<MemoryPacking.Bin> bins = survivors.stream()
        .map(h -> new MemoryPacking.Bin(h.name(), h.vmMemoryBytes())).toList();
    MemoryPacking.Result packing = MemoryPacking.pack(bins, groups.stream().map(ClusterReserve::item).toList());
    List<String> unplaced = packing.unplaced().stream().map(MemoryPacking.Item::name).toList();
    lines.add(verdict(need, capacity, demand, packing, groups.size()));
    return new ReserveReport(reserve, hosts.size(), names(failed), capacity, demand, vms, unplaced, !packing.fits(), lines,
        method);
  }

  /** SCVMM 2008's slot method: slots of the largest VM's memory on the survivors, one per VM. */
  private static ReserveReport slots(ClusterDescription d, int reserve, List<HostDescription> failed,
      List<HostDescription> survivors, long capacity, long demand, List<String> lines) {
    int vms = d.vms().size();
    long slot = d.vms().stream().mapToLong(VmDescription::memoryBytes).max().orElse(0);
    long held = 0;
    List<String> counts = new ArrayList<>();
    for (HostDescription h : survivors) {
      long n = slot == 0 ? 0 : Math.max(0, h.vmMemoryBytes()) / slot;
      held += n;
      counts.add(Long.toString(n));
    }
    boolean over = vms > 0 && held < vms;
    if (vms == 0) {
      lines.add("no VMs, so no slots are needed (not over-committed)");
    } else {
      String who = d.vms().stream().filter(v -> v.memoryBytes() == slot).findFirst().map(VmDescription::name).orElse("");
      lines.add("slot method (SCVMM 2008): one slot per VM, the size of the largest VM ('" + who + "', "
          + Units.gib(slot) + ")");
      String sum = counts.size() <= 6 && counts.size() > 1 ? String.join(" + ", counts) + " = " + held : Long.toString(held);
      lines.add("the survivors hold " + sum + " slot" + (held == 1 ? "" : "s") + " for " + Units.plural(vms, "VM")
          + (over ? ": over-committed, " + Units.plural(vms - held, "slot") + " short"
              : ": " + Units.plural(held - vms, "slot") + " to spare (not over-committed)"));
    }
    return new ReserveReport(reserve, d.hosts().size(), names(failed), capacity, demand, vms, List.of(), over, lines,
        ReserveMethod.SLOTS);
  }

  private static MemoryPacking.Item item(FailoverGroup g) {
    return new MemoryPacking.Item(g.name(), g.vms().size(), g.memoryBytes(), g::mayRunOn);
  }

  private static String verdict(String need, long capacity, long demand, MemoryPacking.Result packing, int groups) {
    if (packing.fits()) {
      return need + ": " + Units.gib(capacity - demand) + " to spare and every group fits on a surviving node"
          + " (not over-committed)";
    }
    if (demand > capacity) {
      return need + ": over-committed, " + Units.gib(demand - capacity) + " short";
    }
    MemoryPacking.Item first = packing.unplaced().get(0);
    String more = packing.unplaced().size() > 1 ? " and " + (packing.unplaced().size() - 1) + " more" : "";
    return need + ": " + Units.gib(capacity - demand) + " free in total, but group '" + first.name() + "' ("
        + Units.gib(first.bytes()) + ")" + more + " fits on no surviving node it may run on (largest free: "
        + Units.gib(packing.largestFree()) + "); over-committed";
  }

  private static String capacityLine(List<HostDescription> survivors, long capacity) {
    if (survivors.isEmpty()) {
      return "no node is left for VMs";
    }
    long first = survivors.get(0).vmMemoryBytes();
    String who = survivors.size() <= 6 ? names(survivors).stream().collect(Collectors.joining(", "))
        : survivors.get(0).name() + " … " + survivors.get(survivors.size() - 1).name();
    String sum;
    if (survivors.stream().allMatch(h -> h.vmMemoryBytes() == first)) {
      sum = survivors.size() + " × " + Units.gib(first) + " = " + Units.gib(capacity);
    } else if (survivors.size() <= 6) {
      sum = survivors.stream().map(h -> Units.gib(h.vmMemoryBytes())).collect(Collectors.joining(" + "))
          + " = " + Units.gib(capacity);
    } else {
      sum = Units.gib(capacity) + " in total";
    }
    return who + (survivors.size() == 1 ? " keeps " : " keep ") + sum + " for VMs";
  }

  private static String describe(List<HostDescription> hosts) {
    return hosts.stream().map(h -> h.name() + " (" + Units.gib(h.vmMemoryBytes()) + " for VMs)")
        .collect(Collectors.joining(", "));
  }

  private static List<String> names(List<HostDescription> hosts) {
    return hosts.stream().map(HostDescription::name).toList();
  }
}
