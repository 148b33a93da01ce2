package io.hvcluster.api;

import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A simulated Windows Server 2008 failover cluster of Hyper-V hosts: its nodes, shared storage, highly
 * available VMs and groups, and the operations an administrator performs on it. Every operation takes
 * effect in virtual time as the owning simulation runs.
 *
 * <p>Not thread-safe: a cluster is confined to the thread that drives its simulation, and a call from
 * any other thread throws {@link WrongThreadException}. Example:
 *
 * <pre>{@code
 * Cluster cluster = simulation.createCluster(spec);
 * cluster.form();
 * cluster.startAllVms();
 * simulation.runFor(Duration.ofMinutes(5));
 * cluster.vms().forEach(vm -> System.out.println(vm.id() + " " + vm.state() + " on " + vm.host()));
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface Cluster {
  /**
   * Returns the cluster's name.
   *
   * @return the name
   */
  String name();

  /**
   * Returns the cluster's current configuration, including nodes added since it was created.
   *
   * @return the spec
   */
  ClusterSpec spec();

  /**
   * Returns the nodes, in configuration order.
   *
   * @return the nodes
   */
  List<Host> hosts();

  /**
   * Returns the node with the given name.
   *
   * @param id the node's name
   * @return the node
   * @throws NoSuchEntityException when there is no such node
   */
  Host host(HostId id);

  /**
   * Returns the node with the given name.
   *
   * @param name the node's name
   * @return the node
   * @throws NoSuchEntityException when there is no such node
   */
  default Host host(String name) {
    return host(HostId.of(name));
  }

  /**
   * Returns the VMs, in configuration order.
   *
   * @return the VMs
   */
  List<VirtualMachine> vms();

  /**
   * Returns the VM with the given name.
   *
   * @param id the VM's name
   * @return the VM
   * @throws NoSuchEntityException when there is no such VM
   */
  VirtualMachine vm(VmId id);

  /**
   * Returns the VM with the given name.
   *
   * @param name the VM's name
   * @return the VM
   * @throws NoSuchEntityException when there is no such VM
   */
  default VirtualMachine vm(String name) {
    return vm(VmId.of(name));
  }

  /**
   * Returns the groups, in the configuration order of their first VMs.
   *
   * @return the groups
   */
  List<ClusterGroup> groups();

  /**
   * Returns the group with the given name.
   *
   * @param name the group's name
   * @return the group
   * @throws NoSuchEntityException when there is no such group
   */
  ClusterGroup group(String name);

  /**
   * Returns the shared storage.
   *
   * @return the storage
   */
  SharedStorage storage();

  /**
   * Returns the quorum as it stands now.
   *
   * @return the quorum status
   */
  QuorumStatus quorum();

  /**
   * Returns the availability accounting up to now: per-VM outages with their causes, availability and
   * mean time to recover.
   *
   * @return the report
   */
  Availability availability();

  /**
   * Returns whether {@link #form()} has been called.
   *
   * @return true once the cluster was formed
   */
  boolean isFormed();

  /**
   * Forms the cluster: starts the cluster service on every node, arbitrates the witness disk and
   * establishes quorum. Idempotent once formed.
   */
  void form();

  /**
   * Asks the cluster to bring a VM online; the placement policy chooses the node. Clears an operator stop.
   *
   * @param id the VM
   * @throws NoSuchEntityException when there is no such VM
   * @throws QuorumLostException when no partition holds quorum
   * @throws IllegalStateTransitionException when the VM is not off, saved or failed
   */
  void startVm(VmId id);

  /** Asks the cluster to bring every VM that is off online, in priority order. */
  void startAllVms();

  /**
   * Stops a VM as an operator: the cluster will not restart it until an operator starts it again.
   *
   * @param id the VM
   * @throws NoSuchEntityException when there is no such VM
   */
  void stopVm(VmId id);

  /**
   * Pauses a node for maintenance: it stays a member and votes, but owns no new groups.
   *
   * @param id the node
   * @throws NoSuchEntityException when there is no such node
   * @throws IllegalStateTransitionException when the node is not up
   */
  void pauseNode(HostId id);

  /**
   * Resumes a paused node, which may then own groups again.
   *
   * @param id the node
   * @throws NoSuchEntityException when there is no such node
   * @throws IllegalStateTransitionException when the node is not paused
   */
  void resumeNode(HostId id);

  /**
   * Pauses a node and moves every group it owns to other nodes (by quick migration where available,
   * otherwise by a planned restart); no VM is lost.
   *
   * @param id the node
   * @throws NoSuchEntityException when there is no such node
   * @throws IllegalStateTransitionException when the node is not up or paused
   */
  void drainNode(HostId id);

  /**
   * Starts the cluster service on a node that is down but running, so that it joins the membership.
   *
   * @param id the node
   * @throws NoSuchEntityException when there is no such node
   */
  void startClusterService(HostId id);

  /**
   * Stops the cluster service on a node gracefully: its groups are moved away first, then it leaves
   * the membership.
   *
   * @param id the node
   * @throws NoSuchEntityException when there is no such node
   */
  void stopClusterService(HostId id);

  /**
   * Adds a new node, which then joins the membership.
   *
   * @param spec the node
   * @throws InvalidConfigurationException when the name is taken or the cluster already has 16 nodes
   */
  void addNode(HostSpec spec);

  /**
   * Adds a new highly available VM, off; start it with {@link #startVm}. A VM whose ordinary LUNs are
   * already used by one group joins that group.
   *
   * @param spec the VM
   * @throws InvalidConfigurationException when the name is taken, a reference does not exist, or its LUNs
   *     belong to two different groups
   */
  void addVm(io.hvcluster.api.spec.VmSpec spec);

  /**
   * Starts moving a running VM to another node with the given strategy.
   *
   * @param id the VM
   * @param target the destination node
   * @param strategy how to move it
   * @return a handle that reports the result once the migration ends
   * @throws NoSuchEntityException when the VM or node does not exist
   * @throws IllegalArgumentException when the target is the VM's current node or may not run the VM
   * @throws IllegalStateException when the VM is not running or is already being migrated
   */
  MigrationHandle migrate(VmId id, HostId target, MigrationStrategy strategy);

  /**
   * Moves a group to a node, as an operator does with Failover Cluster Manager's "Move this service or
   * application to another node" or {@code cluster group NAME /moveto:NODE}. An online group moves in a
   * planned way (a single running VM by the planned-move strategy, Quick Migration by default; a group of
   * several VMs is taken offline with its offline action and brought online on the target); an offline
   * or failed group is brought online there. A move is not a failover: it does not count against the
   * failover threshold, and it clears a group the threshold left failed, as an operator's start does.
   *
   * @param group the group's name (a group is named after its first VM)
   * @param target the node
   * @throws NoSuchEntityException when the group or node does not exist
   * @throws QuorumLostException when no partition has quorum
   * @throws IllegalStateException when the group is busy (arbitrating, moving, migrating) or the target is
   *     not an up, unpaused member of the active partition or cannot reach the group's storage
   * @throws IllegalArgumentException when the group is online on the target already, or the target is
   *     not a possible owner of one of its VMs
   * @throws InsufficientCapacityException when the target lacks the memory for the group's VMs
   */
  void moveGroup(String group, HostId target);

  /**
   * Moves a group to the best possible node, as Failover Cluster Manager's "Move to best possible node"
   * does: the placement policy chooses among the up, unpaused members other than the group's owner.
   *
   * @param group the group's name
   * @return the node the group moves to
   * @throws NoSuchEntityException when the group does not exist
   * @throws QuorumLostException when no partition has quorum
   * @throws IllegalStateException when the group is busy or no other node can take it (with the placement
   *     policy's reason)
   */
  HostId moveGroupToBestNode(String group);

  /**
   * Starts a node's cluster service with forced quorum ({@code net start clussvc /forcequorum}, or
   * {@code /fq}): the administrator's way out when a majority is gone for good. While no partition holds
   * quorum of its own, the node's partition runs as if it had quorum ({@link QuorumStatus#forced()}) and
   * brings its groups online; the force ends when the service stops or the partition regains quorum of
   * its own (the other nodes join it). The risk is the one WSFC documentation warns of: a partition forced
   * while another partition also runs, or forced too, is a split brain; the testkit's checkers report
   * two forced partitions at once. This engine keeps one view of the cluster: the partition forced last
   * is the one that runs.
   *
   * @param node the node
   * @throws NoSuchEntityException when the node does not exist
   * @throws IllegalStateException when the node is off or hung, or is already a member of a partition
   *     that holds quorum
   */
  void forceQuorum(HostId node);

  /**
   * Returns the placement policy the cluster uses for initial placement and failover.
   *
   * @return the policy
   */
  PlacementPolicy placementPolicy();

  /**
   * Replaces the placement policy. The cluster still enforces hard constraints (memory, possible
   * owners, node state, storage paths) on whatever the policy chooses.
   *
   * @param policy the new policy
   */
  void setPlacementPolicy(PlacementPolicy policy);
}
