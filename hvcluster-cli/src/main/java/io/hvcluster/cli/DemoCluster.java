package io.hvcluster.cli;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.Edition;
import io.hvcluster.api.spec.GuestOs;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.Priority;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.api.spec.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded default cluster of {@code hvcluster demo}: four Windows Server 2008 x64 nodes with node
 * and disk majority, an iSCSI SAN with a witness LUN and one LUN per VM, and twelve highly available VMs
 * of a small company (domain controllers, SQL Server, Exchange, web and application servers).
 */
final class DemoCluster {
  private DemoCluster() {}

  private record Vm(String name, int memoryGiB, int vcpus, GuestOs os, Priority priority, String antiAffinity) {
  }

  private static final List<Vm> VMS = List.of(
      new Vm("dc01", 1, 1, GuestOs.WINDOWS_SERVER_2008_CORE, Priority.HIGH, "domain-controllers"),
      new Vm("dc02", 1, 1, GuestOs.WINDOWS_SERVER_2008_CORE, Priority.HIGH, "domain-controllers"),
      new Vm("sql01", 4, 4, GuestOs.WINDOWS_SERVER_2008, Priority.HIGH, ""),
      new Vm("exch01", 4, 2, GuestOs.WINDOWS_SERVER_2008, Priority.MEDIUM, ""),
      new Vm("file01", 2, 1, GuestOs.WINDOWS_SERVER_2003, Priority.MEDIUM, ""),
      new Vm("web01", 2, 2, GuestOs.WINDOWS_SERVER_2008, Priority.MEDIUM, "web"),
      new Vm("web02", 2, 2, GuestOs.WINDOWS_SERVER_2008, Priority.MEDIUM, "web"),
      new Vm("web03", 2, 2, GuestOs.WINDOWS_SERVER_2008, Priority.MEDIUM, "web"),
      new Vm("app01", 2, 2, GuestOs.WINDOWS_SERVER_2003, Priority.MEDIUM, ""),
      new Vm("app02", 2, 2, GuestOs.WINDOWS_SERVER_2003, Priority.MEDIUM, ""),
      new Vm("crm01", 3, 2, GuestOs.WINDOWS_SERVER_2008, Priority.LOW, ""),
      new Vm("print01", 1, 1, GuestOs.WINDOWS_SERVER_2003, Priority.LOW, ""));

  static ClusterSpec spec() {
    ClusterSpec.Builder b = ClusterSpec.builder("HVCLUSTER").quorum(QuorumModel.NODE_AND_DISK_MAJORITY);
    for (int i = 1; i <= 4; i++) {
      b.host(HostSpec.builder(String.format("HV%02d", i)).edition(i <= 2 ? Edition.DATACENTER : Edition.ENTERPRISE)
          .installation(i % 2 == 0 ? Installation.SERVER_CORE : Installation.FULL).cores(8).memoryGiB(16).build());
    }
    List<LunSpec> luns = new ArrayList<>();
    luns.add(LunSpec.witness("witness"));
    for (Vm vm : VMS) {
      luns.add(LunSpec.data("lun-" + vm.name(), 60));
    }
    b.storage(StorageSpec.iscsi(luns));
    for (Vm vm : VMS) {
      // A busy guest touches three quarters of its memory and rewrites 2,000 pages (8 MiB) a second.
      VmSpec.Builder v = VmSpec.builder(vm.name()).memoryGiB(vm.memoryGiB()).vcpus(vm.vcpus()).guestOs(vm.os())
          .priority(vm.priority()).lun("lun-" + vm.name())
          .workload(WorkloadSpec.of(vm.memoryGiB() * 1024L * 3 / 4, 2_000));
      if (!vm.antiAffinity().isEmpty()) {
        v.antiAffinityClass(vm.antiAffinity());
      }
      b.vm(v.build());
    }
    return b.build();
  }
}
