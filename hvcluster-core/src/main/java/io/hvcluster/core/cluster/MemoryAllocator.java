package io.hvcluster.core.cluster;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.HostId;
import io.hvcluster.api.spec.VmSpec;

/** Allocates the guest memory of a VM instance on a host. */
@FunctionalInterface
public interface MemoryAllocator {
  /**
   * Returns new guest memory for a VM on a host, or null when the simulation keeps none.
   *
   * @param cluster the cluster's name
   * @param vm the VM
   * @param host the host the instance lives on
   * @return the memory, or null
   */
  GuestMemory allocate(String cluster, VmSpec vm, HostId host);
}
