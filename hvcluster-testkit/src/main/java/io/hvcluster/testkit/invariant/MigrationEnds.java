package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.event.MigrationStarted;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.testkit.check.StepInvariant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * S10: every migration ends exactly once, and the VM is never lost between source and target.
 *
 * <ul>
 *   <li>A VM has at most one open migration; every {@code MigrationFinished} ends an open one.
 *   <li>While a migration is open, the VM is on its source, on its target, or on no node (off).
 *   <li>As it ends (judged at its {@code MigrationFinished} event, since the same kernel event may go on
 *       to stop the VM, for example when its node leaves the cluster): completed means the VM is on the
 *       target, rolled back that it is on the source (either may already be on its way off when an
 *       operator stopped it meanwhile), and failed that it executes on neither node (saved, or off and
 *       handed to the failover engine).
 *   <li>At the end of a run no migration is still open ({@link #finalCheck}).
 * </ul>
 */
final class MigrationEnds implements StepInvariant {
  private final Cluster cluster;
  private final Map<VmId, MigrationStarted> open = new TreeMap<>();
  private String violation;

  MigrationEnds(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public String id() {
    return "S10";
  }

  @Override
  public void observe(ClusterEvent event) {
    if (violation != null) {
      return;
    }
    if (event instanceof MigrationStarted) {
      MigrationStarted m = (MigrationStarted) event;
      MigrationStarted before = open.put(m.vm(), m);
      if (before != null) {
        violation = "a second migration of " + m.vm() + " (" + m.source() + " -> " + m.target() + ") started while the"
            + " one to " + before.target() + " had not ended";
      }
    } else if (event instanceof MigrationFinished) {
      MigrationResult r = ((MigrationFinished) event).result();
      if (open.remove(r.vm()) == null) {
        violation = "the migration of " + r.vm() + " to " + r.target() + " ended (" + r.outcome() + ") but was not open:"
            + " it ended twice or never started";
      } else {
        // Judged as the migration ends: within the same kernel event the VM may move on (its node fails).
        violation = outcome(cluster.vm(r.vm()), r).orElse(null);
      }
    }
  }

  @Override
  public Optional<String> check(Cluster c, ClusterEvent event) {
    if (violation != null) {
      return Optional.of(violation);
    }
    for (MigrationStarted m : open.values()) {
      VirtualMachine vm = cluster.vm(m.vm());
      HostId host = vm.host().orElse(null);
      if (host != null && !host.equals(m.source()) && !host.equals(m.target())) {
        return Optional.of(m.vm() + " is " + vm.state() + " on " + host + " while it migrates from " + m.source()
            + " to " + m.target());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> outcome(VirtualMachine vm, MigrationResult r) {
    HostId host = vm.host().orElse(null);
    boolean stopped = vm.isOperatorStopped();
    String where = vm.state() + (host == null ? "" : " on " + host);
    switch (r.outcome()) {
      case COMPLETED:
        if (r.target().equals(host) || stopped && host == null) {
          return Optional.empty();
        }
        return Optional.of("the migration of " + r.vm() + " to " + r.target() + " completed but the VM is " + where);
      case ROLLED_BACK:
        if (r.source().equals(host) || stopped && host == null) {
          return Optional.empty();
        }
        return Optional.of("the migration of " + r.vm() + " to " + r.target() + " rolled back but the VM is " + where
            + ", not on its source " + r.source());
      default:
        if (!vm.state().isExecuting() || host == null || !(host.equals(r.source()) || host.equals(r.target()))) {
          return Optional.empty();
        }
        return Optional.of("the migration of " + r.vm() + " to " + r.target() + " failed (" + r.reason() + ") but the VM"
            + " still executes: " + where);
    }
  }

  /** Returns the migrations still open, for the check at the end of a run. */
  Optional<String> finalCheck() {
    if (open.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    for (MigrationStarted m : open.values()) {
      out.append(out.length() == 0 ? "" : "; ").append(m.vm()).append(" (").append(m.source()).append(" -> ")
          .append(m.target()).append(", ").append(m.strategy()).append(")");
    }
    return Optional.of("migrations never ended: " + out);
  }
}
