package io.hvcluster.testkit.engine;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.api.spec.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;

/** Small cluster specs for engine-backed tests. */
final class Clusters {
  private Clusters() {}

  /** {@code nodes} 32 GiB nodes with node-and-disk majority, {@code vms} 1 GiB VMs with a LUN each. */
  static ClusterSpec lunPerVm(int nodes, int vms) {
    return lunPerVm(nodes, vms, QuorumModel.NODE_AND_DISK_MAJORITY);
  }

  static ClusterSpec lunPerVm(int nodes, int vms, QuorumModel quorum) {
    ClusterSpec.Builder b = ClusterSpec.builder("HV1").quorum(quorum);
    for (int i = 1; i <= nodes; i++) {
      b.host(HostSpec.builder("node" + i).memoryGiB(32).build());
    }
    List<LunSpec> luns = new ArrayList<>();
    if (quorum.usesWitnessDisk()) {
      luns.add(LunSpec.witness("witness"));
    }
    for (int i = 1; i <= vms; i++) {
      luns.add(LunSpec.data("lun-vm" + i, 40));
      b.vm(VmSpec.builder("vm" + i).memoryGiB(1).lun("lun-vm" + i).workload(WorkloadSpec.of(16, 64)).build());
    }
    return b.storage(StorageSpec.iscsi(luns)).build();
  }

  /** Three nodes with node majority and {@code vms} small VMs on one Cluster Shared Volume. */
  static ClusterSpec csv(int vms) {
    ClusterSpec.Builder b = ClusterSpec.builder("HV1").quorum(QuorumModel.NODE_MAJORITY);
    for (int i = 1; i <= 3; i++) {
      b.host(HostSpec.builder("node" + i).memoryGiB(32).build());
    }
    for (int i = 1; i <= vms; i++) {
      b.vm(VmSpec.builder("vm" + i).memoryMiB(512).lun("csv1").workload(WorkloadSpec.of(16, 64)).build());
    }
    return b.storage(StorageSpec.iscsi(List.of(LunSpec.sharedVolume("csv1", 100)))).build();
  }
}
