package io.hvcluster.core.management.capacity;

import io.hvcluster.core.management.Units;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.HostDescription;
import io.hvcluster.core.management.description.PlanningDescription;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Plans hosts and clusters for measured physical workloads, the seed's "baseline before you
 * virtualise" practice. Each measured server becomes a VM with its measured memory; VMs are packed onto
 * hosts of the planned model, largest memory first, so that no host exceeds its memory for VMs, its CPU
 * limit ({@code maxCpuPercent} of its cores) or its disk I/O limit; then each cluster gets the cluster
 * reserve's spare hosts on top, and clusters are split so that none exceeds {@code maxNodesPerCluster}.
 *
 * <p>The plan proposes complete cluster descriptions: a LUN per VM (its disk plus room for its saved
 * state), certified iSCSI storage with MPIO, mount points beyond 21 disks, the recommended quorum model,
 * enough guest NIC ports for one per 4 VMs after the reserve's failures, and each VM preferring the host
 * it was packed on.
 *
 * <p>Stateless and thread-safe. Example:
 *
 * <pre>{@code
 * CapacityPlan plan = CapacityPlanner.plan(description.check());
 * System.out.println(plan.totalHosts() + " hosts in " + plan.clusters().size() + " cluster(s)");
 * plan.arithmetic().forEach(System.out::println);
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class CapacityPlanner {
  private CapacityPlanner() {}

  /**
   * Plans the description's workloads with its planning assumptions and cluster reserve. Run
   * {@link ClusterDescription#check()} first.
   *
   * @param d the description
   * @return the plan; without workloads, an empty plan
   */
  public static CapacityPlan plan(ClusterDescription d) {
    PlanningDescription p = d.effectivePlanning();
    HostDescription model = p.hostModel();
    List<PlanPacking.Vm> vms = PlanPacking.expand(d.workloads());
    PlanPacking.Capacity capacity = new PlanPacking.Capacity(model.vmMemoryBytes(),
        model.cores() * p.maxCpuPercent() / 100, p.hostIops());
    long memory = vms.stream().mapToLong(PlanPacking.Vm::memoryBytes).sum();
    double cpu = vms.stream().mapToDouble(PlanPacking.Vm::cpuCores).sum();
    double iops = vms.stream().mapToDouble(PlanPacking.Vm::iops).sum();
    double network = vms.stream().mapToDouble(PlanPacking.Vm::networkMbps).sum();
    List<String> lines = new ArrayList<>();
    lines.add(Units.plural(vms.size(), "VM") + " from " + Units.plural(d.workloads().size(), "workload") + " need "
        + Units.gib(memory) + " of memory, " + Units.number(cpu) + " cores of CPU, " + Units.number(iops) + " IOPS and "
        + Units.number(network) + " Mbit/s");
    lines.add("host model '" + model.name() + "': " + Units.gib(model.memoryBytes()) + " − "
        + Units.gib(model.installation().parentReserveBytes()) + " for the " + model.installation()
        + " parent partition = " + Units.gib(capacity.memoryBytes()) + " for VMs; " + model.cores() + " cores × "
        + Units.number(p.maxCpuPercent()) + " % = " + Units.number(capacity.cpuCores()) + " cores"
        + (capacity.iops() > 0 ? "; " + Units.number(capacity.iops()) + " IOPS" : "; disk I/O not limited"));
    if (capacity.memoryBytes() <= 0) {
      lines.add("the host model leaves no memory for VMs, so nothing can be planned");
      return new CapacityPlan(vms.size(), memory, cpu, iops, network, 0, d.reserve(), List.of(),
          vms.stream().map(PlanPacking.Vm::name).toList(), lines);
    }
    if (vms.isEmpty()) {
      lines.add("no workloads are described, so there is nothing to plan");
      return new CapacityPlan(0, 0, 0, 0, 0, 0, d.reserve(), List.of(), List.of(), lines);
    }
    lines.add("lower bounds: memory " + bound(memory, capacity.memoryBytes()) + ", CPU " + bound(cpu, capacity.cpuCores())
        + (capacity.iops() > 0 ? ", disk I/O " + bound(iops, capacity.iops()) : ""));
    PlanPacking.Result packing = PlanPacking.pack(vms, capacity);
    List<String> unplaceable = packing.unplaceable().stream().map(PlanPacking.Vm::name).toList();
    int active = packing.hosts().size();
    lines.add("packing the VMs largest first fills " + Units.plural(active, "host")
        + (unplaceable.isEmpty() ? "" : "; " + Units.plural(unplaceable.size(), "VM") + " fit no host of this model: "
            + String.join(", ", unplaceable.subList(0, Math.min(5, unplaceable.size())))
            + (unplaceable.size() > 5 ? " …" : "")));
    int perCluster = p.maxNodesPerCluster() - d.reserve();
    if (perCluster < 1) {
      lines.add("a cluster of at most " + p.maxNodesPerCluster() + " nodes cannot keep a reserve of " + d.reserve()
          + " spare nodes");
      return new CapacityPlan(vms.size(), memory, cpu, iops, network, active, d.reserve(), List.of(),
          vms.stream().map(PlanPacking.Vm::name).toList(), lines);
    }
    List<ClusterDescription> clusters = active == 0 ? List.of()
        : PlanProposal.clusters(d, p, packing.hosts(), perCluster);
    int total = clusters.stream().mapToInt(c -> c.hosts().size()).sum();
    lines.add("cluster reserve " + d.reserve() + ": " + active + " + " + (total - active) + " spare = "
        + Units.plural(total, "host") + " in " + Units.plural(clusters.size(), "cluster") + " of at most "
        + p.maxNodesPerCluster() + " nodes");
    for (ClusterDescription c : clusters) {
      lines.add("cluster " + c.name() + ": " + Units.plural(c.hosts().size(), "node") + ", " + Units.plural(c.vms().size(), "VM")
          + ", " + c.hosts().get(0).guestNicPorts() + " guest NIC ports a host (one per 4 VMs after "
          + Units.plural(d.reserve(), "failure") + "), quorum " + c.effectiveQuorum() + ", reserve check: "
          + (ClusterReserve.evaluate(c).overCommitted() ? "over-committed" : "not over-committed"));
    }
    return new CapacityPlan(vms.size(), memory, cpu, iops, network, active, d.reserve(), clusters, unplaceable, lines);
  }

  private static String bound(double need, double perHost) {
    return "≥ " + Units.plural(hostsFor(need, perHost), "host") + " (" + Units.number(need) + " / "
        + Units.number(perHost) + " = " + Units.number(need / perHost) + ")";
  }

  private static String bound(long needBytes, long perHostBytes) {
    return "≥ " + Units.plural(hostsFor(needBytes, perHostBytes), "host") + " (" + Units.gib(needBytes) + " / "
        + Units.gib(perHostBytes) + " = " + Units.number(needBytes / (double) perHostBytes) + ")";
  }

  private static long hostsFor(double need, double perHost) {
    return (long) Math.ceil(need / perHost - 1e-9);
  }
}
