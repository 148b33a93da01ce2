package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.GroupState;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.api.spec.FailoverPolicy;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.RestartAction;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Restart policy, failover threshold and pending timeout, with the Windows Server 2008 defaults. */
final class FailoverPolicyTest {
  private static final VmId VM = VmId.of("vm1");

  private static Cluster oneVm(Simulation sim, FailoverPolicy policy) {
    Cluster c = sim.createCluster(TestSpecs.oneVm(QuorumModel.NODE_AND_DISK_MAJORITY, 4, policy));
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
  void restartsInPlaceThreeTimesInFifteenMinutesThenFailsOver() {
    try (Simulation sim = Simulation.builder().seed(31).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = oneVm(sim, FailoverPolicy.defaults());
      HostId first = hostOf(c);
      for (int i = 1; i <= 3; i++) {
        sim.faults(c).crashVm(VM);
        sim.runFor(Duration.ofMinutes(2));
        assertThat(c.vm(VM).state()).as("after crash %d", i).isEqualTo(VmState.RUNNING);
        assertThat(hostOf(c)).as("restart %d stays on its node", i).isEqualTo(first);
      }
      assertThat(log.of(FailoverStarted.class)).isEmpty();
      sim.faults(c).crashVm(VM);
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
      assertThat(hostOf(c)).isNotEqualTo(first);
      FailoverStarted failover = log.first(FailoverStarted.class, e -> true);
      assertThat(failover.reason()).isEqualTo("restart threshold exceeded: 3 restarts in 15 min on " + first);
      assertThat(failover.failoverCount()).isEqualTo(1);
    }
  }

  @Test
  void restartsOutsideTheRestartPeriodDoNotCount() {
    try (Simulation sim = Simulation.builder().seed(32).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = oneVm(sim, FailoverPolicy.defaults());
      HostId first = hostOf(c);
      for (int i = 1; i <= 6; i++) {
        sim.faults(c).crashVm(VM);
        sim.runFor(Duration.ofMinutes(6));
      }
      // Crashes six minutes apart: each finds at most two earlier restarts inside the last 15 minutes.
      assertThat(log.of(FailoverStarted.class)).isEmpty();
      assertThat(hostOf(c)).isEqualTo(first);
    }
  }

  @Test
  void leavesAGroupFailedOnceItExceedsTheFailoverThresholdUntilAnOperatorActs() {
    try (Simulation sim = Simulation.builder().seed(33).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = oneVm(sim, FailoverPolicy.defaults().withRestart(0, Duration.ofMinutes(15)));
      // Restart threshold 0: every crash fails the group over. Four nodes: threshold 3 in 6 hours.
      for (int i = 1; i <= 3; i++) {
        HostId before = hostOf(c);
        sim.faults(c).crashVm(VM);
        sim.runFor(Duration.ofMinutes(3));
        assertThat(c.vm(VM).state()).as("failover %d", i).isEqualTo(VmState.RUNNING);
        assertThat(hostOf(c)).isNotEqualTo(before);
      }
      sim.faults(c).crashVm(VM);
      sim.runFor(Duration.ofMinutes(30));
      assertThat(c.group("vm1").state()).isEqualTo(GroupState.FAILED);
      assertThat(c.group("vm1").lastReason()).contains("failover threshold exceeded: 3 failovers in 6 h");
      assertThat(c.vm(VM).state()).isEqualTo(VmState.FAILED);
      assertThat(log.of(FailoverStarted.class)).hasSize(3);
      c.startVm(VM);
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
    }
  }

  @Test
  void failoversOlderThanTheFailoverPeriodAreForgotten() {
    try (Simulation sim = Simulation.builder().seed(34).build()) {
      Cluster c = oneVm(sim, FailoverPolicy.defaults().withRestart(0, Duration.ofMinutes(15)));
      for (int i = 1; i <= 6; i++) {
        sim.faults(c).crashVm(VM);
        sim.runFor(Duration.ofHours(3));
        assertThat(c.vm(VM).state()).as("failover %d, three hours apart", i).isEqualTo(VmState.RUNNING);
      }
      assertThat(c.group("vm1").failoverCount()).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void dontRestartLeavesTheVmFailedForTheRetryPeriod() {
    try (Simulation sim = Simulation.builder().seed(35).build()) {
      Cluster c = oneVm(sim, FailoverPolicy.defaults().withRestartAction(RestartAction.DONT_RESTART));
      sim.faults(c).crashVm(VM);
      sim.runFor(Duration.ofMinutes(59));
      assertThat(c.vm(VM).state()).isEqualTo(VmState.FAILED);
      assertThat(c.group("vm1").state()).isEqualTo(GroupState.FAILED);
      sim.runFor(Duration.ofMinutes(4));
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
    }
  }

  @Test
  void aStartBeyondThePendingTimeoutFails() {
    try (Simulation sim = Simulation.builder().seed(36).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = oneVm(sim, FailoverPolicy.defaults());
      sim.faults(c).failNextStarts(VM, 1, Duration.ofMinutes(10));
      sim.faults(c).crashVm(VM);
      sim.runFor(Duration.ofMinutes(4));
      VmStateChanged timeout = log.first(VmStateChanged.class, e -> e.to() == VmState.FAILED
          && e.reason().startsWith("start exceeded"));
      assertThat(timeout.reason()).isEqualTo("start exceeded the pending timeout of 180 s");
      VmStateChanged start = log.of(VmStateChanged.class, e -> e.to() == VmState.STARTING
          && e.timeNanos() < timeout.timeNanos()).stream().reduce((a, b) -> b).orElseThrow();
      assertThat(timeout.timeNanos() - start.timeNanos()).isEqualTo(Duration.ofMinutes(3).toNanos());
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
    }
  }

  @Test
  void aHostCrashCountsAsAFailoverOfEachOfItsGroups() {
    try (Simulation sim = Simulation.builder().seed(37).build()) {
      Cluster c = oneVm(sim, FailoverPolicy.defaults());
      for (int i = 1; i <= 3; i++) {
        HostId before = hostOf(c);
        sim.faults(c).crashHost(before);
        sim.runFor(Duration.ofMinutes(3));
        sim.faults(c).powerOnHost(before);
        sim.runFor(Duration.ofMinutes(4));
        assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
      }
      assertThat(c.group("vm1").failoverCount()).isEqualTo(3);
      HostId last = hostOf(c);
      sim.faults(c).crashHost(last);
      sim.runFor(Duration.ofMinutes(5));
      assertThat(c.group("vm1").state()).isEqualTo(GroupState.FAILED);
      assertThat(c.vm(VM).state()).isEqualTo(VmState.OFF);
      assertThat(c.group("vm1").lastReason()).contains("stays failed");
    }
  }
}
