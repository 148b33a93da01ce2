package io.hvcluster.core.management.vmm;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.spec.VmSpec;

/**
 * The expected load of one host: memory committed, and the CPU, disk I/O and network its VMs are
 * expected to use (from the placement policy's VM loads). Mutable, so that rebalancing can try moves.
 */
final class HostLoad {
  final HostId host;
  final int cores;
  final long vmMemoryBytes;
  final HostCapacity capacity;
  long committedBytes;
  double cpuCores;
  double iops;
  double mbps;

  private HostLoad(HostId host, int cores, long vmMemoryBytes, HostCapacity capacity) {
    this.host = host;
    this.cores = cores;
    this.vmMemoryBytes = vmMemoryBytes;
    this.capacity = capacity;
  }

  static HostLoad of(IntelligentPlacement policy, Cluster cluster, Host h) {
    HostLoad load = new HostLoad(h.id(), h.spec().cores(), h.spec().vmMemoryBytes(), policy.capacity(h.id()));
    load.committedBytes = h.memoryCommittedBytes();
    for (VmId id : h.vms()) {
      VmSpec spec = cluster.vm(id).spec();
      VmLoad vm = policy.load(id);
      load.cpuCores += vm.cpuCores(spec.vcpus());
      load.iops += vm.iops();
      load.mbps += vm.networkMbps();
    }
    return load;
  }

  HostLoad copy() {
    HostLoad c = new HostLoad(host, cores, vmMemoryBytes, capacity);
    c.committedBytes = committedBytes;
    c.cpuCores = cpuCores;
    c.iops = iops;
    c.mbps = mbps;
    return c;
  }

  /** Adds (sign 1) or removes (sign −1) a VM's memory and expected load. */
  void shift(VmSpec vm, VmLoad load, int sign) {
    committedBytes += sign * vm.memoryBytes();
    cpuCores += sign * load.cpuCores(vm.vcpus());
    iops += sign * load.iops();
    mbps += sign * load.networkMbps();
  }

  long freeBytes() {
    return vmMemoryBytes - committedBytes;
  }

  double memoryUse() {
    return committedBytes / (double) vmMemoryBytes;
  }

  double cpuUse() {
    return cpuCores / cores;
  }

  double iopsUse() {
    return iops / capacity.iops();
  }

  double mbpsUse() {
    return mbps / capacity.networkMbps();
  }

  /** The weighted utilisation: 0 idle, 1 full on every weighted resource. */
  double weighted(ResourceWeights w) {
    return (w.cpu() * cpuUse() + w.memory() * memoryUse() + w.diskIo() * iopsUse() + w.network() * mbpsUse()) / w.total();
  }
}
