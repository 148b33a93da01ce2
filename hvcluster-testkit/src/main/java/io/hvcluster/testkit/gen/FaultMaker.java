package io.hvcluster.testkit.gen;

import io.hvcluster.api.HostId;
import io.hvcluster.testkit.fault.BitRot;
import io.hvcluster.testkit.fault.Bridge;
import io.hvcluster.testkit.fault.ClusterServiceCrash;
import io.hvcluster.testkit.fault.Fault;
import io.hvcluster.testkit.fault.FaultKind;
import io.hvcluster.testkit.fault.GuestHang;
import io.hvcluster.testkit.fault.HeartbeatDelay;
import io.hvcluster.testkit.fault.HeartbeatLoss;
import io.hvcluster.testkit.fault.HostCrash;
import io.hvcluster.testkit.fault.HostHang;
import io.hvcluster.testkit.fault.HostSelector;
import io.hvcluster.testkit.fault.IoLatency;
import io.hvcluster.testkit.fault.IoStall;
import io.hvcluster.testkit.fault.Isolate;
import io.hvcluster.testkit.fault.LoseUnflushedWrites;
import io.hvcluster.testkit.fault.LostMigrationAck;
import io.hvcluster.testkit.fault.LunOffline;
import io.hvcluster.testkit.fault.LunSelector;
import io.hvcluster.testkit.fault.MajoritiesRing;
import io.hvcluster.testkit.fault.MigrationSourceCrash;
import io.hvcluster.testkit.fault.MigrationStage;
import io.hvcluster.testkit.fault.MigrationTargetCrash;
import io.hvcluster.testkit.fault.NoSpace;
import io.hvcluster.testkit.fault.OneWayLink;
import io.hvcluster.testkit.fault.PathDown;
import io.hvcluster.testkit.fault.PowerLoss;
import io.hvcluster.testkit.fault.ReservationPreempt;
import io.hvcluster.testkit.fault.Split;
import io.hvcluster.testkit.fault.SwizzleClog;
import io.hvcluster.testkit.fault.Timing;
import io.hvcluster.testkit.fault.TornShape;
import io.hvcluster.testkit.fault.TornWrite;
import io.hvcluster.testkit.fault.VmCrash;
import io.hvcluster.testkit.fault.VmStartFailure;
import io.hvcluster.testkit.fault.VmSelector;
import io.hvcluster.testkit.fault.WitnessLoss;
import io.hvcluster.testkit.fault.WriteError;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/** Draws one fault of a given kind, with targets from the cluster's entities. */
final class FaultMaker {
  private final FaultPlans.Targets targets;
  private final Duration horizon;
  private final Duration minDuration;
  private final Duration maxDuration;

  FaultMaker(FaultPlans.Targets targets, Duration horizon, Duration minDuration, Duration maxDuration) {
    this.targets = targets;
    this.horizon = horizon;
    this.minDuration = minDuration;
    this.maxDuration = maxDuration;
  }

  Fault make(FaultKind kind, RandomGenerator r) {
    Timing t = kind.instantaneous() ? Timing.at(start(r)) : timing(r);
    switch (kind) {
      case HOST_CRASH: return new HostCrash(hosts(r), t);
      case POWER_LOSS: return new PowerLoss(hosts(r), t);
      case HOST_HANG: return new HostHang(hosts(r), t);
      case CLUSTER_SERVICE_CRASH: return new ClusterServiceCrash(hosts(r), t);
      case VM_CRASH: return new VmCrash(vms(r), t);
      case VM_START_FAILURE: return new VmStartFailure(vms(r), 1 + r.nextInt(5), Duration.ofSeconds(r.nextInt(91)), t);
      case GUEST_HANG: return new GuestHang(vms(r), t);
      case ISOLATE: return new Isolate(hosts(r), t);
      case SPLIT: return new Split(r.nextInt(3) == 0 ? single(r) : HostSelector.minority(), t);
      case MAJORITIES_RING: return new MajoritiesRing(HostSelector.all(), t);
      case BRIDGE: return new Bridge(single(r), t);
      case ONE_WAY_LINK: return new OneWayLink(single(r), r.nextBoolean() ? single(r) : HostSelector.majority(), t);
      case HEARTBEAT_LOSS: return new HeartbeatLoss(hosts(r), 1 + r.nextInt(100), t);
      case HEARTBEAT_DELAY: return new HeartbeatDelay(hosts(r), Duration.ofMillis(100 * (1 + r.nextInt(100))), t);
      case SWIZZLE_CLOG: return new SwizzleClog(r.nextBoolean() ? HostSelector.minority() : single(r),
          Duration.ofMillis(100 * (1 + r.nextInt(50))), t);
      case PATH_DOWN: return new PathDown(single(r), luns(r), t);
      case LUN_OFFLINE: return new LunOffline(luns(r), t);
      case IO_LATENCY: return new IoLatency(luns(r), 2 + r.nextInt(999), t);
      case IO_STALL: return new IoStall(luns(r), t);
      case WRITE_ERROR: return new WriteError(luns(r), t);
      case NO_SPACE: return new NoSpace(luns(r), t);
      case LOSE_UNFLUSHED_WRITES: return new LoseUnflushedWrites(luns(r), t);
      case TORN_WRITE: return new TornWrite(luns(r), pick(List.of(TornShape.values()), r), t);
      case BIT_ROT: return new BitRot(luns(r), 1 + r.nextInt(64), t);
      case RESERVATION_PREEMPT: return new ReservationPreempt(luns(r), single(r), t);
      case WITNESS_LOSS: return new WitnessLoss(r.nextInt(3) == 0 ? single(r) : HostSelector.all(), t);
      case MIGRATION_SOURCE_CRASH: return new MigrationSourceCrash(vms(r), pick(List.of(MigrationStage.values()), r), t);
      case MIGRATION_TARGET_CRASH: return new MigrationTargetCrash(vms(r), pick(List.of(MigrationStage.values()), r), t);
      case LOST_MIGRATION_ACK: return new LostMigrationAck(vms(r), t);
      default: throw new AssertionError("no generator for " + kind);
    }
  }

  private Duration start(RandomGenerator r) {
    return Duration.ofSeconds(r.nextLong(Math.max(1, horizon.toSeconds())));
  }

  private Timing timing(RandomGenerator r) {
    Timing t = Timing.at(start(r));
    if (r.nextInt(4) == 0) {
      return t;
    }
    long span = maxDuration.toSeconds() - minDuration.toSeconds();
    return t.lasting(minDuration.plusSeconds(span <= 0 ? 0 : r.nextLong(span + 1)));
  }

  private HostSelector single(RandomGenerator r) {
    return r.nextBoolean() ? HostSelector.one() : HostSelector.explicit(pick(targets.hosts(), r));
  }

  private HostSelector hosts(RandomGenerator r) {
    int roll = r.nextInt(12);
    if (roll < 4) {
      return HostSelector.one();
    }
    if (roll < 8) {
      return HostSelector.explicit(pick(targets.hosts(), r));
    }
    if (roll == 8) {
      return HostSelector.minority();
    }
    if (roll == 9 && !targets.vms().isEmpty()) {
      return HostSelector.ownersOf(pick(targets.vms(), r));
    }
    if (roll == 10 && targets.hasCsv()) {
      return HostSelector.coordinator();
    }
    if (roll == 11 && targets.hasWitnessDisk()) {
      return HostSelector.witnessHolder();
    }
    if (targets.hosts().size() >= 2) {
      List<HostId> two = List.of(targets.hosts().get(0), targets.hosts().get(1 + r.nextInt(targets.hosts().size() - 1)));
      return HostSelector.explicit(two.toArray(new HostId[0]));
    }
    return HostSelector.one();
  }

  private LunSelector luns(RandomGenerator r) {
    int roll = r.nextInt(8);
    if (roll < 3 || targets.dataLuns().isEmpty()) {
      return LunSelector.one();
    }
    if (roll < 5 && !targets.vms().isEmpty()) {
      return LunSelector.ofVm(pick(targets.vms(), r));
    }
    if (roll == 5 && targets.hasCsv()) {
      return LunSelector.csv();
    }
    return LunSelector.explicit(pick(targets.dataLuns(), r).name());
  }

  private VmSelector vms(RandomGenerator r) {
    int roll = r.nextInt(3);
    if (roll == 0) {
      return VmSelector.any();
    }
    if (roll == 1) {
      return VmSelector.one();
    }
    return VmSelector.explicit(pick(targets.vms(), r).name());
  }

  private static <T> T pick(List<T> values, RandomGenerator r) {
    return values.get(r.nextInt(values.size()));
  }
}
