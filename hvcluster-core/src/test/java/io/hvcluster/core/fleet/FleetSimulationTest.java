package io.hvcluster.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.QuorumModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FleetSimulationTest {
  private static FleetReport run(int hosts, int vms, double days, double failuresPerHour, long seed) {
    return FleetSimulation.run(new FleetSpec(hosts, vms, days, failuresPerHour, Duration.ofHours(4), seed), t -> { });
  }

  @Test
  void splitsHostsIntoClustersOfAtMostSixteenWithTheAdvisedQuorumModel() {
    List<ClusterSpec> specs = FleetSimulation.clusters(new FleetSpec(100, 1000, 1, 0, Duration.ofHours(4), 1));
    assertThat(specs).hasSize(7);
    assertThat(specs.stream().mapToInt(c -> c.hosts().size()).sum()).isEqualTo(100);
    assertThat(specs.stream().mapToInt(c -> c.vms().size()).sum()).isEqualTo(1000);
    for (ClusterSpec c : specs) {
      assertThat(c.hosts().size()).isBetween(14, 15);
      assertThat(c.quorum()).isEqualTo(c.hosts().size() % 2 == 0 ? QuorumModel.NODE_AND_DISK_MAJORITY
          : QuorumModel.NODE_MAJORITY);
      // Every VM fits with one node down.
      long vmMemory = c.vms().stream().mapToLong(v -> v.memoryBytes()).sum();
      long withOneDown = (c.hosts().size() - 1) * c.hosts().get(0).vmMemoryBytes();
      assertThat(withOneDown).isGreaterThan(vmMemory);
    }
  }

  @Test
  void runsAFleetThroughPoissonFailuresAndRepairsSafely() {
    FleetReport r = run(40, 600, 2, 1, 7);
    assertThat(r.clusters()).isEqualTo(3);
    assertThat(r.simulatedSeconds()).isEqualTo(2 * 86_400);
    // About one failure an hour for 48 hours.
    assertThat(r.hostFailures()).isBetween(25, 75);
    assertThat(r.failovers()).isGreaterThan(r.hostFailures());
    assertThat(r.invariantViolations()).as(r.violations().toString()).isZero();
    assertThat(r.vmsRunning()).isEqualTo(600);
    assertThat(r.availability()).isBetween(0.99, 1.0);
    assertThat(r.vmDowntimeSeconds()).isPositive();
    assertThat(r.meanTimeToRecoverSeconds()).as("detection + arbitration + a cold boot").isBetween(40.0, 400.0);
  }

  @Test
  void aFleetWhoseVmsNeverGetToRunIsNotReportedAvailable() {
    // Failures every few seconds, repaired only after 20 h: every host is down before any VM has booted.
    FleetReport r = FleetSimulation.run(new FleetSpec(3, 6, 1, 1000, Duration.ofHours(20), 2), t -> { });
    assertThat(r.vmsRunning()).isZero();
    assertThat(r.invariantViolations()).as(r.violations().toString()).isZero();
    // Each VM is down for the whole day, counted from the start-all at time 0.
    assertThat(r.vmDowntimeSeconds()).isEqualTo(6 * 86_400.0);
    assertThat(r.availability()).isZero();
  }

  @Test
  void theSameSeedGivesTheSameTraceHashAndAnotherSeedAnother() {
    FleetReport a = run(20, 200, 1, 2, 3);
    FleetReport b = run(20, 200, 1, 2, 3);
    FleetReport c = run(20, 200, 1, 2, 4);
    assertThat(b.traceHash()).isEqualTo(a.traceHash());
    assertThat(b).isEqualTo(a);
    assertThat(c.traceHash()).isNotEqualTo(a.traceHash());
  }

  @Test
  void theReportAndItsTraceHashDoNotDependOnTheNumberOfThreads() {
    // Five clusters, failures in every one of them: the merge must not follow which thread finished first.
    FleetSpec spec = new FleetSpec(80, 800, 2, 3, Duration.ofHours(4), 11);
    FleetReport one = FleetSimulation.run(spec, 1, t -> { });
    assertThat(one.hostFailures()).as("failures spread over the clusters").isGreaterThan(50);
    assertThat(one.failovers()).isPositive();
    for (int threads : new int[] {2, 4}) {
      assertThat(FleetSimulation.run(spec, threads, t -> { })).as("%d threads", threads).isEqualTo(one);
    }
  }

  @Test
  void aFleetOnSeveralThreadsReportsProgressInOrderOnceAtATime() {
    List<Long> seen = new ArrayList<>();
    FleetSimulation.run(new FleetSpec(64, 64, 1, 1, Duration.ofHours(4), 1), 4, seen::add);
    assertThat(seen).isSorted().hasSize(1000);
    assertThat(seen.get(seen.size() - 1)).isEqualTo(86_400_000_000_000L);
  }

  @Test
  void refusesFewerThanOneThread() {
    FleetSpec spec = new FleetSpec(4, 8, 1, 0, Duration.ofHours(4), 1);
    assertThatThrownBy(() -> FleetSimulation.run(spec, 0, t -> { })).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads is 0; allowed: 1 or more");
  }

  @Test
  void costGrowsWithWhatHappensNotWithSimulatedTime() {
    FleetReport week = run(20, 200, 7, 0, 5);
    FleetReport year = run(20, 200, 365, 0, 5);
    assertThat(year.kernelSteps()).isEqualTo(week.kernelSteps());
    assertThat(year.events()).isEqualTo(week.events());
  }

  @Test
  void reportsProgressInVirtualTime() {
    List<Long> seen = new ArrayList<>();
    FleetSimulation.run(new FleetSpec(4, 8, 1, 0, Duration.ofHours(4), 1), seen::add);
    assertThat(seen).isSorted().hasSizeBetween(900, 1001);
    assertThat(seen.get(seen.size() - 1)).isEqualTo(86_400_000_000_000L);
  }

  @Test
  void rejectsOutOfRangeSpecsSayingWhatIsAllowed() {
    assertThatThrownBy(() -> new FleetSpec(1, 10, 1, 1, Duration.ofHours(1), 1))
        .isInstanceOf(InvalidConfigurationException.class).hasMessage("hosts is 1; allowed: 2 to 100000");
    assertThatThrownBy(() -> new FleetSpec(10, 10, 0, 1, Duration.ofHours(1), 1))
        .hasMessage("days is 0.0; allowed: more than 0 and at most 3650");
    assertThatThrownBy(() -> new FleetSpec(10, 10, 1, -1, Duration.ofHours(1), 1))
        .hasMessage("failures per hour is -1.0; allowed: 0 to 10000");
  }
}
