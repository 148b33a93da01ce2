package io.hvcluster.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.core.defect.Defect;
import io.hvcluster.testkit.check.DeterminismReport;
import io.hvcluster.testkit.check.FailureClass;
import io.hvcluster.testkit.check.Violation;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.fault.Heal;
import io.hvcluster.testkit.fault.HostCrash;
import io.hvcluster.testkit.fault.HostSelector;
import io.hvcluster.testkit.fault.Split;
import io.hvcluster.testkit.fault.Timing;
import io.hvcluster.testkit.invariant.StepMonitor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Whole scenarios on the real engine, with the standard checks. */
final class EngineRunTest {
  private static final FaultPlan CRASH = FaultPlan.of(Heal.at(Duration.ofMinutes(1)),
      new HostCrash(HostSelector.explicit("node1"), Timing.atSeconds(5).lasting(Duration.ofSeconds(40))));
  private static final FaultPlan SPLIT = FaultPlan.of(Heal.at(Duration.ofMinutes(1)),
      new Split(HostSelector.explicit("node1"), Timing.atSeconds(5).lasting(Duration.ofSeconds(40))));

  @Test
  void aClusterWithoutFaultsSettlesAndPassesEveryCheck() {
    RunResult r = EngineRun.of(Clusters.lunPerVm(3, 4)).seed(1).run();
    assertThat(r.settled()).isTrue();
    assertThat(r.passed()).isTrue();
    assertThat(r.events()).isPositive();
    assertThat(r.steps()).isPositive();
    assertThat(r.toString()).startsWith("run 0x0000000000000001: passed; 0 faults");
  }

  @Test
  void theSameScenarioRunTwiceGivesTheSameTrace() {
    DeterminismReport report = EngineRun.of(Clusters.lunPerVm(3, 4)).seed(9).plan(CRASH).determinism();
    assertThat(report.deterministic()).as(report.toString()).isTrue();
  }

  @Test
  void aScenarioOnRealMemoryRunTwiceGivesTheSameTraceThoughItsFilesAreNamedInIt() {
    FaultPlan torn = FaultPlan.of(Heal.at(Duration.ofMinutes(1)), new io.hvcluster.testkit.fault.TornWrite(
        io.hvcluster.testkit.fault.LunSelector.explicit("lun-vm1"), io.hvcluster.testkit.fault.TornShape.SUFFIX,
        Timing.atSeconds(1)));
    io.hvcluster.testkit.workload.Workload stopStart = new io.hvcluster.testkit.workload.Workload(java.util.List.of(
        new io.hvcluster.testkit.workload.Operation.StopVm(Duration.ofSeconds(5), io.hvcluster.api.VmId.of("vm1")),
        new io.hvcluster.testkit.workload.Operation.StartVm(Duration.ofSeconds(30), io.hvcluster.api.VmId.of("vm1"))));
    DeterminismReport report = EngineRun.of(Clusters.lunPerVm(3, 2)).seed(4).plan(torn).workload(stopStart)
        .settings(EngineSettings.defaults().realMemory()).determinism();
    assertThat(report.deterministic()).as(report.toString()).isTrue();
  }

  @Test
  void anEngineThatSkipsStorageArbitrationIsCaughtRunningAVmWhoseLunItDoesNotReserve() {
    RunResult r = EngineRun.of(Clusters.lunPerVm(3, 4)).seed(1).plan(CRASH)
        .settings(EngineSettings.defaults().defects(Defect.SKIP_STORAGE_ARBITRATION)).run();
    Violation v = r.violation().orElseThrow();
    assertThat(v.invariant()).isEqualTo("S3");
    assertThat(v.failureClass()).isEqualTo(FailureClass.SAFETY);
    // Without arbitration no node ever reserves a VM's LUN, so the first start is already caught.
    assertThat(v.message()).contains("is STARTING on").contains("but its LUN").contains("is owned by no node");
  }

  @Test
  void anEngineThatIgnoresQuorumIsCaughtRunningVmsInAPartitionWithoutQuorum() {
    RunResult r = EngineRun.of(Clusters.lunPerVm(3, 6)).seed(1).plan(SPLIT)
        .settings(EngineSettings.defaults().defects(Defect.IGNORE_QUORUM)).run();
    Violation v = r.violation().orElseThrow();
    assertThat(v.invariant()).isIn("S4", "S5");
    assertThat(v.message()).contains("node1");
  }

  @Test
  void aReactionThatReschedulesItselfForeverIsReportedAsALivelock() {
    try (ClusterRun run = EngineRun.of(Clusters.lunPerVm(3, 2)).seed(1).start()) {
      Runnable[] loop = new Runnable[1];
      loop[0] = () -> run.simulation().schedule(Duration.ZERO, loop[0]);
      run.simulation().schedule(Duration.ofSeconds(1), loop[0]);
      Violation v = run.runToEnd().violation().orElseThrow();
      assertThat(v.invariant()).isEqualTo("livelock");
      assertThat(v.failureClass()).isEqualTo(FailureClass.LIVENESS);
      assertThat(v.message()).contains(StepMonitor.LIVELOCK_STEPS + " kernel events at one instant");
    }
  }

  @Test
  void aViolationReportNamesTheSeedTheFirstViolatingEventThePlanAndTheReplay() {
    RunResult r = EngineRun.of(Clusters.lunPerVm(3, 4)).seed(0x5EEDL).plan(CRASH)
        .settings(EngineSettings.defaults().defects(Defect.SKIP_STORAGE_ARBITRATION)).run();
    String report = r.report("EngineRun.of(spec).seed(0x5EEDL).plan(plan).run()").render();
    assertThat(report).startsWith("SAFETY S3 at ").contains("seed: 0x0000000000005EED")
        .contains("first violating event: #").contains("history around it:").contains(">> #")
        .contains("plan as JSON (FaultPlan.fromJson):").contains(CRASH.toJson().stripTrailing())
        .contains("replay: EngineRun.of(spec).seed(0x5EEDL).plan(plan).run()");
  }

  @Test
  void closingARunWithRealMemoryRemovesItsFiles() throws Exception {
    java.nio.file.Path dir;
    try (ClusterRun run = EngineRun.of(Clusters.lunPerVm(3, 2)).seed(2).settings(EngineSettings.defaults().realMemory())
        .start()) {
      dir = run.workDirectory();
      assertThat(java.nio.file.Files.isDirectory(dir)).isTrue();
      assertThat(run.runToEnd().passed()).isTrue();
    }
    assertThat(java.nio.file.Files.exists(dir)).isFalse();
  }
}
