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
import io.hvcluster.core.sim.Kernel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A simulated failover cluster: the public {@link Cluster} face of the model, and the wiring between its
 * parts (heartbeats, membership, storage, lifecycle, reconciler).
 *
 * <p>Not thread-safe: every public method checks that it is called on the simulation's thread.
 */
public final class SimCluster implements Cluster {
  static final long SERVICE_START_NANOS = 2_000_000_000L;
  static final long SERVICE_RESTART_NANOS = 10_000_000_000L;
  static final long GUEST_HEARTBEAT_TIMEOUT_NANOS = 60_000_000_000L;

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
  final AvailabilityTracker availability;
  PlacementPolicy placementPolicy;
  private MigrationStrategy plannedMoves;
  final MemoryManager memory;
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
    this.placementPolicy = Objects.requireNonNull(placement, "placement policy");
    this.plannedMoves = Objects.requireNonNull(plannedMoves, "planned-move strategy");
    this.memory = new MemoryManager(this, options.memoryBacking(), options.workDirectory(),
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
      SimVm vm = new SimVm(this, v);
      vms.add(vm);
      vmsById.put(v.id(), vm);
    }
    buildGroups();
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

  /** Groups VMs that share ordinary (non-CSV) LUNs, with union-find over the VM-LUN graph. */
  private void buildGroups() {
    int n = vms.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<LunId, Integer> firstUser = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      for (LunId lun : vms.get(i).spec.luns()) {
        if (storage.get(lun).spec.csv()) {
          continue;
        }
        Integer j = firstUser.putIfAbsent(lun, i);
        if (j != null) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    Map<Integer, List<SimVm>> byRoot = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(vms.get(i));
    }
    for (List<SimVm> members : byRoot.values()) {
      List<SimLun> luns = new ArrayList<>();
      for (SimVm vm : members) {
        for (LunId id : vm.spec.luns()) {
          SimLun lun = storage.get(id);
          if (!lun.spec.csv() && !luns.contains(lun)) {
            luns.add(lun);
          }
        }
      }
      SimGroup g = new SimGroup(this, groups.size(), members.get(0).spec.id().name(), members, luns);
      members.forEach(vm -> vm.group = g);
      groups.add(g);
    }
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
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
    return kernel.random().stream(purpose + "/" + spec.name() + "/" + vm.spec.id());
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

  void setNodeState(SimHost h, NodeState to, String why) {
    NodeState from = h.state;
    if (from == to) {
      return;
    }
    h.state = from.checkTransition(h.describe(), to, why);
    h.reason = why;
    emit(new NodeStateChanged(now(), name(), h.id(), from, to, why));
  }

  void operator(String action, String target) {
    emit(new OperatorAction(now(), name(), action, target));
  }

  // ---- node service ----

  void scheduleServiceStart(SimHost h, long delay) {
    kernel.loop().schedule(delay, () -> {
      if (h.powered && !h.hung && !h.serviceRunning && !h.serviceDisabled) {
        startService(h);
      }
    });
  }

  private void startService(SimHost h) {
    if (h.isMember()) {
      // The service died and came back before the others noticed: the node rejoins from scratch.
      String why = "cluster service restarted before its failure was detected";
      setNodeState(h, NodeState.DOWN, why);
      reconciler.ownerLost(h, why);
    }
    h.serviceRunning = true;
    setNodeState(h, NodeState.JOINING, "cluster service started");
    heartbeats.listenerStarted(h);
    membership.requestDecision();
  }

  /** Stops a node's cluster service at once; its VMs stop with it. */
  void stopService(SimHost h, String why) {
    h.serviceRunning = false;
    for (SimVm vm : new ArrayList<>(h.vms.values())) {
      lifecycle.kill(vm, why);
    }
    h.clearStale();
    h.startQueue.clear();
    h.startsInProgress = 0;
    h.parked.clear();
    heartbeats.hostChanged(h);
  }

  /** Called by the membership when a member leaves the active partition. */
  void nodeLeft(SimHost h, String why) {
    boolean alive = h.powered && !h.hung;
    if (alive && h.serviceRunning) {
      if (options.ignoreQuorum()) {
        kernel.loop().schedule(SERVICE_RESTART_NANOS, () -> {
          if (h.state == NodeState.DOWN && h.serviceRunning) {
            setNodeState(h, NodeState.JOINING, "cluster service rejoining");
            membership.requestDecision();
          }
        });
      } else {
        stopService(h, "cluster service stopped on " + h.id() + ": " + why);
        scheduleServiceStart(h, SERVICE_RESTART_NANOS);
      }
    }
    if (witness != null && witness.owner == h) {
      reconciler.kick();
    }
    reconciler.ownerLost(h, why);
    for (MigrationRun run : activeMigrations()) {
      if (run.target == h || run.source == h) {
        run.abort(h.id() + " left the cluster: " + why);
      }
    }
  }

  /**
   * Whether a live holder lets a challenger take a LUN without defending it: both are members of the
   * active partition and the holder owns no group on that LUN, so the cluster moves the disk between them
   * instead of fighting over it.
   */
  boolean handsOver(SimHost holder, SimHost challenger, SimLun lun) {
    if (!membership.isActive(holder) || !membership.isActive(challenger) || lun == witness) {
      return false;
    }
    for (SimGroup g : groups) {
      if (g.owner == holder && g.luns.contains(lun)) {
        return false;
      }
    }
    return true;
  }

  /** A node lost its reservation on a LUN: its VMs on that LUN lose their storage. */
  void reservationLost(SimHost h, SimLun lun) {
    if (lun == witness) {
      membership.requestDecision();
      return;
    }
    if (lun.spec.csv()) {
      // Only the coordinator role moved; every node keeps its access to a Cluster Shared Volume.
      return;
    }
    for (SimVm vm : new ArrayList<>(h.vms.values())) {
      if (!vm.spec.luns().contains(lun.spec.id())) {
        continue;
      }
      String why = h.id() + " lost its reservation on " + lun.describe();
      if (h.hung) {
        h.addStale(vm, vm.state);
        vm.cancelTimers();
        MigrationRun run = vm.migration;
        vm.moveTo(VmState.OFF, null, "fenced: " + why + " while hung");
        if (run != null) {
          run.abort(why);
        }
      } else if (vm.group.owner == h && h.isMember() && vm.wanted && vm.migration == null
          && (vm.state == VmState.RUNNING || vm.state == VmState.STARTING)) {
        reconciler.vmFailed(vm, why + "; its I/O failed");
      } else {
        lifecycle.kill(vm, why);
      }
    }
  }

  List<MigrationRun> activeMigrations() {
    List<MigrationRun> runs = new ArrayList<>();
    for (SimVm vm : vms) {
      if (vm.migration != null) {
        runs.add(vm.migration);
      }
    }
    return runs;
  }

  /** Takes a group to another node in a planned way (drain, failback). */
  void moveGroup(SimGroup g, SimHost target, PlacementReason reason, String why) {
    SimVm only = g.vms.size() == 1 ? g.vms.get(0) : null;
    if (only != null && only.state == VmState.RUNNING && only.migration == null && g.owner == only.host) {
      MigrationRun run = new MigrationRun(this, plannedMoves, only, target, () -> {});
      run.begin();
      return;
    }
    g.activity = SimGroup.Activity.MOVING;
    List<SimVm> running = new ArrayList<>();
    for (SimVm vm : g.vms) {
      if (vm.state == VmState.RUNNING || vm.state == VmState.STARTING || vm.state == VmState.RESTORING) {
        running.add(vm);
      }
    }
    if (g.state == GroupState.ONLINE || g.state == GroupState.ONLINE_PENDING) {
      g.moveTo(GroupState.OFFLINE_PENDING, g.owner, why);
    }
    int[] remaining = {running.size()};
    Runnable handOver = () -> {
      SimHost from = g.owner;
      for (SimLun lun : g.luns) {
        if (from != null) {
          lun.release(from, "released for " + why);
        }
      }
      g.activity = SimGroup.Activity.IDLE;
      g.moveTo(GroupState.OFFLINE, null, why);
      g.plannedTarget = target;
      g.nextReason = reason;
      reconciler.kick();
    };
    if (running.isEmpty()) {
      handOver.run();
      return;
    }
    for (SimVm vm : running) {
      lifecycle.takeOffline(vm, why, () -> {
        if (--remaining[0] == 0) {
          handOver.run();
        }
      });
    }
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
      if (g.name.equals(name)) {
        return g;
      }
    }
    throw new NoSuchEntityException("group", name, groups.stream().map(g -> g.name).toList());
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

  @Override
  public void form() {
    guard();
    if (formed) {
      return;
    }
    formed = true;
    operator("form-cluster", name());
    for (SimHost h : hosts) {
      h.serviceDisabled = false;
      scheduleServiceStart(h, SERVICE_START_NANOS);
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
    vm.wanted = true;
    vm.operatorStopped = false;
    availability.update(vm, "started by operator");
    SimGroup g = vm.group;
    if (g.locked) {
      g.locked = false;
      g.failovers.clear();
      vm.restarts.clear();
    }
    if (g.state == GroupState.FAILED) {
      g.retryAt = now();
    }
  }

  @Override
  public void startAllVms() {
    guard();
    requireQuorumOnceFormed("start VMs");
    operator("start-all-vms", name());
    for (SimVm vm : vms) {
      if (vm.spec.priority() != io.hvcluster.api.spec.Priority.NO_AUTO_START || vm.operatorStopped) {
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
    vm.wanted = false;
    vm.operatorStopped = true;
    availability.update(vm, "stopped by operator");
    stopIfUnwanted(vm);
  }

  /** Takes an unwanted VM offline, unless a migration is moving it (it is stopped when that ends). */
  void stopIfUnwanted(SimVm vm) {
    if (vm.wanted || vm.migration != null) {
      return;
    }
    SimGroup g = vm.group;
    if (vm.state == VmState.FAILED) {
      vm.moveTo(VmState.OFF, null, "stopped by operator");
      if (!g.wantsOnline() && g.state == GroupState.FAILED) {
        g.moveTo(GroupState.OFFLINE, g.owner, "stopped by operator");
      }
      return;
    }
    if (vm.state != VmState.RUNNING && vm.state != VmState.STARTING && vm.state != VmState.RESTORING) {
      return;
    }
    boolean lastOne = !g.wantsOnline();
    if (lastOne && (g.state == GroupState.ONLINE || g.state == GroupState.ONLINE_PENDING)) {
      g.moveTo(GroupState.OFFLINE_PENDING, g.owner, "stopped by operator");
    }
    if (g.activity == SimGroup.Activity.STARTING && lastOne) {
      g.activity = SimGroup.Activity.IDLE;
      g.releaseReservation();
    }
    lifecycle.takeOffline(vm, "stopped by operator", () -> {
      if (!g.wantsOnline() && g.state == GroupState.OFFLINE_PENDING) {
        g.moveTo(GroupState.OFFLINE, g.owner, "stopped by operator");
      }
      reconciler.kick();
    });
  }

  @Override
  public void pauseNode(HostId id) {
    guard();
    SimHost h = hostModel(id);
    h.state.checkTransition(h.describe(), NodeState.PAUSED, "operator pause");
    operator("pause-node", id.name());
    h.pauseIntent = true;
    setNodeState(h, NodeState.PAUSED, "paused by operator");
  }

  @Override
  public void resumeNode(HostId id) {
    guard();
    SimHost h = hostModel(id);
    h.state.checkTransition(h.describe(), NodeState.UP, "operator resume");
    operator("resume-node", id.name());
    h.pauseIntent = false;
    setNodeState(h, NodeState.UP, "resumed by operator");
    reconciler.kick();
  }

  @Override
  public void drainNode(HostId id) {
    guard();
    SimHost h = hostModel(id);
    if (h.state == NodeState.UP) {
      pauseNode(id);
    } else if (h.state != NodeState.PAUSED) {
      h.state.checkTransition(h.describe(), NodeState.PAUSED, "operator drain");
    }
    operator("drain-node", id.name());
    drain(h, "draining " + h.id());
  }

  private void drain(SimHost h, String why) {
    for (SimGroup g : h.ownedGroups()) {
      if (g.activity != SimGroup.Activity.IDLE && g.activity != SimGroup.Activity.STARTING) {
        continue;
      }
      SimHost target = reconciler.place(g, PlacementReason.DRAIN);
      if (target != null) {
        moveGroup(g, target, PlacementReason.DRAIN, why);
      }
    }
  }

  @Override
  public void startClusterService(HostId id) {
    guard();
    SimHost h = hostModel(id);
    operator("start-cluster-service", id.name());
    h.serviceDisabled = false;
    if (h.powered && !h.hung && !h.serviceRunning) {
      scheduleServiceStart(h, SERVICE_START_NANOS);
    }
  }

  @Override
  public void stopClusterService(HostId id) {
    guard();
    SimHost h = hostModel(id);
    operator("stop-cluster-service", id.name());
    h.serviceDisabled = true;
    if (!h.serviceRunning) {
      return;
    }
    drain(h, h.id() + " is leaving the cluster");
    leaveWhenDrained(h);
  }

  private void leaveWhenDrained(SimHost h) {
    boolean moving = h.ownedGroups().stream().anyMatch(g -> g.activity == SimGroup.Activity.MOVING);
    if (moving) {
      kernel.loop().schedule(1_000_000_000L, () -> leaveWhenDrained(h));
      return;
    }
    if (!h.serviceRunning || !h.serviceDisabled) {
      return;
    }
    String why = "cluster service stopped by operator";
    boolean member = h.isMember() || h.state == NodeState.JOINING;
    stopService(h, why);
    if (member) {
      setNodeState(h, NodeState.DOWN, why);
      reconciler.ownerLost(h, why);
      membership.requestDecision();
    }
  }

  @Override
  public void addNode(HostSpec nodeSpec) {
    guard();
    ClusterSpec grown = spec.withHost(nodeSpec);
    spec = grown;
    operator("add-node", nodeSpec.id().name());
    SimHost h = addHostModel(nodeSpec);
    if (formed) {
      h.serviceDisabled = false;
      scheduleServiceStart(h, SERVICE_START_NANOS);
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
      if (lun.spec.csv()) {
        continue;
      }
      ordinary.add(lun);
      for (SimGroup g : groups) {
        if (g.luns.contains(lun) && !touching.contains(g)) {
          touching.add(g);
        }
      }
    }
    if (touching.size() > 1) {
      throw new io.hvcluster.api.InvalidConfigurationException("VM '" + vmSpec.id() + "' uses LUNs of groups "
          + touching.stream().map(g -> "'" + g.name + "'").toList() + ", which fail over separately; give it the"
          + " LUNs of one group only");
    }
    spec = grown;
    SimVm vm = new SimVm(this, vmSpec);
    vms.add(vm);
    vmsById.put(vmSpec.id(), vm);
    SimGroup group;
    if (touching.isEmpty()) {
      group = new SimGroup(this, groups.size(), vmSpec.id().name(), List.of(vm), ordinary);
      groups.add(group);
    } else {
      group = touching.get(0);
      group.vms.add(vm);
      for (SimLun lun : ordinary) {
        if (!group.luns.contains(lun)) {
          group.luns.add(lun);
        }
      }
    }
    vm.group = group;
    guestClusters.add(vm);
    operator("add-vm", vmSpec.id().name());
  }

  @Override
  public MigrationHandle migrate(VmId id, HostId targetId, MigrationStrategy strategy) {
    guard();
    Objects.requireNonNull(strategy, "strategy");
    SimVm vm = vmModel(id);
    SimHost target = hostModel(targetId);
    if (vm.state != VmState.RUNNING || vm.host == null) {
      throw new IllegalStateException(vm.describe() + " is " + vm.state + "; only a running VM can be migrated");
    }
    if (vm.migration != null) {
      throw new IllegalStateException(vm.describe() + " is already being migrated to " + vm.migration.target.id());
    }
    if (vm.host == target) {
      throw new IllegalArgumentException(vm.describe() + " already runs on " + target.id());
    }
    if (!vm.spec.mayRunOn(targetId)) {
      throw new IllegalArgumentException(vm.describe() + " may not run on " + target.id() + "; possible owners: "
          + vm.spec.possibleOwners());
    }
    if (vm.group.vms.size() > 1) {
      throw new IllegalStateException(vm.describe() + " shares its LUNs with " + vm.group.vms.stream()
          .filter(v -> v != vm).map(v -> v.spec.id().name()).toList() + "; drain or move group '" + vm.group.name
          + "' instead, or give each VM its own LUN");
    }
    if (!target.canHostGroups() || !membership.isActive(target)) {
      throw new IllegalStateException(target.describe() + " is " + target.state + "; a migration target must be an up,"
          + " unpaused member");
    }
    long free = target.spec.vmMemoryBytes() - target.committedBytes();
    if (free < vm.spec.memoryBytes()) {
      throw new InsufficientCapacityException(vm.describe() + " needs " + size(vm.spec.memoryBytes()) + " but "
          + target.describe() + " has " + size(Math.max(0, free)) + " free");
    }
    operator("migrate-vm", id.name() + " -> " + targetId.name() + " (" + strategy.name() + ")");
    MigrationRun run = new MigrationRun(this, strategy, vm, target, () -> stopIfUnwanted(vm));
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

  /**
   * Returns the virtual time to boot a host after power-on, by installation.
   *
   * @param installation the host's installation
   * @return nanoseconds
   */
  static long hostBootNanos(Installation installation) {
    return installation == Installation.SERVER_CORE ? 120_000_000_000L : 180_000_000_000L;
  }

  @Override
  public String toString() {
    return "cluster '" + name() + "'";
  }
}
