package io.hvcluster.api;

import io.hvcluster.api.spec.HostSpec;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A cluster node: a physical Hyper-V host, its membership state and what runs on it.
 *
 * <p>Not thread-safe: read it from the thread that drives its simulation. The view is live; it changes
 * as the simulation advances.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface Host {
  /**
   * Returns the node's name.
   *
   * @return the identifier
   */
  HostId id();

  /**
   * Returns the node's hardware and OS.
   *
   * @return the spec
   */
  HostSpec spec();

  /**
   * Returns the node's membership state.
   *
   * @return the state
   */
  NodeState state();

  /**
   * Returns whether the machine has power and its hypervisor runs (it may still be down as a cluster
   * node, for example after losing quorum).
   *
   * @return true when the host is powered on and not hung
   */
  boolean isRunning();

  /**
   * Returns the VMs that hold memory on this host (starting, running, migrating, saving or stopping),
   * in name order.
   *
   * @return the VM identifiers
   */
  List<VmId> vms();

  /**
   * Returns every VM instance on this host with its state: the VMs of {@link #vms()}, plus any stale
   * instance the cluster has fenced or moved elsewhere but the host has not yet cleaned up (for example
   * the frozen VMs of a hung host). Safety checkers use it: a VM executes on at most one host.
   *
   * @return VM instances by name, in name order
   */
  Map<VmId, VmState> instances();

  /**
   * Returns the state of this host's instance of a VM, stale or current, without building the whole map
   * of {@link #instances()}.
   *
   * @param vm the VM
   * @return the instance's state, or empty when the host holds no instance of the VM
   */
  default java.util.Optional<VmState> instance(VmId vm) {
    return java.util.Optional.ofNullable(instances().get(vm));
  }

  /**
   * Returns the guest memory committed to VMs on this host, including VMs being started or restored.
   *
   * @return bytes
   */
  long memoryCommittedBytes();

  /**
   * Returns the memory still free for VMs: the host's VM memory less what is committed.
   *
   * @return bytes, never negative
   */
  long memoryFreeBytes();

  /**
   * Returns the number of groups this node owns.
   *
   * @return groups
   */
  int groupCount();
}
