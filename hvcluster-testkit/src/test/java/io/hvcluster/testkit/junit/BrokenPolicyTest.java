package io.hvcluster.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.core.defect.Defect;
import io.hvcluster.testkit.check.InvariantViolation;
import io.hvcluster.testkit.engine.ClusterRun;
import io.hvcluster.testkit.engine.EngineRun;
import io.hvcluster.testkit.engine.EngineScenarios;
import io.hvcluster.testkit.engine.EngineSettings;
import io.hvcluster.testkit.engine.RunResult;
import io.hvcluster.testkit.fault.FaultKind;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.gen.ClusterSpecJson;
import io.hvcluster.testkit.gen.FaultPlans;
import io.hvcluster.testkit.gen.StorageLayout;
import io.hvcluster.testkit.gen.Topologies;
import io.hvcluster.testkit.property.Gen;
import io.hvcluster.testkit.property.PropertyFailure;
import io.hvcluster.testkit.property.Seeds;
import io.hvcluster.testkit.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The testkit end to end on the real engine, run with JUnit's EngineTestKit: an engine with a deliberate
 * defect (one that starts VMs without arbitrating their storage, one that ignores quorum) is caught by
 * the checkers, and the counterexample is shrunk to a plan of at most three faults; the report names the
 * seed, the first violating event with a slice of the history, the minimal plan and a one-line replay.
 */
final class BrokenPolicyTest {
  @BeforeEach
  void reset() {
    SkipsArbitration.PLANS.clear();
    IgnoresQuorum.PLANS.clear();
  }

  @Test
  void anEngineThatStartsVmsWithoutArbitratingTheirStorageIsCaughtAndShrunk() {
    EngineExecutionResults results = EngineRuns.run(SkipsArbitration.class);
    results.testEvents().assertStatistics(s -> s.failed(1));
    Throwable failure = EngineRuns.firstTestFailure(results);
    InvariantViolation violation = assertFullReport(failure);
    assertThat(violation.violation().invariant()).isEqualTo("S3");
    FaultPlan minimal = shrunkPlan(failure.getMessage());
    // Without arbitration no VM's LUN is ever reserved, so even the plan without faults breaks S3.
    assertThat(minimal.size()).isBetween(0, 3);
    assertThat(SkipsArbitration.PLANS).contains(minimal);
  }

  @Test
  void anEngineThatIgnoresQuorumIsCaughtAndShrunkToAtMostThreeFaults() {
    EngineExecutionResults results = EngineRuns.run(IgnoresQuorum.class);
    results.testEvents().assertStatistics(s -> s.failed(1));
    Throwable failure = EngineRuns.firstTestFailure(results);
    InvariantViolation violation = assertFullReport(failure);
    assertThat(violation.violation().invariant()).isIn("S4", "S5");
    FaultPlan minimal = shrunkPlan(failure.getMessage());
    assertThat(minimal.size()).isBetween(1, 3);
    assertThat(IgnoresQuorum.PLANS).contains(minimal);
    // The cluster and the plan paste into a regression test that fails the same way.
    ClusterSpec cluster = shrunkCluster(failure.getMessage());
    long seed = Seeds.parse(EngineRuns.reportEntry(results, "hvcluster.failingTrySeed"));
    RunResult again = EngineRun.of(cluster).seed(seed).plan(minimal)
        .settings(EngineSettings.defaults().defects(Defect.IGNORE_QUORUM)).run();
    assertThat(again.violation()).hasValueSatisfying(v -> assertThat(v.invariant()).isEqualTo(
        violation.violation().invariant()));
    // The replay line runs that minimal case alone, on the engine, and it fails again.
    String line = EngineRuns.reportEntry(results, "hvcluster.replay");
    String replay = line.substring(line.indexOf("-Dhvcluster.replay=") + "-Dhvcluster.replay=".length()).strip()
        .replace("'", "");
    IgnoresQuorum.PLANS.clear();
    EngineExecutionResults replayed = EngineRuns.run(IgnoresQuorum.class, PropertySettings.REPLAY, replay);
    replayed.testEvents().assertStatistics(s -> s.failed(1));
    assertThat(IgnoresQuorum.PLANS).containsExactly(minimal);
  }

  @Test
  void theCorrectEnginePassesTheSameProperties() {
    EngineExecutionResults results = EngineRuns.run(Correct.class);
    if (!EngineRuns.failedTests(results).isEmpty()) {
      throw new AssertionError("the correct engine failed", EngineRuns.firstTestFailure(results));
    }
    results.testEvents().assertStatistics(s -> s.succeeded(2));
  }

  /** Checks that the failure carries everything a developer needs, and returns the violation. */
  private static InvariantViolation assertFullReport(Throwable failure) {
    assertThat(failure).isInstanceOf(PropertyFailure.class);
    assertThat(failure.getCause()).isInstanceOf(InvariantViolation.class);
    InvariantViolation violation = (InvariantViolation) failure.getCause();
    assertThat(failure.getMessage())
        .contains("(seed 0x")
        .contains("shrunk counterexample:")
        .contains("fault plan: ")
        .contains("error: ").contains("SAFETY S")
        .contains("seed: 0x")
        .contains("first violating event: #")
        .contains("history around it:")
        .contains(">> #")
        .contains("plan as JSON (FaultPlan.fromJson):")
        .contains("replay: @ClusterProperty(seed = ");
    return violation;
  }

  /** Reads the shrunk plan's JSON back from a failure report, as a developer would paste it. */
  static FaultPlan shrunkPlan(String report) {
    String section = report.substring(report.indexOf("shrunk counterexample:\n"), report.indexOf("\nerror: "));
    String plan = section.substring(section.indexOf("plan as JSON (FaultPlan.fromJson):\n"));
    return FaultPlan.fromJson(plan.substring(plan.indexOf("\n  {")).replace("\n  ", "\n"));
  }

  /** Reads the shrunk cluster's JSON back from a failure report, as a developer would paste it. */
  static ClusterSpec shrunkCluster(String report) {
    String section = report.substring(report.indexOf("cluster as JSON (ClusterSpecJson.fromJson):\n"));
    String json = section.substring(section.indexOf("\n  {"), section.indexOf("\n  }") + 4).replace("\n  ", "\n");
    return ClusterSpecJson.fromJson(json);
  }

  /** Scenarios on 3 or 4 nodes, plans of crashes, hangs and partitions, no operator workload. */
  abstract static class Scenarios extends EngineScenarios {
    Scenarios(Defect... defects) {
      super(Topologies.builder().nodes(3, 4).vms(2, 5).quorum(QuorumModel.NODE_AND_DISK_MAJORITY, QuorumModel.NODE_MAJORITY)
              .layouts(StorageLayout.LUN_PER_VM).build(),
          spec -> FaultPlans.builder(spec).maxFaults(5).kinds(Set.of(FaultKind.HOST_CRASH, FaultKind.HOST_HANG,
              FaultKind.ISOLATE, FaultKind.SPLIT, FaultKind.VM_CRASH)).build(),
          spec -> Gen.constant(Workload.none()), EngineSettings.defaults().defects(defects));
    }
  }

  /** The engine with {@link Defect#SKIP_STORAGE_ARBITRATION}. */
  public static final class SkippingArbitration extends Scenarios {
    public SkippingArbitration() {
      super(Defect.SKIP_STORAGE_ARBITRATION);
    }
  }

  /** The engine with {@link Defect#IGNORE_QUORUM}. */
  public static final class IgnoringQuorum extends Scenarios {
    public IgnoringQuorum() {
      super(Defect.IGNORE_QUORUM);
    }
  }

  /** The engine as it is. */
  public static final class AsItIs extends Scenarios {
    public AsItIs() {
      super();
    }
  }

  @Fixture
  static final class SkipsArbitration {
    static final List<FaultPlan> PLANS = new ArrayList<>();

    @ClusterProperty(tries = 60, seed = 11, maxShrinkAttempts = 200, scenarios = SkippingArbitration.class)
    void vmsRunOnlyWhereTheirStorageIsReserved(FaultPlan plan, ClusterRun run) {
      PLANS.add(plan);
      run.runToEnd();
    }
  }

  @Fixture
  static final class IgnoresQuorum {
    static final List<FaultPlan> PLANS = new ArrayList<>();

    @ClusterProperty(tries = 60, seed = 11, maxShrinkAttempts = 200, scenarios = IgnoringQuorum.class)
    void vmsRunOnlyInThePartitionWithQuorum(FaultPlan plan, ClusterRun run) {
      PLANS.add(plan);
      run.runToEnd();
    }
  }

  @Fixture
  static final class Correct {
    @ClusterProperty(tries = 60, seed = 11, scenarios = AsItIs.class)
    void vmsRunOnlyWhereTheirStorageIsReserved(ClusterRun run) {
      run.runToEnd();
    }

    @ClusterProperty(tries = 60, seed = 12, scenarios = AsItIs.class)
    void vmsRunOnlyInThePartitionWithQuorum(ClusterRun run) {
      run.runToEnd();
    }
  }
}
