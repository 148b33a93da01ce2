package io.hvcluster.api.placement;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterGroup;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.Lun;
import io.hvcluster.api.LunId;
import io.hvcluster.api.NoSuchEntityException;
import io.hvcluster.api.VirtualMachine;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a placement policy is asked: which node should take this group now.
 *
 * <p>Instances are immutable; the views they hold are live and must be read on the simulation's thread.
 *
 * @param cluster the cluster
 * @param group the group to place
 * @param vms the group's VMs that are to run (those an operator stopped take no room), in configuration order
 * @param candidates the nodes that are up members of the quorum partition and not paused, in
 *     configuration order; they may still lack memory or be excluded by possible owners, and in a request the
 *     cluster makes, each can reach the group's storage
 * @param reason why the group is being placed
 * @param previousOwner the node the group was on, if any: where it last came online, ran or went offline
 *     (the failed node on {@link PlacementReason#FAILOVER}, the node being drained on {@link
 *     PlacementReason#DRAIN}, the node it leaves on {@link PlacementReason#FAILBACK}, the node that lost
 *     its storage paths, the target of its last migration); empty for a group that has never been on a node
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record PlacementRequest(Cluster cluster, ClusterGroup group, List<VirtualMachine> vms, List<Host> candidates,
    PlacementReason reason, Optional<HostId> previousOwner) {

  /**
   * Creates a request; copies the lists.
   *
   * @param cluster the cluster
   * @param group the group to place
   * @param vms the group's VMs that are to run (those an operator stopped take no room), in configuration order
   * @param candidates the nodes that are up members of the quorum partition and not paused, in configuration order; they may still lack memory or be excluded by possible owners, and in a request the cluster makes, each can reach the group's storage
   * @param reason why the group is being placed
   * @param previousOwner the node the group was on, if any (see the record's description)
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
   * Returns whether the node meets the group's hard requirements: every VM may run on it, it has the
   * memory free and it can reach every LUN of the group's VMs.
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
    return unreachableLuns(host).isEmpty();
  }

  /**
   * Returns the LUNs of the group's VMs that the node cannot reach now ({@link Lun#reachableFrom}). A
   * LUN the cluster's storage does not hold yet (a VM still being planned) is not counted.
   *
   * @param host the node
   * @return the unreachable LUNs, each once, in the order the VMs name them; empty when it reaches all
   */
  public List<LunId> unreachableLuns(Host host) {
    Set<LunId> unreachable = new LinkedHashSet<>();
    for (VirtualMachine vm : vms) {
      for (LunId id : vm.spec().luns()) {
        Lun lun;
        try {
          lun = cluster.storage().lun(id);
        } catch (NoSuchEntityException notYet) {
          continue; // a LUN of a VM still being planned; looked up by name, not scanned for, on this hot path
        }
        if (!lun.reachableFrom(host.id())) {
          unreachable.add(id);
        }
      }
    }
    return unreachable.isEmpty() ? List.of() : List.copyOf(unreachable);
  }
}
