package io.hvcluster.core.cluster;

import io.hvcluster.api.ClusterFaults;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.SavedStateDamage;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.FaultApplied;
import io.hvcluster.api.event.FaultHealed;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimLun;
import io.hvcluster.core.cluster.model.SimVm;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Applies and heals faults in one cluster. Each fault is validated and recorded here (a
 * {@code FaultApplied} or {@code FaultHealed} event), then handed to the one place that reacts to it:
 * the node service for what befalls a node, the links and heartbeats for the network, the LUNs and
 * fencing for storage, the resource monitor for a VM's worker process and guest, the memory adapter for
 * saved states.
 */
final class FaultInjector implements ClusterFaults {
  final SimCluster c;
  final ClusterModel model;
  private final NetworkFaults network;

  FaultInjector(SimCluster cluster, ClusterModel model) {
    this.c = cluster;
    this.model = model;
    this.network = new NetworkFaults(this);
  }

  void applied(String fault, String detail) {
    model.emit(new FaultApplied(model.now(), model.name(), fault, detail));
  }

  void healed(String fault, String detail) {
    model.emit(new FaultHealed(model.now(), model.name(), fault, detail));
  }

  /**
   * A fault on a node: when {@code applies} holds of it, the fault is recorded (applied, or healed when
   * {@code heal}) and handed to {@code reaction}; otherwise it changes nothing.
   */
  private void onHost(HostId id, Predicate<SimHost> applies, boolean heal, String fault, String detail,
      Consumer<SimHost> reaction) {
    model.guard();
    SimHost h = model.hostModel(id);
    if (applies.test(h)) {
      record(heal, fault, detail);
      reaction.accept(h);
    }
  }

  /** Like {@link #onHost}, for a fault on a VM. */
  private void onVm(VmId id, Predicate<SimVm> applies, boolean heal, String fault, Consumer<SimVm> reaction) {
    model.guard();
    SimVm vm = model.vmModel(id);
    if (applies.test(vm)) {
      record(heal, fault, id.name());
      reaction.accept(vm);
    }
  }

  private void record(boolean heal, String fault, String detail) {
    if (heal) {
      healed(fault, detail);
    } else {
      applied(fault, detail);
    }
  }

  @Override
  public void crashHost(HostId id) {
    onHost(id, SimHost::isPowered, false, "host-crash", id.name(), c.nodes::powerLost);
  }

  @Override
  public void powerOnHost(HostId id) {
    onHost(id, h -> !h.isPowered(), true, "host-crash", id.name() + " powered on", c.nodes::poweredOn);
  }

  @Override
  public void hangHost(HostId id) {
    onHost(id, h -> h.isPowered() && !h.isHung(), false, "host-hang", id.name(), c.nodes::hung);
  }

  @Override
  public void resumeHost(HostId id) {
    onHost(id, SimHost::isHung, true, "host-hang", id.name() + " resumed", c.nodes::resumed);
  }

  @Override
  public void crashClusterService(HostId id) {
    onHost(id, h -> h.serviceRunning() && h.isPowered(), false, "cluster-service-crash", id.name(),
        c.nodes::serviceCrashed);
  }

  @Override
  public void cutLink(HostId from, HostId to) {
    network.cutLink(from, to);
  }

  @Override
  public void restoreLink(HostId from, HostId to) {
    network.restoreLink(from, to);
  }

  @Override
  public void partition(List<Set<HostId>> sides) {
    network.partition(sides);
  }

  @Override
  public void healNetwork() {
    network.healNetwork();
  }

  @Override
  public void delayHeartbeats(HostId from, HostId to, Duration delay) {
    network.delayHeartbeats(from, to, delay);
  }

  @Override
  public void cutNetwork(HostId node, String name) {
    network.clusterNetwork(node, name, true);
  }

  @Override
  public void restoreNetwork(HostId node, String name) {
    network.clusterNetwork(node, name, false);
  }

  @Override
  public void cutMigrationLink(HostId a, HostId b) {
    network.migrationLink(a, b, true);
  }

  @Override
  public void restoreMigrationLink(HostId a, HostId b) {
    network.migrationLink(a, b, false);
  }

  @Override
  public void failStorageWrites(LunId lunId, boolean noSpace) {
    model.guard();
    SimLun lun = model.storage().get(lunId);
    String why = noSpace ? "no space left on the LUN" : "I/O error";
    applied(noSpace ? "storage-no-space" : "storage-write-error", lunId.name());
    lun.failWrites(why);
  }

  @Override
  public void restoreStorageWrites(LunId lunId) {
    model.guard();
    SimLun lun = model.storage().get(lunId);
    String was = lun.restoreWrites();
    if (was != null) {
      healed(was.startsWith("no space") ? "storage-no-space" : "storage-write-error", lunId.name());
    }
  }

  @Override
  public void damageSavedState(VmId id, SavedStateDamage damage) {
    model.guard();
    SimVm vm = model.vmModel(id);
    Objects.requireNonNull(damage, "damage");
    applied("saved-state-" + damage.name().toLowerCase(Locale.ROOT).replace('_', '-'), id.name());
    c.memory.damageSavedState(vm, damage);
  }

  @Override
  public void loseMigrationAcknowledgement(VmId id) {
    model.guard();
    SimVm vm = model.vmModel(id);
    applied("migration-ack-lost", id.name());
    vm.loseAcknowledgement();
  }

  @Override
  public void failStoragePaths(HostId hostId, LunId lunId, int paths) {
    model.guard();
    SimHost h = model.hostModel(hostId);
    SimLun lun = model.storage().get(lunId);
    if (paths < 1) {
      throw new IllegalArgumentException("paths to fail is " + paths + "; fail at least 1");
    }
    int before = lun.pathsLeft(hostId);
    lun.losePaths(hostId, paths);
    int left = lun.pathsLeft(hostId);
    applied("storage-path-down", hostId + " -> " + lunId + ": " + left + " of " + model.storagePaths() + " paths left");
    if (before > 0 && left == 0) {
      c.failover.storageLost(h, lun, hostId + " lost every path to " + lun.describe());
    }
  }

  @Override
  public void restoreStoragePaths(HostId hostId, LunId lunId) {
    model.guard();
    model.hostModel(hostId);
    SimLun lun = model.storage().get(lunId);
    if (lun.restorePaths(hostId)) {
      healed("storage-path-down", hostId + " -> " + lunId + ": all paths back");
      c.failover.kick();
      c.membership.requestDecision();
    }
  }

  @Override
  public void takeLunOffline(LunId lunId) {
    model.guard();
    SimLun lun = model.storage().get(lunId);
    if (lun.isArrayOffline()) {
      return;
    }
    applied("lun-offline", lunId.name());
    lun.arrayOffline(true, "the storage array took the LUN offline");
    for (SimHost h : model.hosts()) {
      c.failover.storageLost(h, lun, lun.describe() + " went offline at the array");
    }
  }

  @Override
  public void bringLunOnline(LunId lunId) {
    model.guard();
    SimLun lun = model.storage().get(lunId);
    if (!lun.isArrayOffline()) {
      return;
    }
    healed("lun-offline", lunId.name());
    lun.arrayOffline(false, "the storage array serves the LUN again");
    c.membership.requestDecision();
    c.failover.kick();
  }

  @Override
  public void loseWitness() {
    model.guard();
    SimLun w = model.witness();
    if (w == null || w.isArrayOffline()) {
      return;
    }
    applied("witness-loss", w.spec().id().name());
    w.arrayOffline(true, "the witness is unavailable");
    c.membership.requestDecision();
  }

  @Override
  public void restoreWitness() {
    model.guard();
    SimLun w = model.witness();
    if (w == null || !w.isArrayOffline()) {
      return;
    }
    healed("witness-loss", w.spec().id().name());
    w.arrayOffline(false, "the witness is available again");
    c.membership.requestDecision();
    c.failover.kick();
  }

  @Override
  public void slowLun(LunId lunId, double factor) {
    model.guard();
    SimLun lun = model.storage().get(lunId);
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
    c.paths.lunSpeedChanged(lun);
  }

  @Override
  public void preemptReservation(LunId lunId, HostId by) {
    model.guard();
    SimLun lun = model.storage().get(lunId);
    SimHost h = model.hostModel(by);
    applied("reservation-preempt", lunId + " by " + by);
    lun.preempt(h, by + " preempted the reservation (rogue initiator)");
  }

  @Override
  public void crashVm(VmId id) {
    onVm(id, vm -> vm.node() != null && vm.vmState().isExecuting() && vm.node().isPowered(), false, "vm-crash",
        c.failover::workerCrashed);
  }

  @Override
  public void hangGuest(VmId id) {
    onVm(id, vm -> !vm.guestHung() && vm.vmState() == VmState.RUNNING, false, "guest-hang", c.failover::guestHung);
  }

  @Override
  public void resumeGuest(VmId id) {
    onVm(id, SimVm::guestHung, true, "guest-hang", c.failover::guestResumed);
  }

  @Override
  public void failNextStarts(VmId id, int count, Duration after) {
    model.guard();
    SimVm vm = model.vmModel(id);
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
