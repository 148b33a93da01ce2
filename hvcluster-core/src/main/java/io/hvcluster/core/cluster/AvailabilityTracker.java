package io.hvcluster.core.cluster;

import io.hvcluster.api.Availability;
import io.hvcluster.api.Outage;
import io.hvcluster.api.VmId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps each VM's availability account as the simulation runs. A VM is expected to serve from the first
 * moment it serves while an operator wants it running, until an operator stops it; any expected time in
 * which it does not serve (down, booting after a failover, frozen on a hung host or by a migration) is
 * downtime, recorded as an outage with the cause of the change that began it.
 */
final class AvailabilityTracker {
  private static final class Account {
    long last;
    boolean armed;
    boolean wasServing;
    boolean wasWanted;
    long expected;
    long down;
    final List<Outage> outages = new ArrayList<>();
    int open = -1;
  }

  private final SimCluster cluster;
  private final Map<VmId, Account> accounts = new LinkedHashMap<>();

  AvailabilityTracker(SimCluster cluster) {
    this.cluster = cluster;
  }

  /** Records that something which may change whether {@code vm} serves, or is wanted, just happened. */
  void update(SimVm vm, String cause) {
    long now = cluster.now();
    Account a = accounts.computeIfAbsent(vm.spec.id(), k -> {
      Account fresh = new Account();
      fresh.last = now;
      return fresh;
    });
    long dt = now - a.last;
    if (a.armed && a.wasWanted) {
      a.expected += dt;
      if (!a.wasServing) {
        a.down += dt;
      }
    }
    a.last = now;
    boolean serving = vm.serving();
    boolean wanted = vm.wanted;
    if (serving && wanted) {
      a.armed = true;
    }
    if (!wanted) {
      a.armed = false;
    }
    if (a.open >= 0 && (serving || !a.armed)) {
      Outage o = a.outages.get(a.open);
      a.outages.set(a.open, new Outage(o.vm(), o.startNanos(), now, o.cause()));
      a.open = -1;
    } else if (a.open < 0 && a.armed && !serving) {
      a.outages.add(new Outage(vm.spec.id(), now, -1, cause));
      a.open = a.outages.size() - 1;
    }
    a.wasServing = serving;
    a.wasWanted = wanted;
  }

  Availability report() {
    long now = cluster.now();
    List<Availability.VmAvailability> vms = new ArrayList<>();
    for (SimVm vm : cluster.vms) {
      Account a = accounts.get(vm.spec.id());
      if (a == null) {
        vms.add(new Availability.VmAvailability(vm.spec.id(), 0, 0, List.of()));
        continue;
      }
      long dt = now - a.last;
      long expected = a.expected + (a.armed && a.wasWanted ? dt : 0);
      long down = a.down + (a.armed && a.wasWanted && !a.wasServing ? dt : 0);
      vms.add(new Availability.VmAvailability(vm.spec.id(), expected, down, a.outages));
    }
    return new Availability(now, vms);
  }
}
