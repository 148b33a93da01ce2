package io.hvcluster.core.cluster;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterFaults;
import io.hvcluster.api.ClusterGroup;
import io.hvcluster.api.GroupState;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.InsufficientCapacityException;
import io.hvcluster.api.LunId;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.NoSuchEntityException;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.QuorumLostException;
import io.hvcluster.api.QuorumStatus;
import io.hvcluster.api.SharedStorage;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.event.OperatorAction;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.CostModel;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.memory.GuestWorkload;
import io.hvcluster.core.sim.Kernel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A simulated failover cluster: the public {@link Cluster} face of the model, and the wiring between its
 * parts (heartbeats, membership, storage, lifecycle, reconciler, node service, fencing, planned moves).
 * It is long because the {@link Cluster} interface is: each operation validates its arguments here and
 * hands the work to the part that owns it.
 *
 * <p>Not thread-safe: every public method checks that it is called on the simulation's thread.
 */
public final class SimCluster implements Cluster {
  final Kernel kernel;
  final EngineOptions options;
  private ClusterSpec spec;
  final List<SimHost> hosts = new ArrayList<>();
  private final Map<HostId, SimHost> hostsById = new LinkedHashMap<>();
  final SimStorage storage;
  final SimLun witness;
  final List<SimVm> vms = new ArrayList<>();
  private final Map<VmId, SimVm> vmsById = new LinkedHashMap<>();
  final List<SimGroup> groups = new ArrayList<>();
  final Links links = new Links();
  final Heartbeats heartbeats;
  final Membership membership;
  final Reconciler reconciler;
  final Lifecycle lifecycle;
  final GuestClusters guestClusters;
  final NodeService nodes = new NodeService(this);
  final Fencing fencing = new Fencing(this);
  final GroupMoves moves = new GroupMoves(this);
  final ResourceMonitor monitor = new ResourceMonitor(this);
  final Reservations reservations;
  final AvailabilityTracker availability;
  PlacementPolicy placementPolicy;
  MigrationStrategy plannedMoves;
  final VmMemory memory;
  private boolean formed;
  private final ClusterFaults faults = new FaultInjector(this);

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
    this.kernel = kernel;
    this.spec = spec;
    this.options = options;
    this.reservations = new Reservations(this, options.defects());
    this.placementPolicy = Objects.requireNonNull(placement, "placement policy");
    this.plannedMoves = Objects.requireNonNull(plannedMoves, "planned-move strategy");
    this.memory = VmMemory.create(this, options.memoryBacking(), options.workDirectory(),
        kernel.random().derive("workload/" + spec.name()));
    this.storage = new SimStorage(this, spec.storage());
    QuorumModel model = spec.quorum();
    if (model == QuorumModel.NODE_AND_FILE_SHARE_MAJORITY) {
      this.witness = new SimLun(this, new LunSpec(LunId.of("file-share-witness"), 1, true, false));
    } else if (model.usesWitnessDisk()) {
      this.witness = storage.get(spec.storage().witness().orElseThrow().id());
    } else {
      this.witness = null;
    }
    this.heartbeats = new Heartbeats(this, spec.settings().heartbeatDelay().toNanos(),
        spec.settings().heartbeatThreshold(), options.everyHeartbeat(), kernel.random().stream("heartbeat/" + spec.name()));
    for (HostSpec h : spec.hosts()) {
      addHostModel(h);
    }
    for (VmSpec v : spec.vms()) {
      SimVm vm = new SimVm(this, v, vms.size());
      vms.add(vm);
      vmsById.put(v.id(), vm);
    }
    groups.addAll(GroupBuilder.build(this, vms, storage));
    this.membership = new Membership(this);
    this.reconciler = new Reconciler(this);
    this.lifecycle = new Lifecycle(this);
    this.guestClusters = new GuestClusters(this, vms);
    this.availability = new AvailabilityTracker(this);
  }

  private SimHost addHostModel(HostSpec h) {
    SimHost host = new SimHost(this, hosts.size(), h);
    hosts.add(host);
    hostsById.put(h.id(), host);
    heartbeats.add(host);
    return host;
  }

  // ---- shared plumbing ----

  void guard() {
    kernel.guard().check();
  }

  long now() {
    return kernel.now();
  }

  void emit(ClusterEvent event) {
    kernel.bus().emit(event);
  }

  CostModel costs() {
    return spec.settings().costs();
  }

  int storagePaths() {
    return spec.storage().pathsPerHost();
  }

  SplittableRandom randomFor(String purpose, SimVm vm) {
    return kernel.random().stream(purpose + "/" + spec.name() + "/" + vm.spec().id());
  }

  GuestMemory allocateMemory(SimVm vm, SimHost host) {
    return memory.allocate(vm, host);
  }

  SimHost hostOrNull(HostId id) {
    return hostsById.get(id);
  }

  SimHost hostModel(HostId id) {
    SimHost h = hostsById.get(Objects.requireNonNull(id, "host"));
    if (h == null) {
      throw new NoSuchEntityException("node", id.name(), hostsById.keySet());
    }
    return h;
  }

  SimVm vmOrNull(VmId id) {
    return vmsById.get(id);
  }

  SimVm vmModel(VmId id) {
    SimVm vm = vmsById.get(Objects.requireNonNull(id, "VM"));
    if (vm == null) {
      throw new NoSuchEntityException("VM", id.name(), vmsById.keySet());
    }
    return vm;
  }

  static String size(long bytes) {
    long gib = 1L << 30;
    long mib = 1L << 20;
    return bytes % gib == 0 ? bytes / gib + " GiB" : bytes % mib == 0 ? bytes / mib + " MiB" : bytes + " bytes";
  }

  void operator(String action, String target) {
    emit(new OperatorAction(now(), name(), action, target));
  }

  List<MigrationRun> activeMigrations() {
    List<MigrationRun> runs = new ArrayList<>();
    for (SimVm vm : vms) {
      if (vm.migration() != null) {
        runs.add(vm.migration());
      }
    }
    return runs;
  }

  // ---- Cluster ----

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public ClusterSpec spec() {
    guard();
    return spec;
  }

  @Override
  public List<Host> hosts() {
    guard();
    return List.copyOf(hosts);
  }

  @Override
  public Host host(HostId id) {
    guard();
    return hostModel(id);
  }

  @Override
  public List<VirtualMachine> vms() {
    guard();
    return List.copyOf(vms);
  }

  @Override
  public VirtualMachine vm(VmId id) {
    guard();
    return vmModel(id);
  }

  @Override
  public List<ClusterGroup> groups() {
    guard();
    return List.copyOf(groups);
  }

  @Override
  public ClusterGroup group(String name) {
    guard();
    for (SimGroup g : groups) {
      if (g.name().equals(name)) {
        return g;
      }
    }
    throw new NoSuchEntityException("group", name, groups.stream().map(SimGroup::name).toList());
  }

  @Override
  public SharedStorage storage() {
    guard();
    return storage;
  }

  @Override
  public QuorumStatus quorum() {
    guard();
    return membership.status();
  }

  @Override
  public io.hvcluster.api.Availability availability() {
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
    return memory.verify(vmModel(id));
  }

  @Override
  public void form() {
    guard();
    if (formed) {
      return;
    }
    formed = true;
    operator("form-cluster", name());
    for (SimHost h : hosts) {
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
    SimVm vm = vmModel(id);
    requireQuorumOnceFormed("start VM '" + id + "'");
    operator("start-vm", id.name());
    want(vm);
    reconciler.kick();
  }

  private void want(SimVm vm) {
    vm.startedByOperator();
    availability.update(vm, "started by operator");
    vm.groupModel().operatorStarts(vm, now());
  }

  @Override
  public void startAllVms() {
    guard();
    requireQuorumOnceFormed("start VMs");
    operator("start-all-vms", name());
    for (SimVm vm : vms) {
      if (vm.spec().priority() != io.hvcluster.api.spec.Priority.NO_AUTO_START || vm.operatorStopped()) {
        want(vm);
      }
    }
    reconciler.kick();
  }

  @Override
  public void stopVm(VmId id) {
    guard();
    SimVm vm = vmModel(id);
    operator("stop-vm", id.name());
    vm.stoppedByOperator();
    availability.update(vm, "stopped by operator");
    moves.stopIfUnwanted(vm);
  }

  @Override
  public void pauseNode(HostId id) {
    guard();
    SimHost h = hostModel(id);
    h.nodeState().checkTransition(h.describe(), NodeState.PAUSED, "operator pause");
    operator("pause-node", id.name());
    h.intendPause(true);
    h.moveTo(NodeState.PAUSED, "paused by operator");
  }

  @Override
  public void resumeNode(HostId id) {
    guard();
    SimHost h = hostModel(id);
    h.nodeState().checkTransition(h.describe(), NodeState.UP, "operator resume");
    operator("resume-node", id.name());
    h.intendPause(false);
    h.moveTo(NodeState.UP, "resumed by operator");
    reconciler.kick();
  }

  @Override
  public void drainNode(HostId id) {
    guard();
    SimHost h = hostModel(id);
    if (h.nodeState() == NodeState.UP) {
      pauseNode(id);
    } else if (h.nodeState() != NodeState.PAUSED) {
      h.nodeState().checkTransition(h.describe(), NodeState.PAUSED, "operator drain");
    }
    operator("drain-node", id.name());
    moves.drain(h, "draining " + h.id());
  }

  @Override
  public void startClusterService(HostId id) {
    guard();
    SimHost h = hostModel(id);
    operator("start-cluster-service", id.name());
    h.disableService(false);
    if (h.running() && !h.serviceRunning()) {
      nodes.scheduleServiceStart(h, NodeService.SERVICE_START_NANOS);
    }
  }

  @Override
  public void stopClusterService(HostId id) {
    guard();
    SimHost h = hostModel(id);
    operator("stop-cluster-service", id.name());
    h.disableService(true);
    if (!h.serviceRunning()) {
      return;
    }
    moves.drain(h, h.id() + " is leaving the cluster");
    nodes.leaveWhenDrained(h);
  }

  @Override
  public void addNode(HostSpec nodeSpec) {
    guard();
    ClusterSpec grown = spec.withHost(nodeSpec);
    spec = grown;
    operator("add-node", nodeSpec.id().name());
    SimHost h = addHostModel(nodeSpec);
    if (formed) {
      h.disableService(false);
      nodes.scheduleServiceStart(h, NodeService.SERVICE_START_NANOS);
    }
  }

  @Override
  public void addVm(VmSpec vmSpec) {
    guard();
    ClusterSpec grown = spec.withVm(Objects.requireNonNull(vmSpec, "VM spec"));
    List<SimLun> ordinary = new ArrayList<>();
    List<SimGroup> touching = new ArrayList<>();
    for (LunId id : vmSpec.luns()) {
      SimLun lun = storage.get(id);
      if (lun.spec().csv()) {
        continue;
      }
      ordinary.add(lun);
      for (SimGroup g : groups) {
        if (g.ordinaryLuns().contains(lun) && !touching.contains(g)) {
          touching.add(g);
        }
      }
    }
    if (touching.size() > 1) {
      throw new io.hvcluster.api.InvalidConfigurationException("VM '" + vmSpec.id() + "' uses LUNs of groups "
          + touching.stream().map(g -> "'" + g.name() + "'").toList() + ", which fail over separately; give it the"
          + " LUNs of one group only");
    }
    spec = grown;
    SimVm vm = new SimVm(this, vmSpec, vms.size());
    vms.add(vm);
    vmsById.put(vmSpec.id(), vm);
    SimGroup group;
    if (touching.isEmpty()) {
      group = new SimGroup(this, groups.size(), vmSpec.id().name(), List.of(vm), ordinary);
      groups.add(group);
    } else {
      group = touching.get(0);
      group.addMember(vm, ordinary);
    }
    vm.joinGroup(group);
    guestClusters.add(vm);
    operator("add-vm", vmSpec.id().name());
  }

  @Override
  public MigrationHandle migrate(VmId id, HostId targetId, MigrationStrategy strategy) {
    guard();
    Objects.requireNonNull(strategy, "strategy");
    SimVm vm = vmModel(id);
    SimHost target = hostModel(targetId);
    if (vm.vmState() != VmState.RUNNING || vm.node() == null) {
      throw new IllegalStateException(vm.describe() + " is " + vm.vmState() + "; only a running VM can be migrated");
    }
    if (vm.migration() != null) {
      throw new IllegalStateException(vm.describe() + " is already being migrated to " + vm.migration().target.id());
    }
    if (vm.node() == target) {
      throw new IllegalArgumentException(vm.describe() + " already runs on " + target.id());
    }
    if (!vm.spec().mayRunOn(targetId)) {
      throw new IllegalArgumentException(vm.describe() + " may not run on " + target.id() + "; possible owners: "
          + vm.spec().possibleOwners());
    }
    SimGroup group = vm.groupModel();
    if (group.members().size() > 1) {
      throw new IllegalStateException(vm.describe() + " shares its LUNs with " + group.members().stream()
          .filter(v -> v != vm).map(v -> v.spec().id().name()).toList() + "; drain or move group '" + group.name()
          + "' instead, or give each VM its own LUN");
    }
    if (!target.canHostGroups() || !membership.isActive(target)) {
      throw new IllegalStateException(target.describe() + " is " + target.nodeState() + "; a migration target must be"
          + " an up, unpaused member");
    }
    long free = target.freeBytes();
    if (free < vm.spec().memoryBytes()) {
      throw new InsufficientCapacityException(vm.describe() + " needs " + size(vm.spec().memoryBytes()) + " but "
          + target.describe() + " has " + size(Math.max(0, free)) + " free");
    }
    operator("migrate-vm", id.name() + " -> " + targetId.name() + " (" + strategy.name() + ")");
    MigrationRun run = new MigrationRun(this, strategy, vm, target, () -> moves.stopIfUnwanted(vm));
    run.begin();
    return run.handle();
  }

  @Override
  public PlacementPolicy placementPolicy() {
    guard();
    return placementPolicy;
  }

  @Override
  public void setPlacementPolicy(PlacementPolicy policy) {
    guard();
    this.placementPolicy = Objects.requireNonNull(policy, "placement policy");
  }

  /**
   * Replaces the strategy used for planned moves of running VMs (drain, failback).
   *
   * @param strategy the strategy
   */
  public void setPlannedMoveStrategy(MigrationStrategy strategy) {
    guard();
    this.plannedMoves = Objects.requireNonNull(strategy, "strategy");
  }

  @Override
  public String toString() {
    return "cluster '" + name() + "'";
  }
}
