package io.hvcluster.core.cluster;

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
import java.util.List;
import java.util.Optional;

/**
 * A cluster group: VMs that share ordinary LUNs, with those LUNs. Its failover policy, preferred owners
 * and priority are those of its first VM.
 */
final class SimGroup implements ClusterGroup {
  /** What the reconciler is doing with the group. */
  enum Activity {
    IDLE, ARBITRATING, WAITING_FOR_SLOT, STARTING, STOPPING, MOVING
  }

  final SimCluster cluster;
  final int index;
  final String name;
  final List<SimVm> vms;
  final List<SimLun> luns;
  GroupState state = GroupState.OFFLINE;
  /** The owning node; change it only through {@link #setOwner} so the node's group set stays right. */
  SimHost owner;
  String reason = "";

  Activity activity = Activity.IDLE;
  /** Failovers inside the failover period, oldest first. */
  final ArrayDeque<Long> failovers = new ArrayDeque<>();
  /** The failover threshold was exceeded: the group stays failed until an operator starts it. */
  boolean locked;
  /** When a failed group may be tried again, or -1. */
  long retryAt = -1;
  /** The node memory is reserved on; change it only through {@link #reserve} and {@link #releaseReservation}. */
  SimHost reservedOn;
  long reservedBytes;
  String lastPlacementFailure = "";
  PlacementReason nextReason = PlacementReason.INITIAL;
  /** A node to avoid at the next placement (the one where the restart threshold was exceeded). */
  SimHost avoid;
  /** The node a planned move (drain, failback) is taking the group to. */
  SimHost plannedTarget;
  boolean failbackScheduled;

  SimGroup(SimCluster cluster, int index, String name, List<SimVm> vms, List<SimLun> luns) {
    this.cluster = cluster;
    this.index = index;
    this.name = name;
    this.vms = new java.util.ArrayList<>(vms);
    this.luns = new java.util.ArrayList<>(luns);
  }

  String describe() {
    return "group '" + name + "'";
  }

  VmSpec lead() {
    return vms.get(0).spec;
  }

  FailoverPolicy policy() {
    return lead().failover();
  }

  boolean wantsOnline() {
    for (SimVm vm : vms) {
      if (vm.wanted) {
        return true;
      }
    }
    return false;
  }

  long memoryBytes() {
    long sum = 0;
    for (SimVm vm : vms) {
      sum += vm.spec.memoryBytes();
    }
    return sum;
  }

  /** Moves to {@code next} with {@code newOwner}, reporting the change when state or owner differ. */
  void moveTo(GroupState next, SimHost newOwner, String why) {
    GroupState from = state;
    if (from == next && owner == newOwner) {
      return;
    }
    if (from != next) {
      state = from.checkTransition(describe(), next, why);
    }
    setOwner(newOwner);
    reason = why;
    cluster.emit(new GroupStateChanged(cluster.now(), cluster.name(), name,
        Optional.ofNullable(owner).map(SimHost::id), from, next, why));
  }

  void setOwner(SimHost next) {
    if (owner == next) {
      return;
    }
    if (owner != null) {
      owner.owned.remove(this);
    }
    owner = next;
    if (next != null) {
      next.owned.add(this);
    }
  }

  /** Reserves {@code bytes} of memory on {@code host} for this group's coming start. */
  void reserve(SimHost host, long bytes) {
    releaseReservation();
    reservedOn = host;
    reservedBytes = bytes;
    host.reservedBytes += bytes;
    host.reserving.add(this);
  }

  /**
   * Hands {@code bytes} of the reservation on {@code host} over to a VM that starts there (its memory is
   * committed from now on); nothing happens if the reservation was released or moved meanwhile.
   */
  void consumeReservation(SimHost host, long bytes) {
    if (reservedOn == host) {
      long taken = Math.min(bytes, reservedBytes);
      reservedBytes -= taken;
      host.reservedBytes -= taken;
    }
  }

  void releaseReservation() {
    if (reservedOn != null) {
      reservedOn.reservedBytes -= reservedBytes;
      reservedOn.reserving.remove(this);
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
    return vms.stream().map(v -> v.spec.id()).toList();
  }

  @Override
  public List<LunId> luns() {
    return luns.stream().map(l -> l.spec.id()).toList();
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
