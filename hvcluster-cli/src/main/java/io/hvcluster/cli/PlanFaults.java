package io.hvcluster.cli;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterFaults;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VmId;
import io.hvcluster.core.Simulation;
import io.hvcluster.testkit.fault.ClusterServiceCrash;
import io.hvcluster.testkit.fault.DurationText;
import io.hvcluster.testkit.fault.Fault;
import io.hvcluster.testkit.fault.FaultKind;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.fault.GuestHang;
import io.hvcluster.testkit.fault.HostCrash;
import io.hvcluster.testkit.fault.HostHang;
import io.hvcluster.testkit.fault.HostSelector;
import io.hvcluster.testkit.fault.IoLatency;
import io.hvcluster.testkit.fault.Isolate;
import io.hvcluster.testkit.fault.Link;
import io.hvcluster.testkit.fault.LostMigrationAck;
import io.hvcluster.testkit.fault.LunOffline;
import io.hvcluster.testkit.fault.LunSelector;
import io.hvcluster.testkit.fault.NoSpace;
import io.hvcluster.testkit.fault.OneWayLink;
import io.hvcluster.testkit.fault.Partitions;
import io.hvcluster.testkit.fault.PowerLoss;
import io.hvcluster.testkit.fault.ReservationPreempt;
import io.hvcluster.testkit.fault.Split;
import io.hvcluster.testkit.fault.VmCrash;
import io.hvcluster.testkit.fault.VmSelector;
import io.hvcluster.testkit.fault.WriteError;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Applies a testkit {@link FaultPlan} to a running cluster through {@link ClusterFaults}: each fault at
 * its time, healed at its end or at the plan's heal phase. Selectors are resolved when the fault starts,
 * with the simulation's "scenario-faults" random stream.
 *
 * <p>A stopgap until the testkit's own engine binding lands: it covers the fault kinds that map onto one
 * {@code ClusterFaults} primitive and nothing else ({@link #supports}); the scenario reader refuses the
 * others by name.
 */
final class PlanFaults {
  private static final Set<FaultKind> SUPPORTED = EnumSet.of(FaultKind.HOST_CRASH, FaultKind.POWER_LOSS,
      FaultKind.HOST_HANG, FaultKind.CLUSTER_SERVICE_CRASH, FaultKind.VM_CRASH, FaultKind.GUEST_HANG, FaultKind.ISOLATE,
      FaultKind.SPLIT, FaultKind.ONE_WAY_LINK, FaultKind.LUN_OFFLINE, FaultKind.IO_LATENCY, FaultKind.WRITE_ERROR,
      FaultKind.NO_SPACE, FaultKind.RESERVATION_PREEMPT, FaultKind.LOST_MIGRATION_ACK);

  private final Cluster cluster;
  private final ClusterFaults faults;
  private final SplittableRandom random;

  private PlanFaults(Simulation sim, Cluster cluster) {
    this.cluster = cluster;
    this.faults = sim.faults(cluster);
    this.random = sim.randomStream("scenario-faults");
  }

  static boolean supports(FaultKind kind) {
    return SUPPORTED.contains(kind);
  }

  static String supportedIds() {
    return SUPPORTED.stream().map(FaultKind::id).collect(Collectors.joining(", "));
  }

  /**
   * Resolves every selector of the plan against the cluster as it is before the run, so that a name the
   * cluster does not have (an {@code explicit(node9)}) is refused before anything runs, not half-way.
   *
   * @throws UnusableInputException naming the fault and the problem
   */
  static void check(FaultPlan plan, Cluster cluster, Path file) {
    for (Fault f : plan.faults()) {
      for (RecordComponent c : f.getClass().getRecordComponents()) {
        Object value;
        try {
          value = c.getAccessor().invoke(f);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + c.getName() + " of " + f, e);
        }
        try {
          if (value instanceof HostSelector h) {
            h.resolve(cluster, new SplittableRandom(0));
          } else if (value instanceof VmSelector v) {
            v.resolve(cluster, new SplittableRandom(0));
          } else if (value instanceof LunSelector l) {
            l.resolve(cluster, new SplittableRandom(0));
          }
        } catch (IllegalArgumentException e) {
          throw new UnusableInputException(file + ": $.faults: " + f.describe() + " at " + DurationText.format(f.at())
              + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** Schedules every fault of the plan, and its heal, from the current virtual time. */
  static void schedule(FaultPlan plan, Simulation sim, Cluster cluster) {
    PlanFaults binding = new PlanFaults(sim, cluster);
    for (Fault f : plan.faults()) {
      sim.schedule(f.at(), () -> {
        Runnable heal = binding.apply(f);
        if (!f.kind().instantaneous()) {
          Duration left = plan.activeUntil(f).minus(f.at());
          sim.schedule(left.isNegative() ? Duration.ZERO : left, heal);
        }
      });
    }
  }

  private List<HostId> all() {
    return cluster.hosts().stream().map(Host::id).toList();
  }

  /** Applies a fault now and returns what heals it. */
  private Runnable apply(Fault fault) {
    if (fault instanceof HostCrash f) {
      return crash(f.hosts().resolve(cluster, random));
    } else if (fault instanceof PowerLoss f) {
      return crash(f.hosts().resolve(cluster, random));
    } else if (fault instanceof HostHang f) {
      List<HostId> hosts = f.hosts().resolve(cluster, random);
      hosts.forEach(faults::hangHost);
      return () -> hosts.forEach(faults::resumeHost);
    } else if (fault instanceof ClusterServiceCrash f) {
      f.hosts().resolve(cluster, random).forEach(faults::crashClusterService);
      return () -> { };
    } else if (fault instanceof VmCrash f) {
      f.vms().resolve(cluster, random).forEach(faults::crashVm);
      return () -> { };
    } else if (fault instanceof GuestHang f) {
      List<VmId> vms = f.vms().resolve(cluster, random);
      vms.forEach(faults::hangGuest);
      return () -> vms.forEach(faults::resumeGuest);
    } else if (fault instanceof Isolate f) {
      return cut(Partitions.isolate(all(), f.hosts().resolve(cluster, random)));
    } else if (fault instanceof Split f) {
      return cut(Partitions.split(all(), f.side().resolve(cluster, random)));
    } else if (fault instanceof OneWayLink f) {
      return cut(Partitions.oneWay(f.from().resolve(cluster, random), f.to().resolve(cluster, random)));
    } else if (fault instanceof LunOffline f) {
      List<LunId> luns = f.luns().resolve(cluster, random);
      luns.forEach(faults::takeLunOffline);
      return () -> luns.forEach(faults::bringLunOnline);
    } else if (fault instanceof IoLatency f) {
      List<LunId> luns = f.luns().resolve(cluster, random);
      luns.forEach(l -> faults.slowLun(l, f.factor()));
      return () -> luns.forEach(l -> faults.slowLun(l, 1));
    } else if (fault instanceof WriteError f) {
      return writes(f.luns().resolve(cluster, random), false);
    } else if (fault instanceof NoSpace f) {
      return writes(f.luns().resolve(cluster, random), true);
    } else if (fault instanceof ReservationPreempt f) {
      List<HostId> by = f.by().resolve(cluster, random);
      if (!by.isEmpty()) {
        f.luns().resolve(cluster, random).forEach(l -> faults.preemptReservation(l, by.get(0)));
      }
      return () -> { };
    } else if (fault instanceof LostMigrationAck f) {
      f.vms().resolve(cluster, random).forEach(faults::loseMigrationAcknowledgement);
      return () -> { };
    }
    throw new IllegalStateException("fault '" + fault.kind().id() + "' is not supported by simulate yet");
  }

  private Runnable crash(List<HostId> hosts) {
    hosts.forEach(faults::crashHost);
    return () -> hosts.forEach(faults::powerOnHost);
  }

  private Runnable cut(Set<Link> links) {
    links.forEach(l -> faults.cutLink(l.from(), l.to()));
    return () -> links.forEach(l -> faults.restoreLink(l.from(), l.to()));
  }

  private Runnable writes(List<LunId> luns, boolean noSpace) {
    luns.forEach(l -> faults.failStorageWrites(l, noSpace));
    return () -> luns.forEach(faults::restoreStorageWrites);
  }
}
