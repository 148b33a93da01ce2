package io.hvcluster.core.cluster.model;

import io.hvcluster.api.ClusterGroup;
import io.hvcluster.api.GroupState;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.event.GroupStateChanged;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.api.spec.FailoverPolicy;
import io.hvcluster.api.spec.VmSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A cluster group: VMs that share ordinary LUNs, with those LUNs. Its failover policy, preferred owners
 * and priority are those of its first VM.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SimGroup implements ClusterGroup {
  /**
   * What the reconciler is doing with the group.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.INTERNAL, since = "0.1.0")
  public enum Activity {
    IDLE, ARBITRATING, WAITING_FOR_SLOT, STARTING, STOPPING, MOVING
  }

  private final ClusterModel cluster;
  private final int index;
  private final String name;
  /** The group's VMs, an immutable list replaced when a VM joins (so iterating it costs nothing). */
  private List<SimVm> vms;
  /** The group's ordinary LUNs, immutable like {@link #vms}. */
  private List<SimLun> luns;
  private GroupState state = GroupState.OFFLINE;
  /** The owning node; change it only through {@link #setOwner} so the node's group set stays right. */
  private SimHost owner;
  /** The last node the group was on (coming online, online or going offline there), or null. */
  private SimHost lastOwner;
  private String reason = "";

  private Activity activity = Activity.IDLE;
  /** Failovers inside the failover period, oldest first. */
  private final ArrayDeque<Long> failovers = new ArrayDeque<>();
  /** The failover threshold was exceeded: the group stays failed until an operator starts it. */
  private boolean locked;
  /** When a failed group may be tried again, or -1. */
  private long retryAt = -1;
  /** The node memory is reserved on; change it only through {@link #reserve} and {@link #releaseReservation}. */
  private SimHost reservedOn;
  private long reservedBytes;
  private String lastPlacementFailure = "";
  private PlacementReason nextReason = PlacementReason.INITIAL;
  /** A node to avoid at the next placement (the one where the restart threshold was exceeded). */
  private SimHost avoid;
  /** The node a planned move (drain, failback) is taking the group to. */
  private SimHost plannedTarget;
  private boolean failbackScheduled;
  /** The target of the last failback move that has not reached it, and how often it had become UP then. */
  private SimHost failbackTarget;
  private int failbackTargetUps;

  SimGroup(ClusterModel cluster, int index, String name, List<SimVm> vms, List<SimLun> luns) {
    this.cluster = cluster;
    this.index = index;
    this.name = name;
    this.vms = List.copyOf(vms);
    this.luns = List.copyOf(luns);
  }

  public String describe() {
    return "group '" + name + "'";
  }

  /** Returns the group's position in configuration order. */
  public int index() {
    return index;
  }

  /** Returns the group's VMs in configuration order (immutable). */
  public List<SimVm> members() {
    return vms;
  }

  /** A VM added to the running cluster joins the group, with its ordinary LUNs the group lacks. */
  public void addMember(SimVm vm, List<SimLun> ordinary) {
    List<SimVm> grown = new ArrayList<>(vms);
    grown.add(vm);
    vms = List.copyOf(grown);
    List<SimLun> disks = new ArrayList<>(luns);
    for (SimLun lun : ordinary) {
      if (!disks.contains(lun)) {
        disks.add(lun);
      }
    }
    luns = List.copyOf(disks);
  }

  /** Returns the group's ordinary (non-CSV) LUNs (immutable), which fail over with it. */
  public List<SimLun> ordinaryLuns() {
    return luns;
  }

  public GroupState groupState() {
    return state;
  }

  /** Moves to {@code next} with {@code newOwner}, reporting the change when state or owner differ. */
  public void moveTo(GroupState next, SimHost newOwner, String why) {
    GroupState from = state;
    if (from == next && owner == newOwner) {
      return;
    }
    if (from != next) {
      state = from.checkTransition(describe(), next, why);
    }
    setOwner(newOwner);
    if (newOwner != null && (next == GroupState.ONLINE_PENDING || next == GroupState.ONLINE
        || next == GroupState.OFFLINE_PENDING)) {
      lastOwner = newOwner;
    }
    reason = why;
    cluster.emit(new GroupStateChanged(cluster.now(), cluster.name(), name,
        Optional.ofNullable(owner).map(SimHost::id), from, next, why));
  }

  /** Returns the owning node, or null. */
  public SimHost ownerNode() {
    return owner;
  }

  /**
   * Returns the last node the group was on: where it last came online, ran or went offline (a node it
   * was only placed on, whose storage it never got, does not count), or null if it never was on one.
   */
  public SimHost previousOwner() {
    return lastOwner;
  }

  public void setOwner(SimHost next) {
    if (owner == next) {
      return;
    }
    if (owner != null) {
      owner.disown(this);
    }
    owner = next;
    if (next != null) {
      next.adopt(this);
    }
  }

  /** Records why the group is as it is, without a change of state (shown as its last reason). */
  public void note(String why) {
    reason = why;
  }

  public Activity activity() {
    return activity;
  }

  /** The reconciler begins (or ends, with {@link Activity#IDLE}) something with the group. */
  public void setActivity(Activity next) {
    activity = next;
  }

  /** A start under way ends, however it ends: the group is idle again and its reservation released. */
  public void endStart() {
    if (activity == Activity.STARTING) {
      activity = Activity.IDLE;
      releaseReservation();
    }
  }

  /** Returns whether the failover threshold locked the group until an operator starts it. */
  public boolean isLocked() {
    return locked;
  }

  /**
   * Returns how many failovers fell inside the failover period ending now, forgetting older ones.
   */
  public int recentFailovers(long now, long period) {
    while (!failovers.isEmpty() && now - failovers.peekFirst() >= period) {
      failovers.pollFirst();
    }
    return failovers.size();
  }

  /** Counts a failover now; returns how many fell inside the period so far, this one included. */
  public int recordFailover(long now) {
    failovers.addLast(now);
    return failovers.size();
  }

  /**
   * The failover threshold is exhausted: the group stays failed until an operator starts it or, at
   * {@code retryTime} ({@code RetryPeriodOnFailure} later), the cluster tries it again.
   */
  public void lock(long retryTime) {
    locked = true;
    retryAt = retryTime;
  }

  /**
   * Unlocks a group locked by its failover threshold once its retry time has come; its failover count
   * stays, so a failure inside the failover period locks it again at once. Returns whether it unlocked.
   */
  public boolean retryDue(long now) {
    if (!locked || retryAt < 0 || now < retryAt) {
      return false;
    }
    locked = false;
    return true;
  }

  /**
   * An operator starts a VM of the group: a group locked by its failover threshold is unlocked, with its
   * failover count and {@code vm}'s restart count forgotten; a failed group is retried now. Returns
   * whether the group was locked.
   */
  public boolean operatorStarts(SimVm vm, long now) {
    boolean wasLocked = locked;
    if (locked) {
      locked = false;
      failovers.clear();
      vm.forgetRestarts();
    }
    if (state == GroupState.FAILED) {
      retryAt = now;
    }
    return wasLocked;
  }

  /**
   * An operator moves the group: as an operator's start does, this clears a lock of the failover
   * threshold with the failover count and every member's restart count, and a failed group is tried now.
   */
  public void operatorMoves(long now) {
    if (locked) {
      locked = false;
      failovers.clear();
    }
    vms.forEach(SimVm::forgetRestarts);
    if (state == GroupState.FAILED) {
      retryAt = now;
    }
  }

  /** Returns when a failed group may be tried again, or -1 for never on its own. */
  public long retryAt() {
    return retryAt;
  }

  /** A failed group may be tried again at {@code time} (-1: not on its own). */
  public void retryAt(long time) {
    retryAt = time;
  }

  /**
   * A placement of the group failed for {@code why}; returns whether that differs from the last failure
   * (which then becomes the group's reason, {@code waiting}).
   */
  public boolean placementFailed(String why, String waiting) {
    if (why.equals(lastPlacementFailure)) {
      return false;
    }
    lastPlacementFailure = why;
    reason = waiting;
    return true;
  }

  /** The group was placed: the next failure to place it is news again. */
  public void placed() {
    lastPlacementFailure = "";
  }

  /** Returns why the group will be placed next. */
  public PlacementReason nextReason() {
    return nextReason;
  }

  /** The group's next placement happens for {@code why}. */
  public void nextReason(PlacementReason why) {
    nextReason = why;
  }

  /** Returns the node to avoid at the next placement, or null. */
  public SimHost avoided() {
    return avoid;
  }

  /** The next placement avoids {@code host} if it can (null: avoid nothing). */
  public void avoid(SimHost host) {
    avoid = host;
  }

  /** Returns the node a planned move takes the group to, or null. */
  public SimHost plannedTarget() {
    return plannedTarget;
  }

  /**
   * A planned move (drain, failback) has decided to take the group to {@code target}: the target counts
   * it among its groups from now on, and the group's next placement takes it there if it still can.
   */
  public void planMove(SimHost target) {
    forgetPlannedTarget();
    plannedTarget = target;
    target.expect(this);
  }

  /** The planned move, if any, is over or has been considered: the next placement is the policy's again. */
  public void forgetPlannedTarget() {
    if (plannedTarget != null) {
      plannedTarget.unexpect(this);
      plannedTarget = null;
    }
  }

  /**
   * Records a failback move towards {@code target}: until the group is on it, or the target becomes UP
   * again, {@link #failbackHeld} says another failback towards it is not to be tried.
   */
  public void failbackTried(SimHost target) {
    failbackTarget = target;
    failbackTargetUps = target.timesBecameUp();
  }

  /** Whether a failback towards {@code target} already failed since the target last became UP. */
  public boolean failbackHeld(SimHost target) {
    // Held until it succeeded (the group is there) or the target came back (a new trigger).
    return target == failbackTarget && ownerNode() != target && target.timesBecameUp() == failbackTargetUps;
  }

  /** Returns whether a failback is already scheduled for the next failback window. */
  public boolean failbackScheduled() {
    return failbackScheduled;
  }

  /** Marks whether a failback is scheduled for the next failback window. */
  public void failbackScheduled(boolean scheduled) {
    failbackScheduled = scheduled;
  }

  public VmSpec lead() {
    return vms.get(0).spec();
  }

  public FailoverPolicy policy() {
    return lead().failover();
  }

  public boolean wantsOnline() {
    for (SimVm vm : vms) {
      if (vm.wanted()) {
        return true;
      }
    }
    return false;
  }

  public long memoryBytes() {
    long sum = 0;
    for (SimVm vm : vms) {
      sum += vm.spec().memoryBytes();
    }
    return sum;
  }

  /** Reserves {@code bytes} of memory on {@code host} for this group's coming start. */
  public void reserve(SimHost host, long bytes) {
    releaseReservation();
    reservedOn = host;
    reservedBytes = bytes;
    host.reserveFor(this, bytes);
  }

  /**
   * Hands {@code bytes} of the reservation on {@code host} over to a VM that starts there (its memory is
   * committed from now on); nothing happens if the reservation was released or moved meanwhile.
   */
  public void consumeReservation(SimHost host, long bytes) {
    if (reservedOn == host) {
      long taken = Math.min(bytes, reservedBytes);
      reservedBytes -= taken;
      host.unreserve(taken);
    }
  }

  public void releaseReservation() {
    if (reservedOn != null) {
      reservedOn.releaseFor(this, reservedBytes);
      reservedOn = null;
      reservedBytes = 0;
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<VmId> vms() {
    return vms.stream().map(v -> v.spec().id()).toList();
  }

  @Override
  public List<LunId> luns() {
    return luns.stream().map(l -> l.spec().id()).toList();
  }

  @Override
  public GroupState state() {
    cluster.guard();
    return state;
  }

  @Override
  public Optional<HostId> owner() {
    cluster.guard();
    return Optional.ofNullable(owner).map(SimHost::id);
  }

  @Override
  public int failoverCount() {
    cluster.guard();
    long window = policy().failoverPeriod().toNanos();
    long now = cluster.now();
    return (int) failovers.stream().filter(t -> now - t < window).count();
  }

  @Override
  public String lastReason() {
    cluster.guard();
    return reason;
  }

  @Override
  public String toString() {
    return name + "[" + state + (owner == null ? "" : "@" + owner.id()) + "]";
  }
}
