package io.hvcluster.testkit.fake;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import java.util.ArrayList;
import java.util.List;

/** Small cluster specs for tests. */
public final class Specs {
  private Specs() {}

  /** Returns a cluster of {@code nodes} nodes with a witness disk, one CSV and {@code vms} VMs, one LUN each. */
  public static ClusterSpec cluster(int nodes, int vms) {
    ClusterSpec.Builder b = ClusterSpec.builder("HV1").quorum(QuorumModel.NODE_AND_DISK_MAJORITY);
    for (int i = 1; i <= nodes; i++) {
      b.host(HostSpec.builder("node" + i).build());
    }
    List<LunSpec> luns = new ArrayList<>();
    luns.add(LunSpec.witness("witness"));
    luns.add(LunSpec.sharedVolume("csv1", 500));
    for (int i = 1; i <= vms; i++) {
      luns.add(LunSpec.data("lun-vm" + i, 40));
      b.vm(VmSpec.builder("vm" + i).memoryGiB(2).lun("lun-vm" + i).build());
    }
    return b.storage(StorageSpec.iscsi(luns)).build();
  }
}
