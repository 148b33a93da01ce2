package io.hvcluster.api.placement;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterGroup;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VirtualMachine;
import java.util.List;
import java.util.Optional;

/**
 * What a placement policy is asked: which node should take this group now.
 *
 * <p>Instances are immutable; the views they hold are live and must be read on the simulation's thread.
 *
 * @param cluster the cluster
 * @param group the group to place
 * @param vms the group's VMs, in configuration order
 * @param candidates the nodes that are up members of the quorum partition and not paused, in
 *     configuration order; they may still lack memory or be excluded by possible owners
 * @param reason why the group is being placed
 * @param previousOwner the node the group was on, if any
 */
public record PlacementRequest(Cluster cluster, ClusterGroup group, List<VirtualMachine> vms, List<Host> candidates,
    PlacementReason reason, Optional<HostId> previousOwner) {

  /**
   * Creates a request; copies the lists.
   *
   * @param cluster the cluster
   * @param group the group to place
   * @param vms the group's VMs, in configuration order
   * @param candidates the nodes that are up members of the quorum partition and not paused, in configuration order; they may still lack memory or be excluded by possible owners
   * @param reason why the group is being placed
   * @param previousOwner the node the group was on, if any
   */
  public PlacementRequest {
    vms = List.copyOf(vms);
    candidates = List.copyOf(candidates);
  }

  /**
   * Returns the guest memory the group needs on its node.
   *
   * @return the sum of its VMs' memory, in bytes
   */
  public long memoryBytes() {
    long sum = 0;
    for (VirtualMachine vm : vms) {
      sum += vm.spec().memoryBytes();
    }
    return sum;
  }

  /**
   * Returns whether the node meets the group's hard requirements: every VM may run on it and it has the
   * memory free.
   *
   * @param host the node
   * @return true when the cluster would accept the node
   */
  public boolean meetsHardRequirements(Host host) {
    if (host.memoryFreeBytes() < memoryBytes()) {
      return false;
    }
    for (VirtualMachine vm : vms) {
      if (!vm.spec().mayRunOn(host.id())) {
        return false;
      }
    }
    return true;
  }
}
