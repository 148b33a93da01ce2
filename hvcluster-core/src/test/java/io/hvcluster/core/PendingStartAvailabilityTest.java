package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Availability;
import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.Outage;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.api.spec.ClusterSettings;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.Priority;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.StorageType;
import io.hvcluster.api.spec.VmSpec;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Availability of VMs whose start was asked for but which are not running yet: a start without a hitch
 * costs nothing, a held-up start is downtime from the request on, and a VM that never runs is not
 * counted as available.
 */
final class PendingStartAvailabilityTest {
  /** Three 8 GiB nodes (7 GiB for VMs each), three 6 GiB VMs that fill them, and one more that starts only by hand. */
  private static ClusterSpec full() {
    ClusterSpec.Builder b = ClusterSpec.builder("PS").quorum(QuorumModel.NODE_MAJORITY);
    for (String n : List.of("a", "b", "c")) {
      b.host(HostSpec.builder(n).memoryGiB(8).installation(Installation.SERVER_CORE).build());
    }
    return b.storage(StorageSpec.iscsi(List.of(LunSpec.data("l1", 10), LunSpec.data("l2", 10), LunSpec.data("l3", 10),
            LunSpec.data("l4", 10))))
        .vm(VmSpec.builder("web1").memoryGiB(6).lun("l1").build())
        .vm(VmSpec.builder("web2").memoryGiB(6).lun("l2").build())
        .vm(VmSpec.builder("web3").memoryGiB(6).lun("l3").build())
        .vm(VmSpec.builder("late").memoryGiB(6).lun("l4").priority(Priority.NO_AUTO_START).build())
        .build();
  }

  private static Cluster running(Simulation sim, ClusterSpec spec) {
    Cluster c = sim.createCluster(spec);
    c.form();
    c.startAllVms();
    sim.runFor(Duration.ofMinutes(3));
    return c;
  }

  private static Availability.VmAvailability account(Cluster c, String vm) {
    return c.availability().vms().stream().filter(v -> v.vm().equals(VmId.of(vm))).findFirst().orElseThrow();
  }

  @Test
  void aVmThatNeverGetsToRunIsDownFromItsStartRequestUntilAnOperatorStopsIt() {
    try (Simulation sim = Simulation.builder().seed(61).build()) {
      Cluster c = running(sim, full());
      assertThat(c.vm("late").state()).isEqualTo(VmState.OFF);
      long asked = sim.nowNanos();
      c.startVm(VmId.of("late"));
      sim.runFor(Duration.ofMinutes(10));

      assertThat(c.vm("late").state()).as("no node has room").isEqualTo(VmState.OFF);
      Availability.VmAvailability late = account(c, "late");
      long waited = sim.nowNanos() - asked;
      assertThat(late.expectedNanos()).isEqualTo(waited);
      assertThat(late.downNanos()).isEqualTo(waited);
      assertThat(late.availability()).isZero();
      assertThat(late.outages()).hasSize(1);
      Outage outage = late.outages().get(0);
      assertThat(outage.startNanos()).as("counted from the start request").isEqualTo(asked);
      assertThat(outage.isOver()).isFalse();
      assertThat(outage.cause()).startsWith("waiting: no node meets the hard requirements: needs 6144 MiB free")
          .isEqualTo(c.vm("late").lastReason());
      // The VMs that booted without a hitch lost nothing: the boot an operator asks for is no outage.
      for (String vm : List.of("web1", "web2", "web3")) {
        assertThat(account(c, vm).downNanos()).as(vm).isZero();
        assertThat(account(c, vm).outages()).as(vm).isEmpty();
      }
      assertThat(c.availability().availability()).isLessThan(1.0);

      long stopped = sim.nowNanos();
      c.stopVm(VmId.of("late"));
      sim.runFor(Duration.ofMinutes(10));
      late = account(c, "late");
      assertThat(late.outages()).singleElement().satisfies(o -> assertThat(o.endNanos()).isEqualTo(stopped));
      assertThat(late.expectedNanos()).as("an operator stop ends the expectation").isEqualTo(stopped - asked);
      assertThat(late.downNanos()).isEqualTo(stopped - asked);
    }
  }

  @Test
  void aVmThatWaitsForRoomIsDownFromItsStartRequestUntilItRuns() {
    try (Simulation sim = Simulation.builder().seed(62).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = running(sim, full());
      long asked = sim.nowNanos();
      c.startVm(VmId.of("late"));
      sim.runFor(Duration.ofMinutes(5));
      c.stopVm(VmId.of("web1"));
      sim.runFor(Duration.ofMinutes(5));

      assertThat(c.vm("late").state()).isEqualTo(VmState.RUNNING);
      long ran = log.first(VmStateChanged.class, e -> e.vm().equals(VmId.of("late")) && e.to() == VmState.RUNNING)
          .timeNanos();
      Availability.VmAvailability late = account(c, "late");
      assertThat(late.outages()).singleElement().satisfies(o -> {
        assertThat(o.startNanos()).isEqualTo(asked);
        assertThat(o.endNanos()).isEqualTo(ran);
        assertThat(o.cause()).startsWith("waiting: ");
      });
      assertThat(late.downNanos()).isEqualTo(ran - asked);
      assertThat(late.expectedNanos()).isEqualTo(sim.nowNanos() - asked);
    }
  }

  @Test
  void startsCutShortBecauseEveryHostCrashedAreDownFromTheStartRequest() {
    try (Simulation sim = Simulation.builder().seed(63).build()) {
      Cluster c = sim.createCluster(TestSpecs.cluster("CR", QuorumModel.NODE_MAJORITY, 3, 6));
      long asked = sim.nowNanos();
      c.form();
      c.startAllVms();
      sim.runFor(Duration.ofSeconds(10));
      assertThat(c.vms()).as("all still booting").allMatch(v -> v.state() == VmState.STARTING);
      for (var h : c.hosts()) {
        sim.faults(c).crashHost(h.id());
      }
      sim.runFor(Duration.ofHours(1));

      assertThat(c.vms()).noneMatch(v -> v.state() == VmState.RUNNING);
      Availability a = c.availability();
      assertThat(a.availability()).isZero();
      for (Availability.VmAvailability v : a.vms()) {
        assertThat(v.expectedNanos()).as(v.vm().name()).isEqualTo(sim.nowNanos() - asked);
        assertThat(v.outages()).as(v.vm().name()).singleElement().satisfies(o -> {
          assertThat(o.startNanos()).isEqualTo(asked);
          assertThat(o.cause()).matches("host node[123] crashed \\(power loss\\)");
          assertThat(o.isOver()).isFalse();
        });
      }
    }
  }

  @Test
  void aStartHeldUpBeforeTheClusterFormedIsDownFromTheRequestUntilTheVmRuns() {
    try (Simulation sim = Simulation.builder().seed(64).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = sim.createCluster(TestSpecs.cluster("NQ", QuorumModel.NODE_MAJORITY, 3, 2));
      long asked = sim.nowNanos();
      c.form();
      c.startAllVms();
      // Two of three nodes lose power before their cluster service starts: the third cannot form a cluster.
      sim.faults(c).crashHost(HostId.of("node1"));
      sim.faults(c).crashHost(HostId.of("node2"));
      sim.runFor(Duration.ofMinutes(30));
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.OFF);
      assertThat(c.availability().vms()).allSatisfy(v -> assertThat(v.downNanos()).isEqualTo(sim.nowNanos() - asked));

      sim.faults(c).powerOnHost(HostId.of("node1"));
      sim.runFor(Duration.ofMinutes(10));
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING);
      for (Availability.VmAvailability v : c.availability().vms()) {
        long ran = log.first(VmStateChanged.class, e -> e.vm().equals(v.vm()) && e.to() == VmState.RUNNING).timeNanos();
        assertThat(v.outages()).as(v.vm().name()).singleElement().satisfies(o -> {
          assertThat(o.startNanos()).isEqualTo(asked);
          assertThat(o.endNanos()).isEqualTo(ran);
          assertThat(o.cause()).isEqualTo("host node2 crashed (power loss); the nodes left cannot hold quorum");
        });
        assertThat(v.downNanos()).isEqualTo(ran - asked);
      }
    }
  }

  @Test
  void aStartWhoseNodeCrashesBeforeTheBootBeginsIsDownFromTheRequestUntilTheVmRunsElsewhere() {
    try (Simulation sim = Simulation.builder().seed(66).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = sim.createCluster(TestSpecs.cluster("OL", QuorumModel.NODE_MAJORITY, 3, 3));
      long asked = sim.nowNanos();
      c.form();
      c.startAllVms();
      // The groups are placed once the cluster forms (2 s) and then arbitrate for their LUNs (2 s more).
      sim.runFor(Duration.ofSeconds(3));
      HostId owner = c.group("vm1").owner().orElseThrow();
      assertThat(c.vm("vm1").state()).isEqualTo(VmState.OFF);
      sim.faults(c).crashHost(owner);
      sim.runFor(Duration.ofMinutes(5));

      assertThat(c.vm("vm1").state()).isEqualTo(VmState.RUNNING);
      long ran = log.first(VmStateChanged.class, e -> e.vm().equals(VmId.of("vm1")) && e.to() == VmState.RUNNING)
          .timeNanos();
      assertThat(account(c, "vm1").outages()).singleElement().satisfies(o -> {
        assertThat(o.startNanos()).isEqualTo(asked);
        assertThat(o.endNanos()).isEqualTo(ran);
        assertThat(o.cause()).contains(owner.name());
      });
    }
  }

  @Test
  void aStartQueuedOnANodeThatLeavesTheClusterIsDownFromTheRequestUntilTheVmRunsElsewhere() {
    // One start slot per node and both VMs prefer node1: vm2 waits in node1's queue while vm1 boots.
    ClusterSpec.Builder b = ClusterSpec.builder("QL").quorum(QuorumModel.NODE_MAJORITY)
        .settings(ClusterSettings.defaults(StorageType.ISCSI).withMaxConcurrentStartsPerNode(1));
    for (String n : List.of("node1", "node2", "node3")) {
      b.host(HostSpec.builder(n).memoryGiB(32).build());
    }
    ClusterSpec spec = b.storage(StorageSpec.iscsi(List.of(LunSpec.data("l1", 10), LunSpec.data("l2", 10))))
        .vm(VmSpec.builder("vm1").memoryGiB(2).lun("l1").preferredOwners("node1").build())
        .vm(VmSpec.builder("vm2").memoryGiB(2).lun("l2").preferredOwners("node1").build())
        .build();
    try (Simulation sim = Simulation.builder().seed(68).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = sim.createCluster(spec);
      long asked = sim.nowNanos();
      c.form();
      c.startAllVms();
      sim.runFor(Duration.ofSeconds(10));
      assertThat(c.vm("vm1").state()).isEqualTo(VmState.STARTING);
      assertThat(c.vm("vm2").state()).as("queued for node1's only start slot").isEqualTo(VmState.OFF);
      assertThat(c.group("vm2").owner()).contains(HostId.of("node1"));
      sim.faults(c).partition(List.of(Set.of(HostId.of("node1")),
          Set.of(HostId.of("node2"), HostId.of("node3"))));
      sim.runFor(Duration.ofMinutes(5));

      assertThat(c.vm("vm2").state()).isEqualTo(VmState.RUNNING);
      long ran = log.first(VmStateChanged.class, e -> e.vm().equals(VmId.of("vm2")) && e.to() == VmState.RUNNING)
          .timeNanos();
      assertThat(account(c, "vm2").outages()).singleElement().satisfies(o -> {
        assertThat(o.startNanos()).isEqualTo(asked);
        assertThat(o.endNanos()).isEqualTo(ran);
        assertThat(o.cause()).startsWith("owner node1 left the cluster: lost quorum");
      });
    }
  }

  @Test
  void startsThatNoPartitionCanServeForWantOfQuorumAreDownFromTheRequest() {
    try (Simulation sim = Simulation.builder().seed(67).build()) {
      Cluster c = sim.createCluster(TestSpecs.cluster("SP", QuorumModel.NODE_MAJORITY, 3, 2));
      long asked = sim.nowNanos();
      c.form();
      c.startAllVms();
      sim.faults(c).partition(List.of(Set.of(HostId.of("node1")), Set.of(HostId.of("node2")),
          Set.of(HostId.of("node3"))));
      sim.runFor(Duration.ofMinutes(10));

      assertThat(c.quorum().hasQuorum()).isFalse();
      for (Availability.VmAvailability v : c.availability().vms()) {
        assertThat(v.downNanos()).as(v.vm().name()).isEqualTo(sim.nowNanos() - asked);
        assertThat(v.outages()).as(v.vm().name()).singleElement()
            .satisfies(o -> assertThat(o.cause()).startsWith("no quorum: the largest partition [node").endsWith(
                " holds 1 of 3 votes, needs 2"));
      }
    }
  }

  @Test
  void aNodeLostWhileTheClusterFormsCostsNothingWhenTheOthersStartTheVms() {
    try (Simulation sim = Simulation.builder().seed(65).build()) {
      Cluster c = sim.createCluster(TestSpecs.cluster("OK", QuorumModel.NODE_MAJORITY, 3, 4));
      c.form();
      c.startAllVms();
      sim.faults(c).crashHost(HostId.of("node3"));
      sim.runFor(Duration.ofMinutes(5));
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING);
      assertThat(c.availability().downNanos()).isZero();
      assertThat(c.availability().outageCount()).isZero();
    }
  }
}
