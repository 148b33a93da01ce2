package io.hvcluster.testkit.fault;

import io.hvcluster.api.VmId;
import java.time.Duration;
import java.util.List;

/** One fault of every kind, with non-default parameters, for round-trip tests. */
final class AllKinds {
  private AllKinds() {}

  static List<Fault> faults() {
    Timing t = Timing.atSeconds(5).lasting(Duration.ofSeconds(30));
    Timing heal = Timing.atSeconds(7);
    Timing instant = Timing.at(Duration.ofMillis(1500));
    return List.of(
        new HostCrash(HostSelector.one(), t),
        new PowerLoss(HostSelector.explicit("node1", "node2"), heal),
        new HostHang(HostSelector.minority(), t),
        new ClusterServiceCrash(HostSelector.majority(), heal),
        new VmCrash(VmSelector.explicit("vm1"), instant),
        new VmStartFailure(VmSelector.explicit("vm2"), 3, Duration.ofSeconds(30), instant),
        new GuestHang(VmSelector.one(), t),
        new Isolate(HostSelector.ownersOf(VmId.of("vm1"), VmId.of("vm2")), t),
        new Split(HostSelector.minority(), heal),
        new MajoritiesRing(HostSelector.all(), t),
        new Bridge(HostSelector.one(), t),
        new OneWayLink(HostSelector.explicit("node1"), HostSelector.majority(), t),
        new HeartbeatLoss(HostSelector.coordinator(), 40, t),
        new HeartbeatDelay(HostSelector.witnessHolder(), Duration.ofMillis(2500), t),
        new SwizzleClog(HostSelector.ownersOf(), Duration.ofSeconds(1), heal),
        new PathDown(HostSelector.one(), LunSelector.csv(), t),
        new LunOffline(LunSelector.ofVm(VmId.of("vm2")), t),
        new IoLatency(LunSelector.one(), 50, t),
        new IoStall(LunSelector.witness(), t),
        new WriteError(LunSelector.explicit("lun-vm1", "lun-vm2"), t),
        new NoSpace(LunSelector.csv(), heal),
        new LoseUnflushedWrites(LunSelector.one(), instant),
        new TornWrite(LunSelector.ofVm(VmId.of("vm1")), TornShape.SUFFIX, instant),
        new BitRot(LunSelector.one(), 8, instant),
        new ReservationPreempt(LunSelector.ofVm(VmId.of("vm1")), HostSelector.one(), instant),
        new WitnessLoss(HostSelector.all(), t),
        new MigrationSourceCrash(VmSelector.any(), MigrationStage.SAVE, t),
        new MigrationTargetCrash(VmSelector.explicit("vm1", "vm2"), MigrationStage.ACQUIRE_STORAGE, heal),
        new LostMigrationAck(VmSelector.any(), t));
  }
}
