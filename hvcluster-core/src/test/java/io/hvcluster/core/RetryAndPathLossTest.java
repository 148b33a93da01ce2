package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.GroupState;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.api.spec.FailoverPolicy;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.VmSpec;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * WSFC's RetryPeriodOnFailure (a group left failed by its failover threshold is tried again an hour
 * later) and the failover a node's loss of every storage path causes, counted against the threshold.
 */
final class RetryAndPathLossTest {
  private static final VmId VM = VmId.of("vm1");
  private static final LunId LUN = LunId.of("lun-vm1");

  private static Cluster oneVm(Simulation sim, int nodes, QuorumModel quorum, FailoverPolicy policy) {
    Cluster c = sim.createCluster(TestSpecs.oneVm(quorum, nodes, policy));
    c.form();
    c.startAllVms();
    sim.runFor(Duration.ofMinutes(3));
    assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
    return c;
  }

  private static HostId hostOf(Cluster c) {
    return c.vm(VM).host().orElseThrow();
  }

  @Test
  void aGroupFailedByItsFailoverThresholdComesBackAfterTheOneHourRetryPeriod() {
    try (Simulation sim = Simulation.builder().seed(41).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = oneVm(sim, 4, QuorumModel.NODE_AND_DISK_MAJORITY,
          FailoverPolicy.defaults().withRestart(0, Duration.ofMinutes(15)));
      for (int i = 1; i <= 3; i++) {
        sim.faults(c).crashVm(VM);
        sim.runFor(Duration.ofMinutes(3));
        assertThat(c.vm(VM).state()).as("failover %d", i).isEqualTo(VmState.RUNNING);
      }
      sim.faults(c).crashVm(VM);
      long failedAt = sim.nowNanos();
      sim.runFor(Duration.ofMinutes(59));
      assertThat(c.group("vm1").state()).isEqualTo(GroupState.FAILED);
      assertThat(c.group("vm1").lastReason()).contains("failover threshold exceeded: 3 failovers in 6 h")
          .contains("retry period on failure of 60 min");
      assertThat(log.of(VmStateChanged.class, e -> e.to() == VmState.STARTING && e.timeNanos() > failedAt)).isEmpty();
      sim.runFor(Duration.ofMinutes(4));
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
      VmStateChanged retry = log.first(VmStateChanged.class, e -> e.to() == VmState.STARTING && e.timeNanos() > failedAt);
      // The retry begins at one hour; the node it lands on arbitrates for the LUN (2 s) before the boot.
      assertThat(retry.timeNanos() - failedAt).isBetween(Duration.ofHours(1).toNanos(),
          Duration.ofHours(1).plusSeconds(2).toNanos());
      assertThat(log.of(FailoverStarted.class)).as("a retry is not a failover").hasSize(3);
    }
  }

  @Test
  void aRetryThatFailsAgainInsideTheFailoverPeriodLeavesTheGroupFailedForAnotherHour() {
    try (Simulation sim = Simulation.builder().seed(42).build()) {
      Cluster c = oneVm(sim, 2, QuorumModel.NODE_AND_DISK_MAJORITY,
          FailoverPolicy.defaults().withRestart(0, Duration.ofMinutes(15)));
      // Two nodes: threshold 1 in 6 hours.
      sim.faults(c).crashVm(VM);
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
      sim.faults(c).crashVm(VM);
      sim.runFor(Duration.ofMinutes(63));
      assertThat(c.vm(VM).state()).as("retried after an hour").isEqualTo(VmState.RUNNING);
      sim.faults(c).crashVm(VM);
      sim.runFor(Duration.ofMinutes(30));
      assertThat(c.group("vm1").state()).isEqualTo(GroupState.FAILED);
      sim.runFor(Duration.ofMinutes(33));
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
    }
  }

  @Test
  void losingEveryStoragePathFailsTheGroupOverAndCountsTheFailover() {
    try (Simulation sim = Simulation.builder().seed(43).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = oneVm(sim, 3, QuorumModel.NODE_MAJORITY, FailoverPolicy.defaults());
      HostId first = hostOf(c);
      sim.faults(c).failStoragePaths(first, LUN, 2);
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
      assertThat(hostOf(c)).isNotEqualTo(first);
      FailoverStarted failover = log.first(FailoverStarted.class, e -> true);
      assertThat(failover.from()).contains(first);
      assertThat(failover.failoverCount()).isEqualTo(1);
      assertThat(failover.reason()).contains(first + " has no path to");
    }
  }

  @Test
  void threePathLossesInTheFailoverPeriodExhaustTheThreshold() {
    try (Simulation sim = Simulation.builder().seed(44).build()) {
      EventLog log = EventLog.on(sim);
      // Three nodes: the failover threshold is 2 in 6 hours.
      Cluster c = oneVm(sim, 3, QuorumModel.NODE_MAJORITY, FailoverPolicy.defaults());
      for (int i = 1; i <= 2; i++) {
        HostId owner = hostOf(c);
        sim.faults(c).failStoragePaths(owner, LUN, 2);
        sim.runFor(Duration.ofMinutes(3));
        assertThat(c.vm(VM).state()).as("path loss %d", i).isEqualTo(VmState.RUNNING);
        assertThat(hostOf(c)).isNotEqualTo(owner);
        sim.faults(c).restoreStoragePaths(owner, LUN);
      }
      HostId last = hostOf(c);
      sim.faults(c).failStoragePaths(last, LUN, 2);
      sim.runFor(Duration.ofMinutes(10));
      assertThat(log.of(FailoverStarted.class)).hasSize(2);
      assertThat(c.group("vm1").state()).isEqualTo(GroupState.FAILED);
      assertThat(c.group("vm1").lastReason()).contains("failover threshold exceeded: 2 failovers in 6 h");
      assertThat(c.vm(VM).state()).isNotEqualTo(VmState.RUNNING);
      sim.faults(c).restoreStoragePaths(last, LUN);
      sim.runFor(Duration.ofMinutes(55));
      assertThat(c.vm(VM).state()).as("the retry period comes round").isEqualTo(VmState.RUNNING);
    }
  }

  @Test
  void theNodeAGroupFailedOverFromIsALastResortWhenNoOtherNodeCanTakeIt() {
    try (Simulation sim = Simulation.builder().seed(45).build()) {
      ClusterSpec base = TestSpecs.oneVm(QuorumModel.NODE_MAJORITY, 3, FailoverPolicy.defaults());
      VmSpec vm = base.vms().get(0).toBuilder().possibleOwners("node1", "node2").build();
      Cluster c = sim.createCluster(new ClusterSpec(base.name(), base.quorum(), base.hosts(), base.storage(), List.of(vm),
          base.settings()));
      c.form();
      c.startAllVms();
      sim.runFor(Duration.ofMinutes(3));
      HostId first = hostOf(c);
      HostId other = first.equals(HostId.of("node1")) ? HostId.of("node2") : HostId.of("node1");
      // The other possible owner is paused; node3 is up but no possible owner of the VM.
      c.pauseNode(other);
      sim.faults(c).failStoragePaths(first, LUN, 2);
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.vm(VM).state()).isNotEqualTo(VmState.RUNNING);
      sim.faults(c).restoreStoragePaths(first, LUN);
      sim.runFor(Duration.ofMinutes(3));
      // It used to wait for node3 forever, passing over the node it had failed on although that could run it.
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
      assertThat(hostOf(c)).isEqualTo(first);
    }
  }
}
