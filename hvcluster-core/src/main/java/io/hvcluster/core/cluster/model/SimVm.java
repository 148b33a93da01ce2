package io.hvcluster.core.cluster.model;

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
import org.apiguardian.api.API;

/**
 * A VM: its current instance's state and node (the hypervisor's truth), the operator's intent, and the
 * restart bookkeeping of its resource. Its guest memory and saved state are kept by the cluster's memory
 * adapter ({@link MemoryPort}).
 *
 * <p>Every field is private: the VM changes only through its intention methods. {@link #moveTo} is the
 * one place its instance changes state: it checks the state machine, keeps its nodes' memory accounting
 * and start slots right, and reports the change.
 *
 * <p>It is longer than 400 lines because a VM's state has many facets that the engine changes (its
 * instance and node, the operator's intent, execution and guest, starts and start slots, restart
 * accounting, migration), each a handful of small intention methods; they stay in one class so that
 * {@link #moveTo} sees all of them.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SimVm implements VirtualMachine {
  private final ClusterModel cluster;
  private final VmSpec spec;
  private final int index;
  private SimGroup group;
  private VmState state = VmState.OFF;
  private SimHost host;
  private String reason = "";

  /** The operator (or startAll) asked for the VM to run; the cluster keeps it running. */
  private boolean wanted;
  private boolean operatorStopped;
  /** Stopped executing during a live migration's blackout. */
  private boolean frozen;
  /** The guest hangs: it stops answering the heartbeat integration service. */
  private boolean guestHung;
  private int failingStarts;
  private long failingStartNanos;
  /** A fault will lose the acknowledgement of this VM's next switchover. */
  private boolean ackLost;

  /** The pending completion of a boot, save, restore or shutdown. */
  private Runnable timer;
  /** The heartbeat integration service's timeout for a hung guest. */
  private EventLoop.Timer heartbeatTimer;
  /** Times of restarts on {@link #restartHost}, inside the restart period. */
  private final ArrayDeque<Long> restarts = new ArrayDeque<>();
  private SimHost restartHost;
  private Migration migration;
  private long boots;
  /** Runs when a save or shutdown begun by the lifecycle ends, however it ends. */
  private Runnable offlineDone;
  /** The host on which a start of this VM waits for a free start slot. */
  private SimHost queuedOn;
  /** The host whose start slot this VM holds while it starts or restores. */
  private SimHost slotHost;

  SimVm(ClusterModel cluster, VmSpec spec, int index) {
    this.cluster = cluster;
    this.spec = spec;
    this.index = index;
  }

  public String describe() {
    return "VM '" + spec.id() + "'";
  }

  /** Returns the VM's position in configuration order. */
  public int index() {
    return index;
  }

  /** Returns the VM's group (its failover unit). */
  public SimGroup groupModel() {
    return group;
  }

  /** The VM joins its group once, when the cluster builds its groups or the VM is added. */
  public void joinGroup(SimGroup g) {
    if (group != null) {
      throw new IllegalStateException(describe() + " already belongs to " + group.describe());
    }
    group = g;
  }

  /** Returns the state of the VM's current instance (unguarded, for the engine's own use). */
  public VmState vmState() {
    return state;
  }

  /** Returns the node of the VM's current instance, or null. */
  public SimHost node() {
    return host;
  }

  /** Whether the instance is booting or restoring. */
  public boolean isStarting() {
    return state == VmState.STARTING || state == VmState.RESTORING;
  }

  /** Whether the VM's instance executes guest code right now. */
  public boolean executing() {
    return state.isExecuting() && !frozen && host != null && host.running();
  }

  /** Whether the VM does useful work for its users: running (or migrating live), not frozen, guest not hung. */
  public boolean serving() {
    return (state == VmState.RUNNING || state == VmState.MIGRATING) && executing() && !guestHung;
  }

  /** Records why the VM is as it is, without a change of state (shown as its last reason). */
  public void note(String why) {
    reason = why;
  }

  /**
   * Moves the VM's current instance to {@code next} on {@code onHost} (null for none), checking the
   * state machine, keeping the hosts' instance maps and start slots right, and reporting the change.
   */
  public void moveTo(VmState next, SimHost onHost, String why) {
    VmState from = state;
    from.checkTransition(describe(), next, why);
    if ((from == VmState.STARTING || from == VmState.RESTORING) && next != from) {
      releaseSlot();
    }
    if (offlineDone != null && (from == VmState.SAVING || from == VmState.STOPPING) && next != from) {
      // Taking the VM offline ended some other way (it was killed or fenced mid-save): whoever waits for
      // it learns so after this event.
      Runnable done = offlineDone;
      offlineDone = null;
      cluster.loop().schedule(0, done);
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
    if (!next.holdsMemory()) {
      cluster.memory().instanceEnded(this);
    }
    cluster.emit(new VmStateChanged(cluster.now(), cluster.name(), spec.id(),
        Optional.ofNullable(host).map(SimHost::id), from, next, why));
    cluster.listener().vmChanged(this, from, why);
  }

  /** The instance moves to {@code target} while it holds no memory (a migration between save and restore). */
  public void relocateTo(SimHost target) {
    if (state.holdsMemory()) {
      throw new IllegalStateException(describe() + " cannot be relocated while " + state + "; save or stop it first");
    }
    if (host != null) {
      host = target;
    }
  }

  /** The instance stops at once with nothing saved; a restoring VM keeps its (intact) saved state. */
  public void die(String why) {
    cancelTimers();
    frozen = false;
    guestHung = false;
    if (state == VmState.RESTORING) {
      moveTo(VmState.SAVED, host, why + "; its saved state is intact");
    } else if (state != VmState.OFF && state != VmState.SAVED) {
      moveTo(VmState.OFF, null, why);
    }
  }

  /**
   * The cluster stops counting the instance as the VM (it was fenced, or it lingers where a defect left
   * it): the instance stays behind on its node as a stale one, and the VM is off.
   */
  public void abandonInstance(String why) {
    host.addStale(this, state);
    cancelTimers();
    moveTo(VmState.OFF, null, why);
  }

  // ---- operator intent ----

  /** Whether the VM should run: an operator (or start-all) started it and nobody stopped it since. */
  public boolean wanted() {
    return wanted;
  }

  public boolean operatorStopped() {
    return operatorStopped;
  }

  /** An operator starts the VM: the cluster keeps it running from now on. */
  public void startedByOperator() {
    wanted = true;
    operatorStopped = false;
  }

  /** An operator stops the VM: the cluster never starts it on its own again. */
  public void stoppedByOperator() {
    wanted = false;
    operatorStopped = true;
  }

  // ---- execution ----

  public boolean isFrozen() {
    return frozen;
  }

  /** The instance stops executing for a live migration's blackout. */
  public void freeze() {
    frozen = true;
  }

  /** The instance executes again after a blackout. */
  public void thaw() {
    frozen = false;
  }

  public boolean guestHung() {
    return guestHung;
  }

  /** The guest OS hangs: it stops answering the heartbeat integration service. */
  public void hangGuest() {
    guestHung = true;
  }

  /** The guest OS answers again (or the instance it hung in is gone). */
  public void guestResponds() {
    guestHung = false;
  }

  /** The heartbeat integration service times out a hung guest after {@code timeoutNanos}, running {@code action}. */
  public void watchGuestHeartbeat(long timeoutNanos, Runnable action) {
    heartbeatTimer = cluster.loop().schedule(timeoutNanos, () -> {
      heartbeatTimer = null;
      action.run();
    });
  }

  /** Stops watching the guest's heartbeat. */
  public void stopWatchingGuestHeartbeat() {
    if (heartbeatTimer != null) {
      heartbeatTimer.cancel();
      heartbeatTimer = null;
    }
  }

  /** The next {@code count} starts fail after {@code nanos} each (a broken configuration or disk). */
  public void failNextStarts(int count, long nanos) {
    failingStarts = count;
    failingStartNanos = nanos;
  }

  /** Returns whether the start beginning now is one that fails, counting it off. */
  public boolean takeFailingStart() {
    if (failingStarts > 0) {
      failingStarts--;
      return true;
    }
    return false;
  }

  /** Returns how long a failing start takes before it fails. */
  public long failingStartNanos() {
    return failingStartNanos;
  }

  /** Returns how many times the VM took a start slot (numbers its boots' random streams). */
  public long boots() {
    return boots;
  }

  /** Waits for {@code pending}, the completion of a boot, restore, save or shutdown. */
  public void awaitCompletion(EventLoop.Timer pending) {
    timer = pending::cancel;
  }

  /** Waits for a completion that {@code cancel} calls off (a transfer of shared bandwidth, say). */
  public void awaitCompletion(Runnable cancel) {
    timer = cancel;
  }

  /** The awaited completion fell due. */
  public void completionDue() {
    timer = null;
  }

  /** {@code done} runs when the save or shutdown under way ends, however it ends. */
  public void offlineDone(Runnable done) {
    offlineDone = done;
  }

  /** The save or shutdown under way ended as planned: nobody needs telling otherwise. */
  public void offlineCompleted() {
    offlineDone = null;
  }

  public void cancelTimers() {
    if (timer != null) {
      timer.run();
      timer = null;
    }
    stopWatchingGuestHeartbeat();
  }

  // ---- start slots ----

  /** Returns the host on which a start of this VM waits for a free slot, or null. */
  public SimHost queuedOn() {
    return queuedOn;
  }

  /** A start of the VM waits for a free slot on {@code h}. */
  public void queueOn(SimHost h) {
    queuedOn = h;
  }

  /** The start waiting on {@code h} left its queue (it runs now, or {@code h} dropped it). */
  public void dequeued(SimHost h) {
    if (queuedOn == h) {
      queuedOn = null;
    }
  }

  /** The VM takes a start slot on {@code h} for the boot or restore it begins. */
  public void takeStartSlot(SimHost h) {
    h.startSlots().taken();
    slotHost = h;
    boots++;
  }

  /**
   * Gives back the start slot the VM held, whenever it leaves STARTING or RESTORING, so a slot is freed
   * exactly once; the next queued start runs after the current event.
   */
  private void releaseSlot() {
    SimHost h = slotHost;
    if (h == null) {
      return;
    }
    slotHost = null;
    StartSlots.Queued next = h.startSlots().freed();
    if (next != null) {
      cluster.loop().schedule(0, next.run());
    }
  }

  // ---- restart accounting ----

  /**
   * Returns how many restarts on {@code h} fell inside the restart period ending now: counting starts
   * afresh on another node, and restarts older than the period are forgotten.
   */
  public int recentRestarts(SimHost h, long now, long period) {
    if (restartHost != h) {
      restarts.clear();
      restartHost = h;
    }
    while (!restarts.isEmpty() && now - restarts.peekFirst() >= period) {
      restarts.pollFirst();
    }
    return restarts.size();
  }

  /** Counts a restart in place now. */
  public void recordRestart(long now) {
    restarts.addLast(now);
  }

  /** Forgets the restarts counted so far (the group moves on, or an operator starts it again). */
  public void forgetRestarts() {
    restarts.clear();
  }

  // ---- migration ----

  /** Returns the migration moving the VM, or null. */
  public Migration migration() {
    return migration;
  }

  /** A migration begins to move the VM. */
  public void migrationBegan(Migration run) {
    migration = run;
  }

  /** The migration moving the VM ended (or is ending, and must not be ended again through the VM). */
  public void migrationEnded() {
    migration = null;
  }

  /** A fault will lose the acknowledgement of the VM's next switchover. */
  public void loseAcknowledgement() {
    ackLost = true;
  }

  public boolean acknowledgementLost() {
    return ackLost;
  }

  /** The migration that lost its acknowledgement has ended and confirmed its outcome. */
  public void acknowledgementConfirmed() {
    ackLost = false;
  }

  // ---- VirtualMachine ----

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
    return group.name();
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
    return Optional.ofNullable(cluster.memory().memory(this));
  }

  @Override
  public String toString() {
    return spec.id() + "[" + state + (host == null ? "" : "@" + host.id()) + "]";
  }
}
