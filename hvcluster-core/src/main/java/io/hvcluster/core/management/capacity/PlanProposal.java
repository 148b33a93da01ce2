package io.hvcluster.core.management.capacity;

import io.hvcluster.api.Names;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageType;
import io.hvcluster.core.management.Conventions;
import io.hvcluster.core.management.Units;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.LunDescription;
import io.hvcluster.core.management.description.PlanningDescription;
import io.hvcluster.core.management.description.StorageDescription;
import io.hvcluster.core.management.description.VmDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns packed hosts into proposed cluster descriptions for {@link CapacityPlanner}. */
final class PlanProposal {
  /** Mbit/s of one GbE guest port. */
  static final double PORT_MBPS = 1000;

  private PlanProposal() {}

  static List<ClusterDescription> clusters(ClusterDescription d, PlanningDescription p, List<List<PlanPacking.Vm>> packed,
      int perCluster) {
    int active = packed.size();
    int count = (active + perCluster - 1) / perCluster;
    int[] sizes = new int[count];
    int[] nodes = new int[count];
    int total = 0;
    for (int i = 0; i < count; i++) {
      sizes[i] = active / count + (i < active % count ? 1 : 0);
      nodes[i] = Math.max(2, sizes[i] + d.reserve());
      total += nodes[i];
    }
    int width = Math.max(2, Integer.toString(total).length());
    List<ClusterDescription> out = new ArrayList<>();
    int nextPacked = 0;
    int nextHost = 1;
    for (int i = 0; i < count; i++) {
      List<List<PlanPacking.Vm>> mine = packed.subList(nextPacked, nextPacked + sizes[i]);
      nextPacked += sizes[i];
      List<String> hostNames = new ArrayList<>();
      for (int h = 0; h < nodes[i]; h++) {
        hostNames.add(p.hostModel().name() + PlanPacking.pad(nextHost++, width));
      }
      out.add(cluster(d, p, clusterName(d.name(), i, count), hostNames, mine));
    }
    return out;
  }

  private static ClusterDescription cluster(ClusterDescription d, PlanningDescription p, String name,
      List<String> hostNames, List<List<PlanPacking.Vm>> packed) {
    Map<PlanPacking.Vm, String> hostOf = new LinkedHashMap<>();
    for (int h = 0; h < packed.size(); h++) {
      for (PlanPacking.Vm vm : packed.get(h)) {
        hostOf.put(vm, hostNames.get(h));
      }
    }
    List<PlanPacking.Vm> vms = PlanPacking.expand(d.workloads()).stream().filter(hostOf::containsKey).toList();
    int nodes = hostNames.size();
    int survivors = Math.max(1, nodes - d.reserve());
    int perHostAfter = Units.ceilDiv(vms.size(), survivors);
    double clusterMbps = vms.stream().mapToDouble(PlanPacking.Vm::networkMbps).sum();
    double busiest = packed.stream().mapToDouble(l -> l.stream().mapToDouble(PlanPacking.Vm::networkMbps).sum())
        .max().orElse(0);
    int portsForCount = Units.ceilDiv(perHostAfter, Conventions.VMS_PER_GUEST_PORT);
    int portsForTraffic = (int) Math.ceil(Math.max(busiest, clusterMbps / survivors) / PORT_MBPS - 1e-9);
    int ports = Math.max(p.hostModel().guestNicPorts(), Math.max(portsForCount, portsForTraffic));

    ClusterDescription.Builder b = ClusterDescription.builder(name).reserve(d.reserve());
    hostNames.forEach(h -> b.host(p.hostModel().withName(h).withGuestNicPorts(ports)));
    boolean even = nodes % 2 == 0;
    b.quorum(even ? QuorumModel.NODE_AND_DISK_MAJORITY : QuorumModel.NODE_MAJORITY);
    StorageDescription.Builder storage = StorageDescription.builder(
        d.storage().map(StorageDescription::type).orElse(StorageType.ISCSI))
        .persistentReservations(true).certified(true).mpio(true)
        .mountPoints(vms.size() + (even ? 1 : 0) > Conventions.DRIVE_LETTERS);
    if (even) {
      storage.lun(LunDescription.witnessDisk("witness", 1));
    }
    for (PlanPacking.Vm vm : vms) {
      String lun = Conventions.lunName(vm.name());
      storage.lun(LunDescription.data(lun, Math.ceil(vm.workload().memoryGiB() + vm.workload().diskGiB())));
      b.vm(VmDescription.builder(vm.name()).memoryGiB(vm.workload().memoryGiB()).vcpus(vm.workload().vcpus())
          .guestOs(vm.workload().guestOs()).lun(lun).preferredOwners(hostOf.get(vm)).build());
    }
    return b.storage(storage.build()).build();
  }

  private static String clusterName(String base, int index, int count) {
    if (count == 1) {
      return base;
    }
    String suffix = "-" + (index + 1);
    String name = base.length() + suffix.length() > Names.MAX_LENGTH
        ? base.substring(0, Names.MAX_LENGTH - suffix.length()) + suffix : base + suffix;
    return name;
  }
}
