package io.hvcluster.core.cluster;

import io.hvcluster.api.GroupState;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.event.GroupPlaced;
import io.hvcluster.api.event.PlacementFailed;
import io.hvcluster.api.placement.PlacementDecision;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.api.placement.PlacementRequest;
import io.hvcluster.api.spec.FailbackPolicy;
import io.hvcluster.api.spec.FailoverPolicy;
import io.hvcluster.api.spec.RestartAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The failover engine: it keeps every group whose VMs are wanted online, one group at a time in
 * priority order. For a group without a live owner it arbitrates the group's LUNs for a node chosen by
 * the placement policy (the witness first), then starts the VMs there; it applies the restart policy to
 * failed VMs and the failover threshold to groups, and fails groups back to their preferred owners when
 * the policy allows.
 */
final class Reconciler {
  private static final long RESTART_DELAY_NANOS = 500_000_000L;
  private static final long HOUR = 3_600_000_000_000L;

  private final SimCluster cluster;
  private boolean pending;
  /** Groups by priority, highest first, then configuration order; rebuilt when groups are added. */
  private List<SimGroup> order = List.of();

  Reconciler(SimCluster cluster) {
    this.cluster = cluster;
  }

  /** Asks for a reconciliation pass after the current event. */
  void kick() {
    if (!pending) {
      pending = true;
      cluster.kernel.loop().schedule(0, this::run);
    }
  }

  private void kickAt(long time) {
    cluster.kernel.loop().scheduleAt(Math.max(time, cluster.now()), io.hvcluster.core.sim.EventLoop.Priority.NORMAL,
        this::kick);
  }

  private void run() {
    pending = false;
    if (!cluster.membership.hasQuorum()) {
      return;
    }
    if (!witnessSettled()) {
      return;
    }
    ensureCsvCoordinators();
    if (order.size() != cluster.groups.size()) {
      List<SimGroup> sorted = new ArrayList<>(cluster.groups);
      sorted.sort(Comparator.comparingInt((SimGroup g) -> -g.lead().priority().value()).thenComparingInt(SimGroup::index));
      order = sorted;
    }
    for (SimGroup g : order) {
      if (needsStart(g)) {
        bringOnline(g);
      }
    }
    for (SimGroup g : order) {
      considerFailback(g);
    }
  }

  /** Re-arbitrates the witness for the active partition first; returns false while that is under way. */
  private boolean witnessSettled() {
    SimLun w = cluster.witness;
    if (w == null || w.isArrayOffline()) {
      return true;
    }
    if (w.isArbitrating()) {
      return false;
    }
    SimHost holder = w.ownerNode();
    if (holder != null && cluster.membership.isActive(holder) && holder.sendsHeartbeats() && w.reachableFrom(holder)) {
      return true;
    }
    for (SimHost h : cluster.membership.active()) {
      if (h.sendsHeartbeats() && w.reachableFrom(h)) {
        w.arbitrate(h, "the witness is arbitrated first", won -> kick());
        return false;
      }
    }
    return true;
  }

  /**
   * Gives every Cluster Shared Volume a coordinator: an active member with a path that owns the
   * volume's metadata. Other nodes without a path reach the volume through it (redirected I/O).
   */
  private void ensureCsvCoordinators() {
    for (SimLun lun : cluster.storage.sharedVolumes) {
      if (lun.isArrayOffline() || lun.isArbitrating()) {
        continue;
      }
      SimHost c = lun.ownerNode();
      boolean usable = c != null && cluster.membership.isActive(c) && lun.reachableFrom(c);
      if (usable && c.canHostGroups()) {
        continue;
      }
      // A paused coordinator hands the role to a node that hosts groups, if there is one; it is never
      // re-arbitrated for itself, which would kick this pass again at once, forever.
      SimHost next = null;
      for (SimHost h : cluster.membership.active()) {
        if (h == c || !h.sendsHeartbeats() || !lun.reachableFrom(h)) {
          continue;
        }
        if (h.canHostGroups()) {
          next = h;
          break;
        }
        if (next == null && !usable) {
          next = h;
        }
      }
      if (next != null) {
        lun.arbitrate(next, "coordinator of Cluster Shared Volume " + lun.spec().id(), won -> kick());
      }
    }
  }

  private boolean needsStart(SimGroup g) {
    if (g.activity() != SimGroup.Activity.IDLE || g.isLocked()) {
      return false;
    }
    SimHost owner = g.ownerNode();
    return switch (g.groupState()) {
      case OFFLINE -> g.wantsOnline();
      case FAILED -> g.retryAt() >= 0 && cluster.now() >= g.retryAt() && g.wantsOnline();
      // An online group only starts more of its VMs on its own live owner; if the owner died, the
      // cluster learns it from the heartbeats and fails the whole group over then.
      case ONLINE, ONLINE_PENDING -> anyWantedNeedsBoot(g)
          && (owner != null && (owner.canHostGroups() || keepsRunningGroup(g)) && cluster.membership.isActive(owner)
              || g.groupState() == GroupState.ONLINE_PENDING && pendingOnUnusableOwner(g));
      case OFFLINE_PENDING -> false;
    };
  }

  private static boolean anyWantedNeedsBoot(SimGroup g) {
    for (SimVm vm : g.members()) {
      if (vm.wanted() && needsBoot(vm) && vm.queuedOn() == null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the group's owner is a paused node that still runs some of the group's VMs: a paused node
   * takes no new groups, but a group that stays on it restarts its own VMs there (the group's LUNs cannot
   * move while some of its VMs run).
   */
  private static boolean keepsRunningGroup(SimGroup g) {
    SimHost owner = g.ownerNode();
    if (owner == null || owner.nodeState() != io.hvcluster.api.NodeState.PAUSED || !owner.sendsHeartbeats()) {
      return false;
    }
    return runsAnyOn(g, owner);
  }

  /**
   * Whether a group still coming online is stuck on an owner that may not start it (paused meanwhile,
   * or gone, or none at all) while none of its VMs holds memory there: it is placed anew, instead of
   * waiting forever.
   */
  private static boolean pendingOnUnusableOwner(SimGroup g) {
    SimHost owner = g.ownerNode();
    return owner == null || !runsAnyOn(g, owner);
  }

  private static boolean needsBoot(SimVm vm) {
    VmState state = vm.vmState();
    return state == VmState.OFF || state == VmState.FAILED || state == VmState.SAVED;
  }

  private void bringOnline(SimGroup g) {
    SimHost owner = g.ownerNode();
    SimHost target;
    PlacementReason reason = g.nextReason();
    boolean ownerUsable = owner != null && (owner.canHostGroups() || keepsRunningGroup(g))
        && cluster.membership.isActive(owner) && owner != g.avoided() && storageReachable(g, owner);
    long need = ownerUsable ? pendingMemory(g, owner) : 0;
    boolean ownerFull = ownerUsable && need > owner.freeBytes();
    if (ownerFull && runsAnyOn(g, owner)) {
      String why = "owner " + owner.id() + " lacks " + SimCluster.size(need) + " of free memory to restart the group";
      SimVm failed = g.members().stream().filter(v -> v.wanted() && v.vmState() == VmState.FAILED && v.node() == owner)
          .findFirst().orElse(null);
      SimVm waiting = g.members().stream().filter(v -> v.wanted() && v.migration() == null && v.queuedOn() == null
          && (v.vmState() == VmState.OFF || v.vmState() == VmState.SAVED)).findFirst().orElse(null);
      if (failed != null || waiting != null) {
        // The restart of a failed VM, or the start of one an operator started again, fails for want of
        // memory on the owner: it counts against the restart threshold, and past it the group fails over,
        // as a unit, to a node with room for all of it, as WSFC does after any failed start.
        placementFailed(g, why);
        vmFailed(failed != null ? failed : waiting, owner, (failed != null ? "restart" : "start") + " failed: " + why);
        return;
      }
      // Some of the group's VMs run on the owner and none waits to start: it waits for room there.
      placementFailed(g, why);
      return;
    }
    if (ownerUsable && !ownerFull) {
      target = owner;
    } else {
      // No VM of the group holds memory on a full owner: the group is placed anew like after a failure.
      target = place(g, reason);
      if (target == null) {
        return;
      }
      // The chosen node owns the group from now on, so later placements see it there (group counts,
      // anti-affinity) while its LUNs are arbitrated.
      g.moveTo(g.groupState(), target, "placed on " + target.id() + "; arbitrating for its storage");
    }
    g.reserve(target, pendingMemory(g, target));
    g.setActivity(SimGroup.Activity.ARBITRATING);
    cluster.reservations.acquire(g.ordinaryLuns(), target, "bring " + g.describe() + " online", won -> {
      if (g.activity() != SimGroup.Activity.ARBITRATING) {
        return;
      }
      boolean usable = target.canHostGroups() || target == g.ownerNode() && keepsRunningGroup(g);
      if (!won || !usable || !cluster.membership.isActive(target)) {
        g.releaseReservation();
        g.setActivity(SimGroup.Activity.IDLE);
        if (g.ownerNode() == target && g.groupState() != GroupState.ONLINE) {
          // Nothing of the group is coming online any more: a pending group is offline again.
          GroupState next = g.groupState() == GroupState.ONLINE_PENDING ? GroupState.OFFLINE : g.groupState();
          g.moveTo(next, null, "placement on " + target.id() + " abandoned");
        }
        placementFailed(g, won ? target.id() + " left before the group could start"
            : target.id() + " lost the arbitration for the group's LUNs");
        kickAt(cluster.now() + cluster.costs().arbitration().toNanos());
        return;
      }
      startOn(g, target);
    });
  }

  private static boolean runsAnyOn(SimGroup g, SimHost host) {
    for (SimVm vm : g.members()) {
      if (vm.node() == host && vm.vmState().holdsMemory()) {
        return true;
      }
    }
    return false;
  }

  /** Memory the wanted VMs of the group still need on {@code host}. */
  private static long pendingMemory(SimGroup g, SimHost host) {
    long need = 0;
    for (SimVm vm : g.members()) {
      if (vm.wanted() && !(vm.node() == host && vm.vmState().holdsMemory())) {
        need += vm.spec().memoryBytes();
      }
    }
    return need;
  }

  private boolean storageReachable(SimGroup g, SimHost host) {
    for (SimVm vm : g.members()) {
      for (var id : vm.spec().luns()) {
        if (!cluster.storage.get(id).usableFrom(host)) {
          return false;
        }
      }
    }
    return true;
  }

  private void startOn(SimGroup g, SimHost target) {
    if (g.groupState() != GroupState.ONLINE || g.ownerNode() != target) {
      g.moveTo(GroupState.ONLINE_PENDING, target, "bringing online on " + target.id());
    }
    g.setActivity(SimGroup.Activity.STARTING);
    g.nextReason(PlacementReason.INITIAL);
    boolean any = false;
    for (SimVm vm : g.members()) {
      if (vm.wanted() && needsBoot(vm) && vm.queuedOn() == null) {
        any = true;
        long mem = vm.spec().memoryBytes();
        cluster.lifecycle.start(vm, target,
            () -> vm.wanted() && needsBoot(vm) && g.ownerNode() == target && g.activity() == SimGroup.Activity.STARTING,
            () -> g.consumeReservation(target, mem), () -> vmRunning(vm));
      }
    }
    if (!any) {
      g.releaseReservation();
      checkOnline(g);
    }
  }

  private void vmRunning(SimVm vm) {
    cluster.guestClusters.vmRunning(vm);
    checkOnline(vm.groupModel());
  }

  /**
   * A VM's start ended without it running (an operator stop or a kill cancelled it): the group must not
   * stay busy waiting for it.
   */
  void startCancelled(SimVm vm) {
    SimGroup g = vm.groupModel();
    if (g.activity() == SimGroup.Activity.STARTING) {
      checkOnline(g);
      kick();
    }
  }

  private void checkOnline(SimGroup g) {
    SimHost owner = g.ownerNode();
    for (SimVm vm : g.members()) {
      // Only a start on the group's owner is still to come. An instance left starting on another node
      // (frozen on a hung node the group failed over from) never reports back here, and waiting for it
      // would leave the group busy, and its VMs down, forever.
      if (vm.wanted() && vm.isStarting() && vm.node() == owner || vm.queuedOn() != null && vm.queuedOn() == owner) {
        return;
      }
    }
    boolean allRunning = g.members().stream()
        .allMatch(v -> !v.wanted() || v.vmState() == VmState.RUNNING && v.node() == owner);
    g.endStart();
    if (allRunning && owner != null) {
      g.avoid(null);
      g.moveTo(GroupState.ONLINE, owner, "all VMs running");
    } else {
      // A VM of the group was started again (or stopped and started) while others were coming up: the
      // group needs another pass to start what is still down.
      kick();
    }
  }

  /**
   * A migration's save froze on a hung host and the migration ended; the host has now resumed, still a
   * member. The VM runs on where it was if its group still lives there with its storage; otherwise it
   * stops, and the group brings it online wherever it is.
   */
  void frozenSaveAbandoned(SimVm vm, SimHost host, String why) {
    if (vm.vmState() != VmState.SAVING || vm.node() != host || vm.migration() != null) {
      return;
    }
    SimGroup g = vm.groupModel();
    boolean holdsStorage = cluster.reservations.held(g.ordinaryLuns(), host);
    if (g.ownerNode() == host && holdsStorage) {
      vm.moveTo(VmState.RUNNING, host, why);
      if (g.groupState() == GroupState.OFFLINE || g.groupState() == GroupState.FAILED) {
        g.moveTo(GroupState.ONLINE_PENDING, host, why);
      }
      checkOnline(g);
    } else {
      cluster.lifecycle.kill(vm, why + "; its group no longer lives on " + host.id());
      kick();
    }
  }

  /** A start could not begin (its host stopped running): the group tries again. */
  void startAbandoned(SimVm vm, String why) {
    SimGroup g = vm.groupModel();
    g.endStart();
    if (g.ownerNode() != null && g.groupState() != GroupState.OFFLINE) {
      g.moveTo(GroupState.OFFLINE, null, "start abandoned: " + why);
    }
    kick();
  }

  /**
   * A VM resource failed on a live node (crash, failed or timed-out start, hung guest, lost I/O): the
   * restart policy decides between restarting in place, failing the group over, or leaving it failed.
   */
  void vmFailed(SimVm vm, String why) {
    vmFailed(vm, vm.node(), why);
  }

  /**
   * A VM resource failed on {@code host}. A VM that is not running there (fenced while its host hung, or
   * off or saved and unable to start for want of memory) keeps its state; its resource failed all the
   * same, and the restart policy counts the failure on {@code host}.
   */
  void vmFailed(SimVm vm, SimHost host, String why) {
    SimGroup g = vm.groupModel();
    vm.cancelTimers();
    VmState state = vm.vmState();
    if (state != VmState.FAILED && state != VmState.OFF && state != VmState.SAVED) {
      vm.moveTo(VmState.FAILED, host, why);
    }
    g.endStart();
    g.moveTo(GroupState.FAILED, g.ownerNode(), vm.describe() + " failed: " + why);
    if (!vm.wanted()) {
      return;
    }
    FailoverPolicy policy = vm.spec().failover();
    long now = cluster.now();
    int restarts = vm.recentRestarts(host, now, policy.restartPeriod().toNanos());
    switch (policy.restartAction()) {
      case DONT_RESTART -> retryLater(g, policy, "restart action is DONT_RESTART");
      case RESTART_NO_NOTIFY, RESTART_NOTIFY -> {
        if (restarts < policy.restartThreshold()) {
          vm.recordRestart(now);
          g.retryAt(now + RESTART_DELAY_NANOS);
          kickAt(g.retryAt());
        } else if (policy.restartAction() == RestartAction.RESTART_NOTIFY) {
          failOver(g, host, "restart threshold exceeded: " + policy.restartThreshold() + " restarts in "
              + policy.restartPeriod().toMinutes() + " min on " + (host == null ? "its node" : host.id()));
        } else {
          retryLater(g, policy, "restart threshold exceeded and the restart action never fails over");
        }
      }
      default -> throw new AssertionError(policy.restartAction());
    }
  }

  private void retryLater(SimGroup g, FailoverPolicy policy, String why) {
    g.retryAt(cluster.now() + policy.retryPeriodOnFailure().toNanos());
    g.note(why + "; next try after the retry period of " + policy.retryPeriodOnFailure().toMinutes() + " min");
    kickAt(g.retryAt());
  }

  /** Moves a failed group off {@code from}: its other VMs are turned off and its LUNs released. */
  private void failOver(SimGroup g, SimHost from, String why) {
    for (SimVm other : g.members()) {
      // The group moves on: restarts in place count afresh wherever it lands, even back on this node
      // when it is the only one left.
      other.forgetRestarts();
      if (other.vmState().holdsMemory()) {
        cluster.lifecycle.kill(other, "group " + g.name() + " fails over: " + why);
      }
    }
    for (SimLun lun : g.ordinaryLuns()) {
      if (from != null) {
        lun.release(from, "released for failover of " + g.describe());
      }
    }
    g.avoid(from);
    g.moveTo(GroupState.OFFLINE, null, why);
    g.retryAt(-1);
    if (countFailover(g, from, why)) {
      g.nextReason(PlacementReason.FAILOVER);
      kick();
    }
  }

  /**
   * Counts a failover against the group's threshold. Returns false (and leaves the group failed) when
   * the threshold inside the failover period is exhausted.
   */
  private boolean countFailover(SimGroup g, SimHost from, String why) {
    FailoverPolicy policy = g.policy();
    long now = cluster.now();
    int threshold = policy.effectiveFailoverThreshold(cluster.hosts.size());
    if (g.recentFailovers(now, policy.failoverPeriod().toNanos()) >= threshold) {
      g.lock();
      String locked = "failover threshold exceeded: " + threshold + " failovers in " + policy.failoverPeriod().toHours()
          + " h; the group stays failed until an operator starts it";
      if (g.groupState() != GroupState.FAILED) {
        g.moveTo(GroupState.FAILED, g.ownerNode(), locked);
      } else {
        g.note(locked);
      }
      return false;
    }
    int count = g.recordFailover(now);
    cluster.emit(new FailoverStarted(now, cluster.name(), g.name(), Optional.ofNullable(from).map(SimHost::id),
        count, why));
    return true;
  }

  /** A node left the active partition: its groups lose their owner and fail over. */
  void ownerLost(SimHost host, String why) {
    List<SimGroup> touched = host.ownedGroups();
    for (SimGroup g : touched) {
      g.releaseReservation();
      // A migration ends itself (it is aborted and resolves its VM); a planned move of a group of several
      // VMs is not a migration and cannot complete once its owner is gone, so it is over too.
      if (g.activity() != SimGroup.Activity.MOVING || g.members().stream().noneMatch(v -> v.migration() != null)) {
        g.setActivity(SimGroup.Activity.IDLE);
      }
      boolean wanted = g.wantsOnline();
      String lost = "owner " + host.id() + " left the cluster: " + why;
      if (g.isLocked()) {
        g.moveTo(GroupState.FAILED, null, lost + "; the group stays failed (failover threshold)");
      } else if (g.groupState() == GroupState.OFFLINE) {
        g.setOwner(null);
      } else {
        g.moveTo(GroupState.OFFLINE, null, lost);
      }
      if (wanted && !g.isLocked() && countFailover(g, host, "node " + host.id() + " failed: " + why)) {
        g.nextReason(PlacementReason.FAILOVER);
      }
    }
    for (SimGroup g : host.reservingGroups()) {
      g.releaseReservation();
      if (g.activity() == SimGroup.Activity.ARBITRATING) {
        g.setActivity(SimGroup.Activity.IDLE);
      }
      if (!touched.contains(g)) {
        touched.add(g);
      }
    }
    for (SimGroup g : touched) {
      cluster.availability.pendingStartsStalled(g, "owner " + host.id() + " left the cluster: " + why);
    }
    kick();
  }

  /** Asks the placement policy for a node and checks its answer against the hard constraints. */
  SimHost place(SimGroup g, PlacementReason reason) {
    // A node without a path to the group's storage cannot bring its disks online: WSFC moves on to the
    // next node, so such a node is no candidate at all.
    List<Host> candidates = new ArrayList<>();
    List<HostId> pathless = new ArrayList<>();
    for (SimHost h : cluster.membership.active()) {
      if (h.canHostGroups() && h != g.avoided()) {
        if (storageReachable(g, h)) {
          candidates.add(h);
        } else {
          pathless.add(h.id());
        }
      }
    }
    SimHost avoided = g.avoided();
    if (candidates.isEmpty() && avoided != null && avoided.canHostGroups() && cluster.membership.isActive(avoided)
        && storageReachable(g, avoided)) {
      candidates.add(avoided);
    }
    // The VMs to run: an operator-stopped VM of the group takes no memory where the group goes.
    List<VirtualMachine> vms = new ArrayList<>();
    for (SimVm vm : g.members()) {
      if (vm.wanted()) {
        vms.add(vm);
      }
    }
    if (vms.isEmpty()) {
      vms.addAll(g.members());
    }
    PlacementRequest request = new PlacementRequest(cluster, g, vms, candidates, reason,
        Optional.ofNullable(g.ownerNode()).map(SimHost::id));
    if (candidates.isEmpty()) {
      placementFailed(g, pathless.isEmpty() ? "no node is up and unpaused in the active partition"
          : "no up, unpaused node of the active partition can reach the group's storage (no path from "
              + pathless.stream().map(HostId::toString).collect(Collectors.joining(", ")) + ")");
      return null;
    }
    PlacementDecision decision;
    SimHost planned = g.plannedTarget();
    if (planned != null && candidates.contains(planned) && fits(g, planned)) {
      decision = PlacementDecision.choose(planned.id(), "planned move");
    } else {
      decision = cluster.placementPolicy.place(request);
    }
    g.forgetPlannedTarget();
    if (decision.host().isEmpty()) {
      placementFailed(g, decision.reason());
      return null;
    }
    HostId chosen = decision.host().get();
    SimHost target = cluster.hostOrNull(chosen);
    String refusal = target == null ? "it is not a node of the cluster"
        : !candidates.contains(target) ? "it is not an up, unpaused member"
        : !g.members().stream().allMatch(v -> v.spec().mayRunOn(chosen)) ? "it is not a possible owner"
        : !fits(g, target) ? "it lacks " + SimCluster.size(pendingMemory(g, target)) + " of free memory"
        : !storageReachable(g, target) ? "it cannot reach the group's storage"
        : null;
    if (refusal != null) {
      placementFailed(g, cluster.placementPolicy.name() + " chose " + chosen + " but " + refusal);
      return null;
    }
    g.placed();
    cluster.emit(new GroupPlaced(cluster.now(), cluster.name(), g.name(), chosen, cluster.placementPolicy.name(),
        decision.reason()));
    return target;
  }

  private static boolean fits(SimGroup g, SimHost h) {
    return pendingMemory(g, h) <= h.freeBytes();
  }

  private void placementFailed(SimGroup g, String why) {
    String waiting = "waiting: " + why;
    for (SimVm vm : g.members()) {
      // A VM that should run but cannot be placed says why itself, not only through its group; and its
      // pending start, if it has one, is now downtime (counted from when the start was asked for).
      if (vm.wanted() && needsBoot(vm) && vm.queuedOn() == null) {
        vm.note(waiting);
        cluster.availability.startHeldUp(vm, waiting);
      }
    }
    if (g.placementFailed(why, waiting)) {
      cluster.emit(new PlacementFailed(cluster.now(), cluster.name(), g.name(), why));
    }
  }

  /** Moves an online group back to its most preferred owner when its failback policy allows it now. */
  private void considerFailback(SimGroup g) {
    if (g.groupState() != GroupState.ONLINE) {
      return;
    }
    FailbackPolicy failback = g.policy().failback();
    if (failback.type() == io.hvcluster.api.spec.FailbackType.PREVENT
        || g.activity() != SimGroup.Activity.IDLE || g.ownerNode() == null || g.lead().preferredOwners().isEmpty()) {
      return;
    }
    List<HostId> preferred = g.lead().preferredOwners();
    int current = preferred.indexOf(g.ownerNode().id());
    SimHost best = null;
    for (int i = 0; i < (current < 0 ? preferred.size() : current); i++) {
      SimHost h = cluster.hostOrNull(preferred.get(i));
      if (h != null && h.canHostGroups() && cluster.membership.isActive(h) && fits(g, h) && storageReachable(g, h)) {
        best = h;
        break;
      }
    }
    if (best == null) {
      return;
    }
    long now = cluster.now();
    int hour = (int) ((now / HOUR) % 24);
    if (!failback.allowsAt(hour)) {
      long nextWindow = (now / HOUR + Math.floorMod(failback.windowStartHour() - hour, 24)) * HOUR;
      if (!g.failbackScheduled()) {
        g.failbackScheduled(true);
        cluster.kernel.loop().scheduleAt(Math.max(nextWindow, now + 1), io.hvcluster.core.sim.EventLoop.Priority.NORMAL, () -> {
          g.failbackScheduled(false);
          kick();
        });
      }
      return;
    }
    cluster.moves.moveGroup(g, best, PlacementReason.FAILBACK, "failback to preferred owner " + best.id());
  }
}
