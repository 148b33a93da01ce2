package io.hvcluster.core.cluster;

import io.hvcluster.api.ClusterFaults;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.SavedStateDamage;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.FaultApplied;
import io.hvcluster.api.event.FaultHealed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Applies and heals faults in one cluster. Each fault is validated and recorded here (a
 * {@code FaultApplied} or {@code FaultHealed} event), then handed to the one place that reacts to it:
 * the node service for what befalls a node, the links and heartbeats for the network, the LUNs and
 * fencing for storage, the resource monitor for a VM's worker process and guest, the memory adapter for
 * saved states.
 */
final class FaultInjector implements ClusterFaults {
  private final SimCluster c;

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
    if (!h.isPowered()) {
      return;
    }
    applied("host-crash", id.name());
    c.nodes.powerLost(h);
  }

  @Override
  public void powerOnHost(HostId id) {
    c.guard();
    SimHost h = c.hostModel(id);
    if (h.isPowered()) {
      return;
    }
    healed("host-crash", id.name() + " powered on");
    c.nodes.poweredOn(h);
  }

  @Override
  public void hangHost(HostId id) {
    c.guard();
    SimHost h = c.hostModel(id);
    if (!h.isPowered() || h.isHung()) {
      return;
    }
    applied("host-hang", id.name());
    c.nodes.hung(h);
  }

  @Override
  public void resumeHost(HostId id) {
    c.guard();
    SimHost h = c.hostModel(id);
    if (!h.isHung()) {
      return;
    }
    healed("host-hang", id.name() + " resumed");
    c.nodes.resumed(h);
  }

  @Override
  public void crashClusterService(HostId id) {
    c.guard();
    SimHost h = c.hostModel(id);
    if (!h.serviceRunning() || !h.isPowered()) {
      return;
    }
    applied("cluster-service-crash", id.name());
    c.nodes.serviceCrashed(h);
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
    lun.failWrites(why);
  }

  @Override
  public void restoreStorageWrites(LunId lunId) {
    c.guard();
    SimLun lun = c.storage.get(lunId);
    String was = lun.restoreWrites();
    if (was != null) {
      healed(was.startsWith("no space") ? "storage-no-space" : "storage-write-error", lunId.name());
    }
  }

  @Override
  public void damageSavedState(VmId id, SavedStateDamage damage) {
    c.guard();
    SimVm vm = c.vmModel(id);
    Objects.requireNonNull(damage, "damage");
    applied("saved-state-" + damage.name().toLowerCase(Locale.ROOT).replace('_', '-'), id.name());
    c.memory.damageSavedState(vm, damage);
  }

  @Override
  public void loseMigrationAcknowledgement(VmId id) {
    c.guard();
    SimVm vm = c.vmModel(id);
    applied("migration-ack-lost", id.name());
    vm.loseAcknowledgement();
  }

  @Override
  public void failStoragePaths(HostId hostId, LunId lunId, int paths) {
    c.guard();
    SimHost h = c.hostModel(hostId);
    SimLun lun = c.storage.get(lunId);
    if (paths < 1) {
      throw new IllegalArgumentException("paths to fail is " + paths + "; fail at least 1");
    }
    int before = lun.pathsLeft(hostId);
    lun.losePaths(hostId, paths);
    int left = lun.pathsLeft(hostId);
    applied("storage-path-down", hostId + " -> " + lunId + ": " + left + " of " + c.storagePaths() + " paths left");
    if (before > 0 && left == 0) {
      c.fencing.storageLost(h, lun, hostId + " lost every path to " + lun.describe());
    }
  }

  @Override
  public void restoreStoragePaths(HostId hostId, LunId lunId) {
    c.guard();
    c.hostModel(hostId);
    SimLun lun = c.storage.get(lunId);
    if (lun.restorePaths(hostId)) {
      healed("storage-path-down", hostId + " -> " + lunId + ": all paths back");
      c.reconciler.kick();
      c.membership.requestDecision();
    }
  }

  @Override
  public void takeLunOffline(LunId lunId) {
    c.guard();
    SimLun lun = c.storage.get(lunId);
    if (lun.isArrayOffline()) {
      return;
    }
    applied("lun-offline", lunId.name());
    lun.arrayOffline(true, "the storage array took the LUN offline");
    for (SimHost h : c.hosts) {
      c.fencing.storageLost(h, lun, lun.describe() + " went offline at the array");
    }
  }

  @Override
  public void bringLunOnline(LunId lunId) {
    c.guard();
    SimLun lun = c.storage.get(lunId);
    if (!lun.isArrayOffline()) {
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
    if (w == null || w.isArrayOffline()) {
      return;
    }
    applied("witness-loss", w.spec().id().name());
    w.arrayOffline(true, "the witness is unavailable");
    c.membership.requestDecision();
  }

  @Override
  public void restoreWitness() {
    c.guard();
    SimLun w = c.witness;
    if (w == null || !w.isArrayOffline()) {
      return;
    }
    healed("witness-loss", w.spec().id().name());
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
    if (factor == lun.slowdown()) {
      return;
    }
    if (factor == 1.0) {
      healed("storage-latency", lunId + " back to normal speed");
    } else {
      applied("storage-latency", lunId + " " + factor + "x slower");
    }
    lun.slowDown(factor);
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
    SimHost h = vm.node();
    if (h == null || !vm.vmState().isExecuting() || !h.isPowered()) {
      return;
    }
    applied("vm-crash", id.name());
    c.monitor.workerCrashed(vm);
  }

  @Override
  public void hangGuest(VmId id) {
    c.guard();
    SimVm vm = c.vmModel(id);
    if (vm.guestHung() || vm.vmState() != VmState.RUNNING) {
      return;
    }
    applied("guest-hang", id.name());
    c.monitor.guestHung(vm);
  }

  @Override
  public void resumeGuest(VmId id) {
    c.guard();
    SimVm vm = c.vmModel(id);
    if (!vm.guestHung()) {
      return;
    }
    healed("guest-hang", id.name());
    c.monitor.guestResumed(vm);
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
    vm.failNextStarts(count, after.toNanos());
  }
}
