package io.hvcluster.core.cluster;

import io.hvcluster.api.Availability;
import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterFaults;
import io.hvcluster.api.ClusterGroup;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.QuorumLostException;
import io.hvcluster.api.QuorumStatus;
import io.hvcluster.api.SharedStorage;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.event.OperatorAction;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.Era;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.Priority;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.cluster.availability.AvailabilityTracker;
import io.hvcluster.core.cluster.availability.GuestClusters;
import io.hvcluster.core.cluster.failover.Failover;
import io.hvcluster.core.cluster.failover.Reactions;
import io.hvcluster.core.cluster.lifecycle.Lifecycle;
import io.hvcluster.core.cluster.membership.Heartbeats;
import io.hvcluster.core.cluster.membership.Links;
import io.hvcluster.core.cluster.membership.Membership;
import io.hvcluster.core.cluster.membership.NodeService;
import io.hvcluster.core.cluster.memory.VmMemory;
import io.hvcluster.core.cluster.migration.Migrations;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.SimGroup;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimVm;
import io.hvcluster.core.cluster.storage.Coordinators;
import io.hvcluster.core.cluster.storage.Reservations;
import io.hvcluster.core.memory.GuestWorkload;
import io.hvcluster.core.sim.Kernel;
import io.hvcluster.core.cluster.bandwidth.Paths;
import io.hvcluster.core.cluster.migration.MigrationQueue;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A simulated failover cluster: the public {@link Cluster} face of the engine, and the wiring of its
 * feature packages. Each operation validates its arguments here and hands the work to the part that owns
 * it. Every call from a lower part to a higher one (an entity's change, the end of a start, a node
 * leaving, a migration ending, guest memory failing) goes through one {@link Reactions}, so the upward
 * paths of the engine can be read in one place.
 *
 * <p>Not thread-safe: every public method checks that it is called on the simulation's thread.
 *
 * <p>Over 400 lines for a reason: it implements the whole {@link Cluster} interface, each operation a
 * guard, its checks and one hand-off to the part that owns the work; splitting it would only scatter
 * the public face.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SimCluster implements Cluster {
  private final ClusterModel model;
  final VmMemory memory;
  final AvailabilityTracker availability;
  final GuestClusters guestClusters;
  final Lifecycle lifecycle;
  final Paths paths;
  final Links links;
  final Heartbeats heartbeats;
  final NodeService nodes;
  final Membership membership;
  final Reservations reservations;
  final Migrations migrations;
  final Failover failover;
  private boolean formed;
  private final ClusterFaults faults;

  /**
   * Creates a cluster in a simulation; its nodes are powered on but their cluster service is stopped
   * until {@link #form()}.
   *
   * @param kernel the simulation's kernel
   * @param spec the cluster's configuration
   * @param options engine options
   * @param placement the initial placement policy
   * @param plannedMoves the strategy used to move running VMs in planned moves (drain, failback)
   */
  public SimCluster(Kernel kernel, ClusterSpec spec, EngineOptions options, PlacementPolicy placement,
      MigrationStrategy plannedMoves) {
    Objects.requireNonNull(placement, "placement policy");
    Objects.requireNonNull(plannedMoves, "planned-move strategy");
    if (!spec.era().has(plannedMoves.introducedIn())) {
      throw new UnsupportedOperationException(spec.era().refusal("the " + plannedMoves.name()
          + " migration strategy for planned moves", plannedMoves.introducedIn()));
    }
    Reactions reactions = new Reactions();
    this.model = new ClusterModel(kernel, spec);
    this.memory = VmMemory.create(model, options.memoryBacking(), options.workDirectory(), model.seedFor("workload"),
        reactions);
    this.availability = new AvailabilityTracker(model);
    this.guestClusters = new GuestClusters(model, model.vms());
    model.connect(reactions, memory);
    this.reservations = new Reservations(model, options.defects());
    this.paths = new Paths(model);
    this.lifecycle = new Lifecycle(memory, paths, reactions);
    this.links = new Links(spec.settings().networks());
    this.heartbeats = new Heartbeats(model, links, options.everyHeartbeat());
    for (HostSpec h : spec.hosts()) {
      heartbeats.add(model.addHost(h));
    }
    this.nodes = new NodeService(model, lifecycle, guestClusters, options.defects());
    this.membership = new Membership(model, heartbeats, links, nodes, availability, reactions);
    this.migrations = new Migrations(this, model, memory, lifecycle, paths, reservations, links, availability,
        reactions, new MigrationQueue());
    this.failover = new Failover(migrations, membership, new Coordinators(model, membership), guestClusters,
        placement, plannedMoves, reactions, options.defects());
    this.faults = new FaultInjector(this, model);
  }

  /** Returns the state of this cluster (for the engine's own tests). */
  ClusterModel model() {
    return model;
  }

  private void guard() {
    model.guard();
  }

  private void operator(String action, String target) {
    model.emit(new OperatorAction(model.now(), name(), action, target));
  }

  // ---- Cluster ----

  @Override
  public String name() {
    return model.name();
  }

  @Override
  public ClusterSpec spec() {
    guard();
    return model.spec();
  }

  @Override
  public List<Host> hosts() {
    guard();
    return List.copyOf(model.hosts());
  }

  @Override
  public Host host(HostId id) {
    guard();
    return model.hostModel(id);
  }

  @Override
  public List<VirtualMachine> vms() {
    guard();
    return List.copyOf(model.vms());
  }

  @Override
  public VirtualMachine vm(VmId id) {
    guard();
    return model.vmModel(id);
  }

  @Override
  public List<ClusterGroup> groups() {
    guard();
    return List.copyOf(model.groups());
  }

  @Override
  public ClusterGroup group(String name) {
    guard();
    return model.group(name);
  }

  @Override
  public SharedStorage storage() {
    guard();
    return model.storage();
  }

  @Override
  public QuorumStatus quorum() {
    guard();
    return membership.status();
  }

  @Override
  public Availability availability() {
    guard();
    return availability.report();
  }

  @Override
  public boolean isFormed() {
    guard();
    return formed;
  }

  /**
   * Returns the fault injector of this cluster.
   *
   * @return the faults
   */
  public ClusterFaults faults() {
    guard();
    return faults;
  }

  /**
   * Checks a VM's memory as it is now against everything its guest workload wrote; see
   * {@link io.hvcluster.core.Simulation#verifyGuestMemory}.
   *
   * @param id the VM
   * @return the outcome
   * @throws IllegalStateException when the VM holds no memory now
   */
  public GuestWorkload.Verification verifyGuestMemory(VmId id) {
    guard();
    return memory.verify(model.vmModel(id));
  }

  @Override
  public void form() {
    guard();
    if (formed) {
      return;
    }
    formed = true;
    operator("form-cluster", name());
    for (SimHost h : model.hosts()) {
      h.disableService(false);
      nodes.scheduleServiceStart(h, NodeService.SERVICE_START_NANOS);
    }
  }

  private void requireQuorumOnceFormed(String what) {
    if (formed && membership.status().members().size() > 0 && !membership.hasQuorum()) {
      QuorumStatus q = membership.status();
      throw new QuorumLostException("cannot " + what + ": cluster '" + name() + "' has no quorum (largest partition holds "
          + q.votes() + " of " + q.totalVotes() + " votes, needs " + q.votesNeeded() + ")");
    }
  }

  @Override
  public void startVm(VmId id) {
    guard();
    SimVm vm = model.vmModel(id);
    requireQuorumOnceFormed("start VM '" + id + "'");
    operator("start-vm", id.name());
    want(vm);
    failover.kick();
  }

  private void want(SimVm vm) {
    vm.startedByOperator();
    availability.update(vm, "started by operator");
    vm.groupModel().operatorStarts(vm, model.now());
  }

  @Override
  public void startAllVms() {
    guard();
    requireQuorumOnceFormed("start VMs");
    operator("start-all-vms", name());
    for (SimVm vm : model.vms()) {
      if (vm.spec().priority() != Priority.NO_AUTO_START || vm.operatorStopped()) {
        want(vm);
      }
    }
    failover.kick();
  }

  @Override
  public void stopVm(VmId id) {
    guard();
    SimVm vm = model.vmModel(id);
    operator("stop-vm", id.name());
    vm.stoppedByOperator();
    availability.update(vm, "stopped by operator");
    failover.stopIfUnwanted(vm);
  }

  @Override
  public void pauseNode(HostId id) {
    guard();
    SimHost h = model.hostModel(id);
    h.nodeState().checkTransition(h.describe(), NodeState.PAUSED, "operator pause");
    operator("pause-node", id.name());
    h.intendPause(true);
    h.moveTo(NodeState.PAUSED, "paused by operator");
  }

  @Override
  public void resumeNode(HostId id) {
    guard();
    SimHost h = model.hostModel(id);
    h.nodeState().checkTransition(h.describe(), NodeState.UP, "operator resume");
    operator("resume-node", id.name());
    h.intendPause(false);
    h.moveTo(NodeState.UP, "resumed by operator");
    failover.kick();
  }

  @Override
  public void drainNode(HostId id) {
    guard();
    SimHost h = model.hostModel(id);
    if (h.nodeState() == NodeState.UP) {
      pauseNode(id);
    } else if (h.nodeState() != NodeState.PAUSED) {
      h.nodeState().checkTransition(h.describe(), NodeState.PAUSED, "operator drain");
    }
    operator("drain-node", id.name());
    failover.drain(h, "draining " + h.id());
  }

  @Override
  public void startClusterService(HostId id) {
    guard();
    SimHost h = model.hostModel(id);
    operator("start-cluster-service", id.name());
    h.disableService(false);
    if (h.running() && !h.serviceRunning()) {
      nodes.scheduleServiceStart(h, NodeService.SERVICE_START_NANOS);
    }
  }

  @Override
  public void stopClusterService(HostId id) {
    guard();
    SimHost h = model.hostModel(id);
    operator("stop-cluster-service", id.name());
    h.disableService(true);
    if (!h.serviceRunning()) {
      return;
    }
    failover.drain(h, h.id() + " is leaving the cluster");
    nodes.leaveWhenDrained(h);
  }

  @Override
  public void addNode(HostSpec nodeSpec) {
    guard();
    model.grow(model.spec().withHost(nodeSpec));
    operator("add-node", nodeSpec.id().name());
    SimHost h = model.addHost(nodeSpec);
    heartbeats.add(h);
    if (formed) {
      h.disableService(false);
      nodes.scheduleServiceStart(h, NodeService.SERVICE_START_NANOS);
    }
  }

  @Override
  public void addVm(VmSpec vmSpec) {
    guard();
    SimVm vm = model.addVm(vmSpec);
    guestClusters.add(vm);
    operator("add-vm", vmSpec.id().name());
  }

  @Override
  public MigrationHandle migrate(VmId id, HostId targetId, MigrationStrategy strategy) {
    guard();
    Objects.requireNonNull(strategy, "strategy");
    SimVm vm = model.vmModel(id);
    SimHost target = model.hostModel(targetId);
    requireEra(strategy);
    migrations.check(vm, target);
    operator("migrate-vm", id.name() + " -> " + targetId.name() + " (" + strategy.name() + ")");
    return migrations.begin(vm, target, strategy, () -> failover.stopIfUnwanted(vm)).handle();
  }

  @Override
  public void moveGroup(String group, HostId targetId) {
    guard();
    SimGroup g = model.group(group);
    SimHost target = model.hostModel(targetId);
    requireQuorumOnceFormed("move group '" + group + "'");
    failover.checkMove(g, target);
    operator("move-group", group + " -> " + targetId.name());
    failover.moveGroup(g, target, true);
  }

  @Override
  public HostId moveGroupToBestNode(String group) {
    guard();
    SimGroup g = model.group(group);
    requireQuorumOnceFormed("move group '" + group + "'");
    SimHost target = failover.bestNodeFor(g);
    failover.checkMove(g, target);
    operator("move-group", group + " -> best possible node " + target.id().name());
    failover.moveGroup(g, target, false);
    return target.id();
  }

  @Override
  public void forceQuorum(HostId id) {
    guard();
    SimHost h = model.hostModel(id);
    membership.checkForce(h);
    operator("force-quorum", id.name());
    nodes.startWithForcedQuorum(h);
  }

  @Override
  public PlacementPolicy placementPolicy() {
    guard();
    return failover.placementPolicy();
  }

  @Override
  public void setPlacementPolicy(PlacementPolicy policy) {
    guard();
    failover.placementPolicy(policy);
  }

  /**
   * Replaces the strategy used for planned moves of running VMs (drain, failback).
   *
   * @param strategy the strategy
   */
  public void setPlannedMoveStrategy(MigrationStrategy strategy) {
    guard();
    requireEra(strategy);
    failover.plannedMoves(strategy);
  }

  private void requireEra(MigrationStrategy strategy) {
    Era era = model.spec().era();
    if (!era.has(strategy.introducedIn())) {
      throw new UnsupportedOperationException(era.refusal("the " + strategy.name() + " migration strategy",
          strategy.introducedIn()));
    }
  }

  @Override
  public String toString() {
    return "cluster '" + name() + "'";
  }
}
