package io.hvcluster.core.cluster.model;

import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.spec.HostSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A node: its truth (power, hang, cluster-service process, the VM instances its hypervisor holds, its
 * start slots and memory reservations) and the cluster's view of it (its {@link NodeState}).
 *
 * <p>Every field is private: the node changes only through its intention methods, which keep its
 * accounting right (committed memory, start slots, owned groups) and report its state changes.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SimHost implements Host {
  private final ClusterModel cluster;
  private final int index;
  private final HostSpec spec;
  private NodeState state = NodeState.DOWN;
  private String reason = "";

  private boolean powered = true;
  private boolean hung;
  private boolean serviceRunning;
  private boolean pauseIntent;
  /** Set while the node's cluster service is stopped by an operator; it is not restarted automatically. */
  private boolean serviceDisabled = true;

  /** VMs whose current instance is on this host and holds memory here; change through {@link #place}/{@link #unplace}. */
  private final TreeMap<VmId, SimVm> vms = new TreeMap<>();
  /** Instances the cluster no longer counts as the VM (fenced, or frozen on a hung host), with their state. */
  private final TreeMap<VmId, StaleInstance> stale = new TreeMap<>();
  /** Memory of {@link #vms} and {@link #stale}, kept up to date so capacity checks cost nothing. */
  private long instanceBytes;
  /** Whether the node is in the active (quorum) partition; maintained by the membership. */
  private boolean activeMember;
  /** Memory promised to groups being placed here or migrating in. */
  private long reservedBytes;
  private int becameUp; // times the node became UP (joined, or resumed from a pause): a failback trigger
  private final StartSlots slots = new StartSlots(this);
  /** Groups this node owns, in configuration order. */
  private final TreeSet<SimGroup> owned = new TreeSet<>((a, b) -> Integer.compare(a.index(), b.index()));
  /** Groups a planned move (drain, failback) has decided to bring here, not owned here yet. */
  private final TreeSet<SimGroup> incoming = new TreeSet<>((a, b) -> Integer.compare(a.index(), b.index()));
  /** Groups with memory reserved here for a coming start. */
  private final TreeSet<SimGroup> reserving = new TreeSet<>((a, b) -> Integer.compare(a.index(), b.index()));
  /** Completions that fell due while the host was hung; they run when it resumes. */
  private final List<Runnable> parked = new ArrayList<>();

  /**
   * A VM instance that outlived the cluster's interest in it.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.INTERNAL, since = "0.1.0")
  public record StaleInstance(VmState state, long memoryBytes) {
  }

  SimHost(ClusterModel cluster, int index, HostSpec spec) {
    this.cluster = cluster;
    this.index = index;
    this.spec = spec;
  }

  public String describe() {
    return "node '" + spec.id() + "'";
  }

  /** Returns the node's position in configuration order. */
  public int index() {
    return index;
  }

  /** Returns the node's configuration (unguarded, for the engine's own use). */
  public HostSpec hostSpec() {
    return spec;
  }

  /** Returns the cluster's view of the node (unguarded, for the engine's own use). */
  public NodeState nodeState() {
    return state;
  }

  // ---- truth: power, hang, cluster service ----

  public boolean isPowered() {
    return powered;
  }

  public boolean isHung() {
    return hung;
  }

  /** Whether the node is powered on and not hung: its hypervisor runs. */
  public boolean running() {
    return powered && !hung;
  }

  public boolean serviceRunning() {
    return serviceRunning;
  }

  /** Whether an operator stopped the node's cluster service, so it is not restarted on its own. */
  public boolean serviceDisabled() {
    return serviceDisabled;
  }

  /** Whether the node sits in its operator's pause, to be paused again when it rejoins. */
  public boolean pauseIntent() {
    return pauseIntent;
  }

  /** Whether the node is alive and its cluster service runs, so it sends heartbeats. */
  public boolean sendsHeartbeats() {
    return powered && !hung && serviceRunning;
  }

  /** Whether the cluster counts this node as a member. */
  public boolean isMember() {
    return state == NodeState.UP || state == NodeState.PAUSED;
  }

  /** Whether the node may take groups now: an up (not paused) member that really runs. */
  public boolean canHostGroups() {
    return state == NodeState.UP && sendsHeartbeats();
  }

  /** The node loses power: it stops dead, hung or not. Its service and VMs stop with it ({@link #serviceStopped}). */
  public void powerOff() {
    powered = false;
    hung = false;
  }

  /** The node is powered on again; it boots before its cluster service starts. */
  public void powerOn() {
    powered = true;
  }

  /** The node hangs: it stops running, and completions due on it wait until it resumes ({@link #park}). */
  public void hang() {
    hung = true;
  }

  /** The node runs again after a hang; returns the completions that fell due meanwhile, to run now. */
  public List<Runnable> resume() {
    hung = false;
    return takeParked();
  }

  /** Defers a completion that fell due while the node hung, until it resumes. */
  public void park(Runnable completion) {
    parked.add(completion);
  }

  private List<Runnable> takeParked() {
    List<Runnable> due = new ArrayList<>(parked);
    parked.clear();
    return due;
  }

  /** The node's cluster service process starts. */
  public void serviceStarted() {
    serviceRunning = true;
  }

  /**
   * The node's cluster service stops at once: its queued starts are dropped, {@code kill} stops every
   * VM instance on it, the instances the cluster had left behind are gone, and nothing waits on it any
   * more.
   */
  public void serviceStopped(Consumer<SimVm> kill) {
    serviceRunning = false;
    slots.drop();
    for (SimVm vm : residents()) {
      kill.accept(vm);
    }
    clearStale();
    slots.reset();
    parked.clear();
  }

  /** An operator enables ({@code false}) or disables the automatic start of the node's cluster service. */
  public void disableService(boolean disabled) {
    serviceDisabled = disabled;
  }

  /** An operator pauses ({@code true}) or resumes the node; the intent outlives a rejoin. */
  public void intendPause(boolean pause) {
    pauseIntent = pause;
  }

  // ---- the cluster's view ----

  /** Moves the node to {@code to}, checking the state machine and reporting the change; no change, no event. */
  public void moveTo(NodeState to, String why) {
    NodeState from = state;
    if (from == to) {
      return;
    }
    state = from.checkTransition(describe(), to, why);
    reason = why;
    becameUp += to == NodeState.UP ? 1 : 0;
    cluster.emit(new NodeStateChanged(cluster.now(), cluster.name(), spec.id(), from, to, why));
  }

  /** How many times the node became UP: it joined, or was resumed. */
  public int timesBecameUp() { return becameUp; }

  /** Whether the node is in the active (quorum) partition. */
  public boolean isActiveMember() {
    return activeMember;
  }

  /** The membership puts the node in ({@code true}) or out of the active partition. */
  public void activeMember(boolean active) {
    activeMember = active;
  }

  // ---- instances and memory ----

  public long committedBytes() {
    return reservedBytes + instanceBytes;
  }

  /** Memory still free for VMs: negative when the node is over-committed. */
  public long freeBytes() {
    return spec.vmMemoryBytes() - committedBytes();
  }

  /** Returns the VMs whose instance holds memory here, in VM order (a copy). */
  public List<SimVm> residents() {
    return new ArrayList<>(vms.values());
  }

  /** Returns the VMs whose stale instances linger here, in VM order (a copy). */
  public List<VmId> staleInstances() {
    return new ArrayList<>(stale.keySet());
  }

  public void place(SimVm vm) {
    if (vms.put(vm.spec().id(), vm) == null) {
      instanceBytes += vm.spec().memoryBytes();
    }
  }

  public void unplace(SimVm vm) {
    if (vms.remove(vm.spec().id()) != null) {
      instanceBytes -= vm.spec().memoryBytes();
    }
  }

  public void addStale(SimVm vm, VmState state) {
    StaleInstance previous = stale.put(vm.spec().id(), new StaleInstance(state, vm.spec().memoryBytes()));
    instanceBytes += vm.spec().memoryBytes() - (previous == null ? 0 : previous.memoryBytes());
  }

  public void removeStale(VmId vm) {
    StaleInstance s = stale.remove(vm);
    if (s != null) {
      instanceBytes -= s.memoryBytes();
    }
  }

  private void clearStale() {
    for (StaleInstance s : stale.values()) {
      instanceBytes -= s.memoryBytes();
    }
    stale.clear();
  }

  /** Reserves memory for {@code group}'s coming start; see {@link SimGroup#reserve}. */
  public void reserveFor(SimGroup group, long bytes) {
    reservedBytes += bytes;
    reserving.add(group);
  }

  /** Gives back what is left of {@code group}'s reservation. */
  public void releaseFor(SimGroup group, long bytes) {
    reservedBytes -= bytes;
    reserving.remove(group);
  }

  /** Reserves memory for a VM migrating in. */
  public void reserve(long bytes) {
    reservedBytes += bytes;
  }

  /** Gives back reserved memory (a migration's, or the part of a group's reservation a VM now commits). */
  public void unreserve(long bytes) {
    reservedBytes -= bytes;
  }

  /** Returns the groups with memory reserved here, in configuration order (a copy). */
  public List<SimGroup> reservingGroups() {
    return new ArrayList<>(reserving);
  }

  /** Returns the node's start slots. */
  public StartSlots startSlots() {
    return slots;
  }

  // ---- owned groups ----

  public void adopt(SimGroup group) {
    owned.add(group);
  }

  public void disown(SimGroup group) {
    owned.remove(group);
  }

  /** A planned move decided to bring {@code group} here: it counts as this node's from now on. */
  public void expect(SimGroup group) {
    incoming.add(group);
  }

  /** The planned move of {@code group} here has ended, however it ended. */
  public void unexpect(SimGroup group) {
    incoming.remove(group);
  }

  /** Returns the groups this node owns, in configuration order (a copy). */
  public List<SimGroup> ownedGroups() {
    return new ArrayList<>(owned);
  }

  // ---- Host ----

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
    vms.forEach((id, vm) -> all.put(id, vm.vmState()));
    return Collections.unmodifiableMap(all);
  }

  @Override
  public Optional<VmState> instance(VmId vm) {
    cluster.guard();
    SimVm current = cluster.vmOrNull(vm);
    if (current != null && current.node() == this && current.vmState().holdsMemory()) {
      return Optional.of(current.vmState());
    }
    if (stale.isEmpty()) {
      return Optional.empty();
    }
    StaleInstance s = stale.get(vm);
    return s == null ? Optional.empty() : Optional.of(s.state());
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
    // A placed group is owned by its node from the moment it is placed, reservation included; a group a
    // planned move is bringing here counts from the moment the move was decided, so that the next
    // decision of the same drain sees it.
    int count = owned.size();
    for (SimGroup g : incoming) {
      if (!owned.contains(g)) {
        count++;
      }
    }
    return count;
  }

  @Override
  public String toString() {
    return spec.id() + "[" + state + (powered ? "" : ",off") + (hung ? ",hung" : "") + "]";
  }
}
