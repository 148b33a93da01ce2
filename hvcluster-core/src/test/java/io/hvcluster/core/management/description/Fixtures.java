package io.hvcluster.core.management.description;

import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Descriptions shared by the management tests: a sound cluster that each test breaks in one way. */
public final class Fixtures {
  private Fixtures() {}

  /** A Server Core host that passes every host rule. */
  public static HostDescription.Builder soundHost(String name) {
    return HostDescription.builder(name).edition(ServerEdition.ENTERPRISE).installation(Installation.SERVER_CORE)
        .architecture(Architecture.X64).osVersion("6.0.6002").servicePack(2).cores(8).memoryGiB(32)
        .guestNicPorts(2).heartbeatNetwork(true).iscsiNetwork(true);
  }

  /** Certified iSCSI storage with MPIO, a 1 GiB witness and one 40 GiB LUN per VM. */
  public static StorageDescription.Builder soundStorage(int vms) {
    StorageDescription.Builder s = StorageDescription.builder(StorageType.ISCSI).persistentReservations(true)
        .certified(true).mpio(true).lun(LunDescription.witnessDisk("witness", 1));
    for (int i = 1; i <= vms; i++) {
      s.lun(LunDescription.data("lun-vm" + i, 40));
    }
    return s;
  }

  /** A 4-node cluster with 8 VMs of 2 GiB, each on its own LUN, that passes every rule. */
  public static ClusterDescription sound() {
    return sound(4, 8);
  }

  /** A sound cluster of the given size. */
  public static ClusterDescription sound(int nodes, int vms) {
    ClusterDescription.Builder b = ClusterDescription.builder("RETAIL")
        .quorum(nodes % 2 == 0 ? QuorumModel.NODE_AND_DISK_MAJORITY : QuorumModel.NODE_MAJORITY);
    for (int i = 1; i <= nodes; i++) {
      b.host(soundHost("node" + i).build());
    }
    StorageDescription.Builder storage = soundStorage(vms);
    if (nodes % 2 == 1) {
      storage = StorageDescription.builder(StorageType.ISCSI).persistentReservations(true).certified(true).mpio(true);
      for (int i = 1; i <= vms; i++) {
        storage.lun(LunDescription.data("lun-vm" + i, 40));
      }
    }
    b.storage(storage.build());
    for (int i = 1; i <= vms; i++) {
      b.vm(VmDescription.builder("vm" + i).memoryGiB(2).lun("lun-vm" + i).build());
    }
    return b.build();
  }

  /** Returns the description with every host changed. */
  public static ClusterDescription withHosts(ClusterDescription d, UnaryOperator<HostDescription> change) {
    return copy(d, d.hosts().stream().map(change).toList(), d.storage().orElse(null), d.vms());
  }

  /** Returns the description with one host changed. */
  public static ClusterDescription withHost(ClusterDescription d, int index, UnaryOperator<HostDescription> change) {
    List<HostDescription> hosts = new ArrayList<>(d.hosts());
    hosts.set(index, change.apply(hosts.get(index)));
    return copy(d, hosts, d.storage().orElse(null), d.vms());
  }

  /** Returns the description with other VMs. */
  public static ClusterDescription withVms(ClusterDescription d, List<VmDescription> vms) {
    return copy(d, d.hosts(), d.storage().orElse(null), vms);
  }

  /** Returns the description with other storage, or none. */
  public static ClusterDescription withStorage(ClusterDescription d, StorageDescription storage) {
    return copy(d, d.hosts(), storage, d.vms());
  }

  public static ClusterDescription copy(ClusterDescription d, List<HostDescription> hosts, StorageDescription storage,
      List<VmDescription> vms) {
    return new ClusterDescription(d.name(), d.quorum(), d.reserve(), hosts, java.util.Optional.ofNullable(storage), vms,
        d.workloads(), d.planning());
  }

  /** Returns a host description rebuilt with one change. */
  public static HostDescription host(HostDescription h, UnaryOperator<HostDescription.Builder> change) {
    HostDescription.Builder b = HostDescription.builder(h.name()).edition(h.edition()).installation(h.installation())
        .architecture(h.architecture()).cores(h.cores()).memoryGiB(h.memoryGiB()).guestNicPorts(h.guestNicPorts())
        .heartbeatNetwork(h.heartbeatNetwork()).iscsiNetwork(h.iscsiNetwork());
    h.osVersion().ifPresent(b::osVersion);
    h.servicePack().ifPresent(b::servicePack);
    return change.apply(b).build();
  }
}
