package io.hvcluster.core;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.GuestOs;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import java.util.ArrayList;
import java.util.List;

/** Cluster specs shared by the core tests. */
public final class TestSpecs {
  private TestSpecs() {}

  /** A cluster of {@code nodes} 32 GiB nodes, a witness disk when the model needs one, and {@code vms} 2 GiB VMs with a LUN each. */
  public static ClusterSpec cluster(String name, QuorumModel quorum, int nodes, int vms) {
    ClusterSpec.Builder b = ClusterSpec.builder(name).quorum(quorum);
    for (int i = 1; i <= nodes; i++) {
      b.host(HostSpec.builder("node" + i).memoryGiB(32).installation(i % 2 == 0 ? Installation.SERVER_CORE : Installation.FULL)
          .build());
    }
    List<LunSpec> luns = new ArrayList<>();
    if (quorum.usesWitnessDisk()) {
      luns.add(LunSpec.witness("witness"));
    }
    for (int i = 1; i <= vms; i++) {
      luns.add(LunSpec.data("lun-vm" + i, 40));
    }
    b.storage(StorageSpec.iscsi(luns));
    for (int i = 1; i <= vms; i++) {
      b.vm(VmSpec.builder("vm" + i).memoryGiB(2).guestOs(i % 3 == 0 ? GuestOs.WINDOWS_SERVER_2008_CORE
          : GuestOs.WINDOWS_SERVER_2008).lun("lun-vm" + i).build());
    }
    return b.build();
  }

  /** A cluster of {@code nodes} nodes with one VM, vm1, under the given failover policy. */
  public static ClusterSpec oneVm(QuorumModel quorum, int nodes, io.hvcluster.api.spec.FailoverPolicy policy) {
    ClusterSpec base = cluster("F", quorum, nodes, 1);
    VmSpec vm = base.vms().get(0).toBuilder().failover(policy).build();
    return new ClusterSpec(base.name(), base.quorum(), base.hosts(), base.storage(), List.of(vm), base.settings());
  }

  /**
   * Puts the odd nodes of {@code spec} on subnet {@code site-a} and the even ones on {@code site-b}, with
   * the given cross-subnet heartbeat timing.
   */
  public static ClusterSpec twoSubnets(ClusterSpec spec, java.time.Duration crossDelay, int crossThreshold) {
    List<HostSpec> hosts = new ArrayList<>();
    for (int i = 0; i < spec.hosts().size(); i++) {
      HostSpec h = spec.hosts().get(i);
      hosts.add(new HostSpec(h.id(), h.edition(), h.installation(), h.cores(), h.memoryBytes(),
          i % 2 == 0 ? "site-a" : "site-b"));
    }
    return new ClusterSpec(spec.name(), spec.quorum(), hosts, spec.storage(), spec.vms(),
        spec.settings().withCrossSubnetHeartbeat(crossDelay, crossThreshold), spec.era());
  }

  /** Four nodes, node and disk majority, twelve VMs: the embedded demo's shape. */
  public static ClusterSpec fourNodes() {
    return cluster("HV1", QuorumModel.NODE_AND_DISK_MAJORITY, 4, 12);
  }
}
