package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Availability;
import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.Outage;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.GuestClusterFailover;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.FailbackPolicy;
import io.hvcluster.api.spec.FailoverPolicy;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Failback, operator intent, the VM heartbeat, guest clusters, MPIO and CSV, and availability. */
final class FailoverBehaviourTest {
  private static ClusterSpec.Builder threeNodes(String name) {
    return ClusterSpec.builder(name).quorum(QuorumModel.NODE_MAJORITY)
        .host(HostSpec.builder("n1").build()).host(HostSpec.builder("n2").build()).host(HostSpec.builder("n3").build());
  }

  private static Cluster start(Simulation sim, ClusterSpec spec) {
    Cluster c = sim.createCluster(spec);
    c.form();
    c.startAllVms();
    sim.runFor(Duration.ofMinutes(3));
    return c;
  }

  private static ClusterSpec preferring(FailbackPolicy failback) {
    return threeNodes("FB").storage(StorageSpec.iscsi(List.of(LunSpec.data("l1", 10))))
        .vm(VmSpec.builder("app").lun("l1").preferredOwners("n1", "n2")
            .failover(FailoverPolicy.defaults().withFailback(failback)).build())
        .build();
  }

  /** Crashes n1 (the preferred owner), then repairs it; returns the cluster once n1 is back up. */
  private static Cluster failOverAndRepair(Simulation sim, FailbackPolicy failback) {
    Cluster c = start(sim, preferring(failback));
    assertThat(c.vm("app").host()).contains(HostId.of("n1"));
    sim.faults(c).crashHost(HostId.of("n1"));
    sim.runFor(Duration.ofMinutes(3));
    assertThat(c.vm("app").host()).as("next preferred owner").contains(HostId.of("n2"));
    sim.faults(c).powerOnHost(HostId.of("n1"));
    sim.runFor(Duration.ofMinutes(4));
    return c;
  }

  @Test
  void failbackIsPreventedByDefault() {
    try (Simulation sim = Simulation.builder().seed(41).build()) {
      Cluster c = failOverAndRepair(sim, FailbackPolicy.prevent());
      sim.runFor(Duration.ofHours(30));
      assertThat(c.vm("app").host()).contains(HostId.of("n2"));
    }
  }

  @Test
  void allowedFailbackReturnsToThePreferredOwnerAsSoonAsItIsUp() {
    try (Simulation sim = Simulation.builder().seed(42).build()) {
      Cluster c = failOverAndRepair(sim, FailbackPolicy.immediately());
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.vm("app").host()).contains(HostId.of("n1"));
      assertThat(c.vm("app").state()).isEqualTo(VmState.RUNNING);
    }
  }

  @Test
  void windowedFailbackWaitsForItsHours() {
    try (Simulation sim = Simulation.builder().seed(43).build()) {
      Cluster c = failOverAndRepair(sim, FailbackPolicy.window(3, 4));
      // The simulation starts at midnight; it is about 00:10 now.
      sim.runFor(Duration.ofHours(2));
      assertThat(c.vm("app").host()).as("before 03:00").contains(HostId.of("n2"));
      sim.runFor(Duration.ofHours(1));
      assertThat(c.vm("app").host()).as("after 03:00").contains(HostId.of("n1"));
    }
  }

  @Test
  void aVmStoppedByTheOperatorIsNeverRestartedByTheCluster() {
    try (Simulation sim = Simulation.builder().seed(44).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = start(sim, TestSpecs.cluster("OP", QuorumModel.NODE_MAJORITY, 3, 3));
      VmId stopped = VmId.of("vm2");
      HostId host = c.vm(stopped).host().orElseThrow();
      c.stopVm(stopped);
      sim.runFor(Duration.ofMinutes(1));
      long stopTime = sim.nowNanos();
      sim.faults(c).crashHost(host);
      sim.runFor(Duration.ofMinutes(5));
      sim.faults(c).powerOnHost(host);
      sim.faults(c).partition(List.of(Set.of(HostId.of("node1"))));
      sim.runFor(Duration.ofMinutes(5));
      sim.faults(c).healNetwork();
      sim.runFor(Duration.ofMinutes(5));
      assertThat(c.vm(stopped).state()).isIn(VmState.SAVED, VmState.OFF);
      assertThat(log.of(VmStateChanged.class, e -> e.vm().equals(stopped) && e.timeNanos() > stopTime
          && (e.to() == VmState.STARTING || e.to() == VmState.RESTORING || e.to() == VmState.RUNNING))).isEmpty();
      assertThat(c.vms().stream().filter(v -> !v.id().equals(stopped))).allMatch(v -> v.state() == VmState.RUNNING);
    }
  }

  @Test
  void theHeartbeatIntegrationServiceRestartsAHungGuestOnlyWhenChecked() {
    ClusterSpec spec = threeNodes("HB").storage(StorageSpec.iscsi(List.of(LunSpec.data("l1", 10), LunSpec.data("l2", 10))))
        .vm(VmSpec.builder("checked").lun("l1").checkHeartbeat(true).build())
        .vm(VmSpec.builder("unchecked").lun("l2").build())
        .build();
    try (Simulation sim = Simulation.builder().seed(45).build()) {
      Cluster c = start(sim, spec);
      sim.faults(c).hangGuest(VmId.of("checked"));
      sim.faults(c).hangGuest(VmId.of("unchecked"));
      sim.runFor(Duration.ofMinutes(5));
      Availability a = c.availability();
      Outage checked = a.vms().get(0).outages().get(0);
      assertThat(checked.cause()).isEqualTo("guest OS hung");
      assertThat(checked.isOver()).isTrue();
      assertThat(c.vm("checked").lastReason()).startsWith("booted in");
      Outage unchecked = a.vms().get(1).outages().get(0);
      assertThat(unchecked.isOver()).as("nobody notices a hung guest without the heartbeat check").isFalse();
      assertThat(c.vm("unchecked").state()).isEqualTo(VmState.RUNNING);
    }
  }

  @Test
  void aGuestClusterKeepsItsNodesApartAndFailsItsApplicationOverInSeconds() {
    ClusterSpec spec = threeNodes("GC").storage(StorageSpec.iscsi(List.of(LunSpec.data("l1", 10), LunSpec.data("l2", 10))))
        .vm(VmSpec.builder("sql1").lun("l1").guestCluster("sqlcluster").build())
        .vm(VmSpec.builder("sql2").lun("l2").guestCluster("sqlcluster").build())
        .build();
    try (Simulation sim = Simulation.builder().seed(46).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = start(sim, spec);
      assertThat(c.vm("sql1").host()).isNotEqualTo(c.vm("sql2").host());
      GuestClusterFailover first = log.first(GuestClusterFailover.class, e -> true);
      VmId active = first.to().orElseThrow();
      HostId activeHost = c.vm(active).host().orElseThrow();
      long crash = sim.nowNanos();
      sim.faults(c).crashHost(activeHost);
      sim.runFor(Duration.ofMinutes(3));
      GuestClusterFailover moved = log.first(GuestClusterFailover.class, e -> e.timeNanos() > crash);
      assertThat(moved.from()).contains(active);
      assertThat(moved.to()).isPresent().isNotEqualTo(java.util.Optional.of(active));
      assertThat(moved.timeNanos() - crash).isEqualTo(Duration.ofSeconds(15).toNanos());
      assertThat(c.vm(active).state()).isEqualTo(VmState.RUNNING);
      assertThat(c.vm(active).host()).isNotEqualTo(java.util.Optional.of(activeHost));
    }
  }

  @Test
  void losingOneOfTwoPathsChangesNothingAndLosingBothMovesTheVm() {
    try (Simulation sim = Simulation.builder().seed(47).build()) {
      Cluster c = start(sim, TestSpecs.cluster("MP", QuorumModel.NODE_MAJORITY, 3, 1));
      HostId host = c.vm("vm1").host().orElseThrow();
      sim.faults(c).failStoragePaths(host, LunId.of("lun-vm1"), 1);
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.vm("vm1").host()).contains(host);
      assertThat(c.availability().downNanos()).isZero();
      sim.faults(c).failStoragePaths(host, LunId.of("lun-vm1"), 1);
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.vm("vm1").state()).isEqualTo(VmState.RUNNING);
      assertThat(c.vm("vm1").host()).isNotEqualTo(java.util.Optional.of(host));
    }
  }

  @Test
  void aClusterSharedVolumeRedirectsTheIoOfANodeThatLostItsPaths() {
    ClusterSpec spec = threeNodes("CSV").storage(StorageSpec.iscsi(List.of(LunSpec.sharedVolume("csv1", 500))))
        .vm(VmSpec.builder("a").lun("csv1").build())
        .vm(VmSpec.builder("b").lun("csv1").build())
        .vm(VmSpec.builder("c").lun("csv1").build())
        .build();
    try (Simulation sim = Simulation.builder().seed(48).build()) {
      Cluster c = start(sim, spec);
      assertThat(c.groups()).as("each VM on a CSV fails over alone").hasSize(3);
      var csv = c.storage().lun(LunId.of("csv1"));
      HostId coordinator = csv.owner().orElseThrow();
      HostId other = c.hosts().stream().map(h -> h.id()).filter(id -> !id.equals(coordinator)).findFirst().orElseThrow();
      sim.faults(c).failStoragePaths(other, LunId.of("csv1"), 2);
      sim.runFor(Duration.ofMinutes(2));
      assertThat(csv.redirectedNodes()).containsExactly(other);
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING);
      assertThat(c.availability().downNanos()).isZero();
      sim.faults(c).failStoragePaths(coordinator, LunId.of("csv1"), 2);
      sim.runFor(Duration.ofMinutes(2));
      assertThat(csv.owner()).isPresent().isNotEqualTo(java.util.Optional.of(coordinator)).isNotEqualTo(java.util.Optional.of(other));
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING);
    }
  }

  @Test
  void availabilityCountsOutagesWithTheirCausesAndTheTimeToRecover() {
    try (Simulation sim = Simulation.builder().seed(49).build()) {
      Cluster c = start(sim, TestSpecs.cluster("AV", QuorumModel.NODE_MAJORITY, 3, 3));
      HostId host = c.vm("vm1").host().orElseThrow();
      long crash = sim.nowNanos();
      sim.faults(c).crashHost(host);
      sim.runFor(Duration.ofMinutes(5));
      Availability a = c.availability();
      Outage outage = a.vms().get(0).outages().get(0);
      assertThat(outage.cause()).isEqualTo("host " + host + " crashed (power loss)");
      assertThat(outage.startNanos()).isEqualTo(crash);
      // Detection (4-5 s) + arbitration (2 s) + a cold boot (36-86 s for this guest and host).
      assertThat(outage.durationNanos(sim.nowNanos())).isBetween(40_000_000_000L, 95_000_000_000L);
      assertThat(a.outageCount()).isEqualTo(1);
      assertThat(a.meanTimeToRecoverNanos()).isEqualTo(outage.durationNanos(sim.nowNanos()));
      assertThat(a.availability()).isLessThan(1.0).isGreaterThan(0.9);
      assertThat(a.vms().get(1).downNanos()).isZero();
    }
  }
}
