package io.hvcluster.core.cluster;

import io.hvcluster.api.ClusterFaults;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.FaultApplied;
import io.hvcluster.api.event.FaultHealed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Applies and heals faults in one cluster, then lets the model react. */
final class FaultInjector implements ClusterFaults {
  private final SimCluster c;
  /** Saved-state damages done so far, so that each bit rot flips a different bit. */
  private int damages;

  FaultInjector(SimCluster cluster) {
    this.c = cluster;
  }

  private void applied(String fault, String detail) {
    c.emit(new FaultApplied(c.now(), c.name(), fault, detail));
  }

  private void healed(String fault, String detail) {
    c.emit(new FaultHealed(c.now(), c.name(), fault, detail));
  }

  @Override
  public void crashHost(HostId id) {
    c.guard();
    SimHost h = c.hostModel(id);
    if (!h.powered) {
      return;
    }
    applied("host-crash", id.name());
    h.powered = false;
    h.hung = false;
    h.serviceRunning = false;
    h.parked.clear();
    h.dropQueuedStarts();
    for (SimVm vm : new ArrayList<>(h.vms.values())) {
      c.lifecycle.kill(vm, "host " + id + " crashed (power loss)");
    }
    h.clearStale();
    h.startsInProgress = 0;
    if (h.state == NodeState.JOINING) {
      c.nodes.setNodeState(h, NodeState.DOWN, "host crashed while joining");
    }
    c.heartbeats.hostChanged(h);
    abortMigrationsTouching(h, id + " crashed");
    if (!c.membership.quorumReachable()) {
      c.availability.pendingStartsStalled("host " + id + " crashed (power loss); the nodes left cannot hold quorum");
    }
  }

  private void abortMigrationsTouching(SimHost h, String why) {
    for (MigrationRun run : c.activeMigrations()) {
      if (run.source == h || run.target == h) {
        run.abort(why);
      }
    }
  }

  @Override
  public void powerOnHost(HostId id) {
    c.guard();
    SimHost h = c.hostModel(id);
    if (h.powered) {
      return;
    }
    healed("host-crash", id.name() + " powered on");
    h.powered = true;
    c.nodes.scheduleServiceStart(h, NodeService.hostBootNanos(h.spec.installation()));
  }

  @Override
  public void hangHost(HostId id) {
    c.guard();
    SimHost h = c.hostModel(id);
    if (!h.powered || h.hung) {
      return;
    }
    applied("host-hang", id.name());
    h.hung = true;
    for (SimVm vm : h.vms.values()) {
      c.availability.update(vm, "host " + id + " hung");
      if (vm.state == VmState.RUNNING) {
        c.guestClusters.vmStopped(vm, "host " + id + " hung");
      }
    }
    c.heartbeats.hostChanged(h);
    abortMigrationsTouching(h, id + " hung");
    if (!c.membership.quorumReachable()) {
      c.availability.pendingStartsStalled("host " + id + " hung; the nodes left cannot hold quorum");
    }
  }

  @Override
  public void resumeHost(HostId id) {
    c.guard();
    SimHost h = c.hostModel(id);
    if (!h.hung) {
      return;
    }
    healed("host-hang", id.name() + " resumed");
    h.hung = false;
    if (h.serviceRunning && h.state == NodeState.DOWN) {
      String why = "node " + id + " resumed after the cluster removed it";
      c.nodes.stopService(h, why);
      c.nodes.scheduleServiceStart(h, NodeService.SERVICE_RESTART_NANOS);
    } else {
      List<Runnable> parked = new ArrayList<>(h.parked);
      h.parked.clear();
      parked.forEach(Runnable::run);
      c.fencing.resumedWithFencedInstances(h);
      for (SimVm vm : h.vms.values()) {
        c.availability.update(vm, "host " + id + " resumed");
        if (vm.serving()) {
          c.guestClusters.vmRunning(vm);
        }
      }
      c.heartbeats.listenerResumed(h);
      if (!h.serviceRunning) {
        c.nodes.scheduleServiceStart(h, NodeService.SERVICE_RESTART_NANOS);
      }
    }
  }

  @Override
  public void crashClusterService(HostId id) {
    c.guard();
    SimHost h = c.hostModel(id);
    if (!h.serviceRunning || !h.powered) {
      return;
    }
    applied("cluster-service-crash", id.name());
    c.nodes.stopService(h, "cluster service crashed on " + id + "; its resource monitors stopped the VMs");
    if (h.state == NodeState.JOINING) {
      c.nodes.setNodeState(h, NodeState.DOWN, "cluster service crashed while joining");
    }
    c.nodes.scheduleServiceStart(h, NodeService.SERVICE_RESTART_NANOS);
  }

  @Override
  public void cutLink(HostId from, HostId to) {
    c.guard();
    SimHost a = c.hostModel(from);
    SimHost b = c.hostModel(to);
    requireDistinct(a, b);
    if (c.links.set(a, b, true)) {
      applied("link-cut", from + " -> " + to);
      c.heartbeats.linkChanged(a, b);
    }
  }

  @Override
  public void restoreLink(HostId from, HostId to) {
    c.guard();
    SimHost a = c.hostModel(from);
    SimHost b = c.hostModel(to);
    requireDistinct(a, b);
    if (c.links.set(a, b, false)) {
      healed("link-cut", from + " -> " + to);
      c.heartbeats.linkChanged(a, b);
      // A cut shorter than detection changes no route, but a regroup held meanwhile (for another route)
      // may have left a joining node out for it: the membership looks again now that the link is back.
      c.membership.requestDecision();
    }
  }

  private static void requireDistinct(SimHost a, SimHost b) {
    if (a == b) {
      throw new IllegalArgumentException("a link joins two different nodes; both ends are " + a.id());
    }
  }

  @Override
  public void partition(List<Set<HostId>> sides) {
    c.guard();
    List<Set<SimHost>> groups = new ArrayList<>();
    Set<SimHost> named = new HashSet<>();
    for (Set<HostId> side : sides) {
      Set<SimHost> hosts = new HashSet<>();
      for (HostId id : side) {
        SimHost h = c.hostModel(id);
        if (!named.add(h)) {
          throw new IllegalArgumentException("node " + id + " is named in two sides of the partition; sides must be disjoint");
        }
        hosts.add(h);
      }
      groups.add(hosts);
    }
    Set<SimHost> rest = new HashSet<>(c.hosts);
    rest.removeAll(named);
    if (!rest.isEmpty()) {
      groups.add(rest);
    }
    StringBuilder detail = new StringBuilder();
    for (Set<SimHost> g : groups) {
      detail.append(detail.length() == 0 ? "" : " | ").append(g.stream().map(h -> h.id().name()).sorted().toList());
    }
    applied("partition", detail.toString());
    for (SimHost a : c.hosts) {
      for (SimHost b : c.hosts) {
        if (a != b && sideOf(groups, a) != sideOf(groups, b) && c.links.set(a, b, true)) {
          c.heartbeats.linkChanged(a, b);
        }
      }
    }
  }

  private static int sideOf(List<Set<SimHost>> groups, SimHost h) {
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).contains(h)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void healNetwork() {
    c.guard();
    if (!c.links.anyCut() && !c.links.anyLate()) {
      return;
    }
    healed("partition", "all heartbeat links restored");
    for (SimHost a : c.hosts) {
      for (SimHost b : c.hosts) {
        if (a != b) {
          boolean changed = c.links.set(a, b, false);
          changed |= c.links.setLate(a, b, false);
          if (changed) {
            c.heartbeats.linkChanged(a, b);
          }
        }
      }
    }
    c.membership.requestDecision();
  }

  @Override
  public void delayHeartbeats(HostId from, HostId to, Duration delay) {
    c.guard();
    SimHost a = c.hostModel(from);
    SimHost b = c.hostModel(to);
    requireDistinct(a, b);
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("heartbeat delay is " + delay + "; it must be zero or positive");
    }
    boolean late = delay.compareTo(c.spec().settings().heartbeatDelay()) >= 0;
    if (delay.isZero()) {
      healed("heartbeat-delay", from + " -> " + to);
    } else {
      applied("heartbeat-delay", from + " -> " + to + ": " + delay.toMillis() + " ms"
          + (late ? " (too late to count)" : " (within the heartbeat period)"));
    }
    if (c.links.setLate(a, b, late)) {
      c.heartbeats.linkChanged(a, b);
    }
  }

  @Override
  public void cutMigrationLink(HostId a, HostId b) {
    c.guard();
    SimHost x = c.hostModel(a);
    SimHost y = c.hostModel(b);
    requireDistinct(x, y);
    if (c.links.setMigrationCut(x, y, true)) {
      applied("migration-link-cut", a + " <-> " + b);
    }
  }

  @Override
  public void restoreMigrationLink(HostId a, HostId b) {
    c.guard();
    SimHost x = c.hostModel(a);
    SimHost y = c.hostModel(b);
    requireDistinct(x, y);
    if (c.links.setMigrationCut(x, y, false)) {
      healed("migration-link-cut", a + " <-> " + b);
    }
  }

  @Override
  public void failStorageWrites(LunId lunId, boolean noSpace) {
    c.guard();
    SimLun lun = c.storage.get(lunId);
    String why = noSpace ? "no space left on the LUN" : "I/O error";
    applied(noSpace ? "storage-no-space" : "storage-write-error", lunId.name());
    lun.writeError = why;
  }

  @Override
  public void restoreStorageWrites(LunId lunId) {
    c.guard();
    SimLun lun = c.storage.get(lunId);
    if (lun.writeError != null) {
      healed(lun.writeError.startsWith("no space") ? "storage-no-space" : "storage-write-error", lunId.name());
      lun.writeError = null;
    }
  }

  @Override
  public void damageSavedState(VmId id, io.hvcluster.api.SavedStateDamage damage) {
    c.guard();
    SimVm vm = c.vmModel(id);
    java.util.Objects.requireNonNull(damage, "damage");
    applied("saved-state-" + damage.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), id.name());
    if (c.memory.backing() == io.hvcluster.api.MemoryBacking.MODELED) {
      if (vm.savedImage != null) {
        vm.savedImageDamage = damage;
      }
      return;
    }
    SavedStateFiles.damage(c.memory.store(vm).directory(), id, damage, damages++);
  }

  @Override
  public void loseMigrationAcknowledgement(VmId id) {
    c.guard();
    SimVm vm = c.vmModel(id);
    applied("migration-ack-lost", id.name());
    vm.ackLost = true;
  }

  @Override
  public void failStoragePaths(HostId hostId, LunId lunId, int paths) {
    c.guard();
    SimHost h = c.hostModel(hostId);
    SimLun lun = c.storage.get(lunId);
    if (paths < 1) {
      throw new IllegalArgumentException("paths to fail is " + paths + "; fail at least 1");
    }
    int before = c.storagePaths() - lun.pathsLost.getOrDefault(hostId, 0);
    int lost = Math.min(c.storagePaths(), lun.pathsLost.getOrDefault(hostId, 0) + paths);
    lun.pathsLost.put(hostId, lost);
    int left = c.storagePaths() - lost;
    applied("storage-path-down", hostId + " -> " + lunId + ": " + left + " of " + c.storagePaths() + " paths left");
    if (before > 0 && left == 0) {
      storageLost(h, lun, hostId + " lost every path to " + lun.describe());
    }
  }

  @Override
  public void restoreStoragePaths(HostId hostId, LunId lunId) {
    c.guard();
    c.hostModel(hostId);
    SimLun lun = c.storage.get(lunId);
    if (lun.pathsLost.remove(hostId) != null) {
      healed("storage-path-down", hostId + " -> " + lunId + ": all paths back");
      c.reconciler.kick();
      c.membership.requestDecision();
    }
  }

  /** A node can no longer reach a LUN: its VMs on it fail, unless a Cluster Shared Volume redirects the I/O. */
  private void storageLost(SimHost h, SimLun lun, String why) {
    if (lun == c.witness) {
      c.membership.requestDecision();
      c.reconciler.kick();
      return;
    }
    if (lun.spec.csv() && !lun.arrayOffline) {
      if (lun.owner == h) {
        // The coordinator itself lost its paths: the volume moves to a node that still has them.
        c.reconciler.kick();
      }
      applied("csv-redirected-io", lun.spec.id() + " on " + h.id() + ": I/O redirected through the coordinator");
      return;
    }
    for (SimVm vm : new ArrayList<>(h.vms.values())) {
      if (vm.spec.luns().contains(lun.spec.id()) && (vm.state == VmState.RUNNING || vm.state == VmState.STARTING)
          && vm.migration == null) {
        if (vm.wanted && vm.group.owner == h) {
          c.reconciler.vmFailed(vm, why);
        } else {
          c.lifecycle.kill(vm, why);
        }
      }
    }
  }

  @Override
  public void takeLunOffline(LunId lunId) {
    c.guard();
    SimLun lun = c.storage.get(lunId);
    if (lun.arrayOffline) {
      return;
    }
    applied("lun-offline", lunId.name());
    lun.arrayOffline(true, "the storage array took the LUN offline");
    for (SimHost h : c.hosts) {
      storageLost(h, lun, lun.describe() + " went offline at the array");
    }
  }

  @Override
  public void bringLunOnline(LunId lunId) {
    c.guard();
    SimLun lun = c.storage.get(lunId);
    if (!lun.arrayOffline) {
      return;
    }
    healed("lun-offline", lunId.name());
    lun.arrayOffline(false, "the storage array serves the LUN again");
    c.membership.requestDecision();
    c.reconciler.kick();
  }

  @Override
  public void loseWitness() {
    c.guard();
    SimLun w = c.witness;
    if (w == null || w.arrayOffline) {
      return;
    }
    applied("witness-loss", w.spec.id().name());
    w.arrayOffline(true, "the witness is unavailable");
    c.membership.requestDecision();
  }

  @Override
  public void restoreWitness() {
    c.guard();
    SimLun w = c.witness;
    if (w == null || !w.arrayOffline) {
      return;
    }
    healed("witness-loss", w.spec.id().name());
    w.arrayOffline(false, "the witness is available again");
    c.membership.requestDecision();
    c.reconciler.kick();
  }

  @Override
  public void slowLun(LunId lunId, double factor) {
    c.guard();
    SimLun lun = c.storage.get(lunId);
    if (!(factor >= 1.0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("slowdown factor is " + factor + "; use 1 for normal speed or a finite larger number");
    }
    if (factor == lun.slowdown) {
      return;
    }
    if (factor == 1.0) {
      healed("storage-latency", lunId + " back to normal speed");
    } else {
      applied("storage-latency", lunId + " " + factor + "x slower");
    }
    lun.slowdown = factor;
  }

  @Override
  public void preemptReservation(LunId lunId, HostId by) {
    c.guard();
    SimLun lun = c.storage.get(lunId);
    SimHost h = c.hostModel(by);
    applied("reservation-preempt", lunId + " by " + by);
    lun.preempt(h, by + " preempted the reservation (rogue initiator)");
  }

  @Override
  public void crashVm(VmId id) {
    c.guard();
    SimVm vm = c.vmModel(id);
    if (vm.host == null || !vm.state.isExecuting() || !vm.host.powered) {
      return;
    }
    applied("vm-crash", id.name());
    if (vm.migration != null) {
      vm.migration.abort(id + "'s worker process crashed");
    }
    if (vm.wanted && vm.group.owner == vm.host) {
      c.reconciler.vmFailed(vm, "VM worker process crashed");
    } else {
      c.lifecycle.kill(vm, "VM worker process crashed");
    }
  }

  @Override
  public void hangGuest(VmId id) {
    c.guard();
    SimVm vm = c.vmModel(id);
    if (vm.guestHung || vm.state != VmState.RUNNING) {
      return;
    }
    applied("guest-hang", id.name());
    vm.guestHung = true;
    c.availability.update(vm, "guest OS hung");
    c.guestClusters.vmStopped(vm, "guest hung");
    if (vm.spec.checkHeartbeat()) {
      vm.heartbeatTimer = c.kernel.loop().schedule(SimCluster.GUEST_HEARTBEAT_TIMEOUT_NANOS, () -> {
        vm.heartbeatTimer = null;
        if (vm.guestHung && vm.state == VmState.RUNNING && vm.group.owner == vm.host && vm.wanted) {
          vm.guestHung = false;
          c.availability.update(vm, "guest OS hung");
          c.reconciler.vmFailed(vm, "guest stopped answering the heartbeat integration service");
        }
      });
    }
  }

  @Override
  public void resumeGuest(VmId id) {
    c.guard();
    SimVm vm = c.vmModel(id);
    if (!vm.guestHung) {
      return;
    }
    healed("guest-hang", id.name());
    vm.guestHung = false;
    c.availability.update(vm, "guest OS resumed");
    if (vm.heartbeatTimer != null) {
      vm.heartbeatTimer.cancel();
      vm.heartbeatTimer = null;
    }
    if (vm.state == VmState.RUNNING) {
      c.guestClusters.vmRunning(vm);
    }
  }

  @Override
  public void failNextStarts(VmId id, int count, Duration after) {
    c.guard();
    SimVm vm = c.vmModel(id);
    if (count < 0) {
      throw new IllegalArgumentException("failing start count is " + count + "; it must be 0 or more");
    }
    if (after == null || after.isNegative()) {
      throw new IllegalArgumentException("failing start duration is " + after + "; it must be zero or positive");
    }
    applied("start-failure", id + ": next " + count + " starts fail");
    vm.failingStarts = count;
    vm.failingStartNanos = after.toNanos();
  }
}
