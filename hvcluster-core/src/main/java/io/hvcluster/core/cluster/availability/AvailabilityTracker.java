package io.hvcluster.core.cluster.availability;

import io.hvcluster.api.Availability;
import io.hvcluster.api.Outage;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.SimGroup;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimVm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Keeps each VM's availability account as the simulation runs.
 *
 * <p>A start request (an operator's start, or start-all) makes a VM wanted. Until the VM first serves,
 * its start is <em>pending</em>. A pending start that brings the VM up without a hitch costs nothing: the
 * boot an operator asked for is not an outage. The first hitch (the VM's group cannot be placed and
 * waits; the start fails or is cut short; the group loses its owner; a node the VM waits on crashes or
 * hangs; the cluster finds no quorum) turns the whole wait into downtime counted from the start request:
 * an outage that began at the request, with the hitch as its cause. So a VM that is wanted but never gets
 * to run is down from the moment it was asked for, and a cluster whose VMs never come up does not read
 * 100 %.
 *
 * <p>From then on (or from its first serving, after a start without a hitch) the VM is expected to serve
 * until an operator stops it; any expected time in which it does not serve (down, booting after a
 * failover, frozen on a hung host or by a migration) is downtime, recorded as an outage with the cause of
 * the change that began it. An operator stop ends the expectation and any outage still open.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class AvailabilityTracker {
  private static final class Account {
    long last;
    boolean armed;
    boolean wasServing;
    boolean wasWanted;
    boolean wasBooting;
    /** When the pending start was asked for, or -1 when no start is pending. */
    long requestedAt = -1;
    long expected;
    long down;
    final List<Outage> outages = new ArrayList<>();
    int open = -1;
  }

  private final ClusterModel cluster;
  private final Map<VmId, Account> accounts = new LinkedHashMap<>();

  public AvailabilityTracker(ClusterModel cluster) {
    this.cluster = cluster;
  }

  /** Records that something which may change whether {@code vm} serves, or is wanted, just happened. */
  public void update(SimVm vm, String cause) {
    long now = cluster.now();
    Account a = accounts.computeIfAbsent(vm.spec().id(), k -> {
      Account fresh = new Account();
      fresh.last = now;
      return fresh;
    });
    accrue(a, now);
    boolean serving = vm.serving();
    boolean wanted = vm.wanted();
    boolean booting = booting(vm);
    if (!wanted) {
      a.armed = false;
      a.requestedAt = -1;
    } else if (serving) {
      a.armed = true;
      a.requestedAt = -1;
    } else if (!a.armed && a.requestedAt < 0) {
      a.requestedAt = now;
    }
    if (a.requestedAt >= 0 && (vm.vmState() == VmState.FAILED || a.wasBooting && !booting)) {
      // The start failed or was cut short (its host crashed, the cluster lost quorum, the pending timeout).
      heldUp(a, vm, now, cause);
    }
    if (a.open >= 0 && (serving || !a.armed)) {
      Outage o = a.outages.get(a.open);
      a.outages.set(a.open, new Outage(o.vm(), o.startNanos(), now, o.cause()));
      a.open = -1;
    } else if (a.open < 0 && a.armed && !serving) {
      a.outages.add(new Outage(vm.spec().id(), now, -1, cause));
      a.open = a.outages.size() - 1;
    }
    a.wasServing = serving;
    a.wasWanted = wanted;
    a.wasBooting = booting;
  }

  /**
   * Records a hitch in the pending start of {@code vm}, if it has one: its wait since the start request
   * becomes an outage with {@code cause}. Does nothing for a VM that has no pending start.
   */
  public void startHeldUp(SimVm vm, String cause) {
    Account a = accounts.get(vm.spec().id());
    if (a == null || a.requestedAt < 0) {
      return;
    }
    long now = cluster.now();
    accrue(a, now);
    heldUp(a, vm, now, cause);
  }

  /**
   * Records a hitch for every pending start that nothing is bringing up right now: no boot or restore
   * under way, no start waiting for a slot, and no placement of its group under way on a running node.
   */
  public void pendingStartsStalled(String cause) {
    for (SimVm vm : cluster.vms()) {
      if (!progressing(vm)) {
        startHeldUp(vm, cause);
      }
    }
  }

  /** Like {@link #pendingStartsStalled}, for the VMs of one group only. */
  public void pendingStartsStalled(SimGroup g, String cause) {
    for (SimVm vm : g.members()) {
      if (!progressing(vm)) {
        startHeldUp(vm, cause);
      }
    }
  }

  private static boolean booting(SimVm vm) {
    return vm.isStarting();
  }

  private static boolean progressing(SimVm vm) {
    if (booting(vm) || vm.queuedOn() != null) {
      return true;
    }
    SimGroup g = vm.groupModel();
    SimHost owner = g.ownerNode();
    return g.activity() != SimGroup.Activity.IDLE && owner != null && owner.sendsHeartbeats();
  }

  private static void accrue(Account a, long now) {
    long dt = now - a.last;
    if (a.armed && a.wasWanted) {
      a.expected += dt;
      if (!a.wasServing) {
        a.down += dt;
      }
    }
    a.last = now;
  }

  /** Turns a pending start into an outage that began at the start request; {@code a} is accrued to now. */
  private static void heldUp(Account a, SimVm vm, long now, String cause) {
    long waited = now - a.requestedAt;
    a.expected += waited;
    a.down += waited;
    a.outages.add(new Outage(vm.spec().id(), a.requestedAt, -1, cause));
    a.open = a.outages.size() - 1;
    a.requestedAt = -1;
    a.armed = true;
    a.wasWanted = true;
    a.wasServing = false;
  }

  public Availability report() {
    long now = cluster.now();
    List<Availability.VmAvailability> vms = new ArrayList<>();
    for (SimVm vm : cluster.vms()) {
      Account a = accounts.get(vm.spec().id());
      if (a == null) {
        vms.add(new Availability.VmAvailability(vm.spec().id(), 0, 0, List.of()));
        continue;
      }
      long dt = now - a.last;
      long expected = a.expected + (a.armed && a.wasWanted ? dt : 0);
      long down = a.down + (a.armed && a.wasWanted && !a.wasServing ? dt : 0);
      vms.add(new Availability.VmAvailability(vm.spec().id(), expected, down, a.outages));
    }
    return new Availability(now, vms);
  }
}
