package io.hvcluster.core.cluster;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.sim.EventLoop;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * A VM: its current instance's state and node (the hypervisor's truth), the operator's intent, and the
 * restart bookkeeping of its resource.
 */
final class SimVm implements VirtualMachine {
  final SimCluster cluster;
  final VmSpec spec;
  SimGroup group;
  VmState state = VmState.OFF;
  SimHost host;
  String reason = "";

  /** The operator (or startAll) asked for the VM to run; the cluster keeps it running. */
  boolean wanted;
  boolean operatorStopped;
  /** Stopped executing during a live migration's blackout. */
  boolean frozen;
  /** The guest hangs: it stops answering the heartbeat integration service. */
  boolean guestHung;
  int failingStarts;
  long failingStartNanos;
  /** The VM's memory once materialized; see {@link MemoryManager}. */
  GuestMemory memory;
  io.hvcluster.core.memory.GuestWorkload workload;
  /** When the guest last finished a cold boot and began to write its memory. */
  long bootedAt;
  /** The touched pages of the last save, for modeled memory (real memory keeps them in the saved file). */
  io.hvcluster.api.PageSet savedImage;
  long savedGeneration;
  /** Damage done to a modeled saved state by a storage fault (real saved states are damaged on disk). */
  io.hvcluster.api.SavedStateDamage savedImageDamage;
  /** Auto-converge throttle of the guest's writes, 0 to 0.99. */
  double throttle;
  /** A fault will lose the acknowledgement of this VM's next switchover. */
  boolean ackLost;

  /** The pending completion of a boot, save, restore or shutdown. */
  EventLoop.Timer timer;
  EventLoop.Timer pendingTimer;
  EventLoop.Timer heartbeatTimer;
  /** Times of restarts on {@link #restartHost}, inside the restart period. */
  final ArrayDeque<Long> restarts = new ArrayDeque<>();
  SimHost restartHost;
  MigrationRun migration;
  long boots;
  /** Runs when a save or shutdown begun by {@link Lifecycle#takeOffline} ends, however it ends. */
  Runnable offlineDone;
  /** The host on which a start of this VM waits for a free start slot. */
  SimHost queuedOn;
  /** The host whose start slot this VM holds while it starts or restores. */
  SimHost slotHost;

  SimVm(SimCluster cluster, VmSpec spec) {
    this.cluster = cluster;
    this.spec = spec;
  }

  String describe() {
    return "VM '" + spec.id() + "'";
  }

  /** Whether the VM's instance executes guest code right now. */
  boolean executing() {
    return state.isExecuting() && !frozen && host != null && host.powered && !host.hung;
  }

  /** Whether the VM does useful work for its users: running (or migrating live), not frozen, guest not hung. */
  boolean serving() {
    return (state == VmState.RUNNING || state == VmState.MIGRATING) && executing() && !guestHung;
  }

  /**
   * Moves the VM's current instance to {@code next} on {@code onHost} (null for none), checking the
   * state machine, keeping the hosts' instance maps right, and reporting the change.
   */
  void moveTo(VmState next, SimHost onHost, String why) {
    VmState from = state;
    from.checkTransition(describe(), next, why);
    if ((from == VmState.STARTING || from == VmState.RESTORING) && next != from) {
      cluster.lifecycle.releaseSlot(this);
    }
    if (offlineDone != null && (from == VmState.SAVING || from == VmState.STOPPING) && next != from) {
      // Taking the VM offline ended some other way (it was killed or fenced mid-save): whoever waits for
      // it learns so after this event.
      Runnable done = offlineDone;
      offlineDone = null;
      cluster.kernel.loop().schedule(0, done);
    }
    if (host != null) {
      host.unplace(this);
    }
    host = next == VmState.OFF ? null : onHost;
    state = next;
    reason = why;
    if (host != null && next.holdsMemory()) {
      host.place(this);
    }
    if (!next.holdsMemory() && memory != null) {
      memory.close();
      memory = null;
    }
    cluster.emit(new VmStateChanged(cluster.now(), cluster.name(), spec.id(),
        Optional.ofNullable(host).map(SimHost::id), from, next, why));
    cluster.availability.update(this, why);
    if (from == VmState.RUNNING && next != VmState.RUNNING) {
      cluster.guestClusters.vmStopped(this, why);
    }
  }

  void cancelTimers() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    if (pendingTimer != null) {
      pendingTimer.cancel();
      pendingTimer = null;
    }
    if (heartbeatTimer != null) {
      heartbeatTimer.cancel();
      heartbeatTimer = null;
    }
  }

  @Override
  public VmId id() {
    return spec.id();
  }

  @Override
  public VmSpec spec() {
    return spec;
  }

  @Override
  public VmState state() {
    cluster.guard();
    return state;
  }

  @Override
  public Optional<HostId> host() {
    cluster.guard();
    return Optional.ofNullable(host).map(SimHost::id);
  }

  @Override
  public String group() {
    return group.name;
  }

  @Override
  public boolean isOperatorStopped() {
    cluster.guard();
    return operatorStopped;
  }

  @Override
  public String lastReason() {
    cluster.guard();
    return reason;
  }

  @Override
  public Optional<GuestMemory> memory() {
    cluster.guard();
    return Optional.ofNullable(cluster.memory.memory(this));
  }

  @Override
  public String toString() {
    return spec.id() + "[" + state + (host == null ? "" : "@" + host.id()) + "]";
  }
}
