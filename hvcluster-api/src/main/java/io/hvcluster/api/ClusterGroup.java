package io.hvcluster.api;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A cluster group ("service or application"): the VMs and the ordinary LUNs that fail over together.
 * VMs that share an ordinary LUN are in one group; a VM with its own LUNs, or on Cluster Shared
 * Volumes, is a group of its own.
 *
 * <p>Not thread-safe: read it from the thread that drives its simulation. The view is live.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface ClusterGroup {
  /**
   * Returns the group's name: the name of its first VM in configuration order.
   *
   * @return the name
   */
  String name();

  /**
   * Returns the VMs of the group, in configuration order.
   *
   * @return the VM identifiers
   */
  List<VmId> vms();

  /**
   * Returns the ordinary (non-CSV) LUNs the group owns, in configuration order.
   *
   * @return the LUN identifiers
   */
  List<LunId> luns();

  /**
   * Returns the group's state.
   *
   * @return the state
   */
  GroupState state();

  /**
   * Returns the node that owns the group.
   *
   * @return the owner, or empty when the group has none
   */
  Optional<HostId> owner();

  /**
   * Returns the failovers counted inside the current failover period.
   *
   * @return failovers
   */
  int failoverCount();

  /**
   * Returns why the group last changed state.
   *
   * @return the reason, empty before the first change
   */
  String lastReason();
}
