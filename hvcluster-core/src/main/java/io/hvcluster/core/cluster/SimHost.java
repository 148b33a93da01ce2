package io.hvcluster.core.cluster;

import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.spec.HostSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node: its truth (power, hang, cluster-service process, the VM instances its hypervisor holds) and
 * the cluster's view of it (its {@link NodeState}).
 */
final class SimHost implements Host {
  final SimCluster cluster;
  final int index;
  final HostSpec spec;
  NodeState state = NodeState.DOWN;
  String reason = "";

  boolean powered = true;
  boolean hung;
  boolean serviceRunning;
  boolean pauseIntent;
  /** Set while the node's cluster service is stopped by an operator; it is not restarted automatically. */
  boolean serviceDisabled = true;

  /** Offset of this node's heartbeats within the heartbeat period, distinct among the cluster's nodes. */
  long heartbeatPhase;

  /** VMs whose current instance is on this host and holds memory here; change through {@link #place}/{@link #unplace}. */
  final TreeMap<VmId, SimVm> vms = new TreeMap<>();
  /** Instances the cluster no longer counts as the VM (fenced, or frozen on a hung host), with their state. */
  final TreeMap<VmId, StaleInstance> stale = new TreeMap<>();
  /** Memory of {@link #vms} and {@link #stale}, kept up to date so capacity checks cost nothing. */
  private long instanceBytes;
  /** Whether the node is in the active (quorum) partition; maintained by the membership. */
  boolean activeMember;
  /** Memory promised to groups being placed here or migrating in. */
  long reservedBytes;
  int startsInProgress;
  /** Starts waiting for a free start slot, oldest first. */
  final ArrayDeque<QueuedStart> startQueue = new ArrayDeque<>();

  /** A start waiting for a slot on this host. */
  record QueuedStart(SimVm vm, Runnable run) { }

  /** Counts {@link #dropQueuedStarts} calls, so that a start already taken off the queue is dropped too. */
  long startEpoch;

  /** Forgets the starts waiting for a slot: the host stopped running them. */
  void dropQueuedStarts() {
    startEpoch++;
    for (QueuedStart queued : startQueue) {
      if (queued.vm().queuedOn == this) {
        queued.vm().queuedOn = null;
      }
    }
    startQueue.clear();
  }
  /** Groups this node owns, in configuration order. */
  final java.util.TreeSet<SimGroup> owned = new java.util.TreeSet<>((a, b) -> Integer.compare(a.index, b.index));
  /** Groups with memory reserved here for a coming start. */
  final java.util.TreeSet<SimGroup> reserving = new java.util.TreeSet<>((a, b) -> Integer.compare(a.index, b.index));
  /** Completions that fell due while the host was hung; they run when it resumes. */
  final List<Runnable> parked = new ArrayList<>();

  /** A VM instance that outlived the cluster's interest in it. */
  record StaleInstance(VmState state, long memoryBytes) {
  }

  SimHost(SimCluster cluster, int index, HostSpec spec) {
    this.cluster = cluster;
    this.index = index;
    this.spec = spec;
  }

  String describe() {
    return "node '" + spec.id() + "'";
  }

  /** Whether the node is alive and its cluster service runs, so it sends heartbeats. */
  boolean sendsHeartbeats() {
    return powered && !hung && serviceRunning;
  }

  /** Whether the cluster counts this node as a member. */
  boolean isMember() {
    return state == NodeState.UP || state == NodeState.PAUSED;
  }

  /** Whether the node may take groups now: an up (not paused) member that really runs. */
  boolean canHostGroups() {
    return state == NodeState.UP && sendsHeartbeats();
  }

  long committedBytes() {
    return reservedBytes + instanceBytes;
  }

  void place(SimVm vm) {
    if (vms.put(vm.spec.id(), vm) == null) {
      instanceBytes += vm.spec.memoryBytes();
    }
  }

  void unplace(SimVm vm) {
    if (vms.remove(vm.spec.id()) != null) {
      instanceBytes -= vm.spec.memoryBytes();
    }
  }

  void addStale(SimVm vm, VmState state) {
    StaleInstance previous = stale.put(vm.spec.id(), new StaleInstance(state, vm.spec.memoryBytes()));
    instanceBytes += vm.spec.memoryBytes() - (previous == null ? 0 : previous.memoryBytes());
  }

  void removeStale(VmId vm) {
    StaleInstance s = stale.remove(vm);
    if (s != null) {
      instanceBytes -= s.memoryBytes();
    }
  }

  void clearStale() {
    for (StaleInstance s : stale.values()) {
      instanceBytes -= s.memoryBytes();
    }
    stale.clear();
  }

  @Override
  public HostId id() {
    return spec.id();
  }

  @Override
  public HostSpec spec() {
    cluster.guard();
    return spec;
  }

  @Override
  public NodeState state() {
    cluster.guard();
    return state;
  }

  @Override
  public boolean isRunning() {
    cluster.guard();
    return powered && !hung;
  }

  @Override
  public List<VmId> vms() {
    cluster.guard();
    return List.copyOf(vms.keySet());
  }

  @Override
  public Map<VmId, VmState> instances() {
    cluster.guard();
    TreeMap<VmId, VmState> all = new TreeMap<>();
    stale.forEach((id, s) -> all.put(id, s.state()));
    vms.forEach((id, vm) -> all.put(id, vm.state));
    return Collections.unmodifiableMap(all);
  }

  @Override
  public java.util.Optional<VmState> instance(VmId vm) {
    cluster.guard();
    SimVm current = cluster.vmOrNull(vm);
    if (current != null && current.host == this && current.state.holdsMemory()) {
      return java.util.Optional.of(current.state);
    }
    if (stale.isEmpty()) {
      return java.util.Optional.empty();
    }
    StaleInstance s = stale.get(vm);
    return s == null ? java.util.Optional.empty() : java.util.Optional.of(s.state());
  }

  @Override
  public long memoryCommittedBytes() {
    cluster.guard();
    return committedBytes();
  }

  @Override
  public long memoryFreeBytes() {
    cluster.guard();
    return Math.max(0, spec.vmMemoryBytes() - committedBytes());
  }

  @Override
  public int groupCount() {
    cluster.guard();
    // A placed group is owned by its node from the moment it is placed, reservation included.
    return owned.size();
  }

  List<SimGroup> ownedGroups() {
    return new ArrayList<>(owned);
  }

  @Override
  public String toString() {
    return spec.id() + "[" + state + (powered ? "" : ",off") + (hung ? ",hung" : "") + "]";
  }
}
