package io.hvcluster.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testkit.check.InvariantViolation;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.property.PropertyFailure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The testkit end to end, with a toy failover model in place of the engine: the checker catches a
 * policy that ignores quorum and shrinks the counterexample to a plan of at most three faults.
 */
final class BrokenPolicyTest {
  @BeforeEach
  void reset() {
    Broken.PLANS.clear();
  }

  @Test
  void aPolicyThatIgnoresQuorumIsCaughtAndShrunkToAtMostThreeFaults() {
    EngineExecutionResults results = EngineRuns.run(Broken.class);
    results.testEvents().assertStatistics(s -> s.failed(1));
    Throwable failure = EngineRuns.firstTestFailure(results);
    assertThat(failure).isInstanceOf(PropertyFailure.class);
    assertThat(failure.getCause()).isInstanceOf(InvariantViolation.class);
    InvariantViolation violation = (InvariantViolation) failure.getCause();
    assertThat(violation.violation().invariant()).isEqualTo("S1");
    assertThat(violation.getMessage()).startsWith("SAFETY S1 at ").contains("first violating event: #")
        .contains("history around it:").contains(">> #").contains("plan as JSON (FaultPlan.fromJson):");
    FaultPlan minimal = shrunkPlan(failure.getMessage());
    assertThat(minimal.size()).isBetween(1, 3);
    assertThat(violation.getMessage()).contains(minimal.toJson().stripTrailing());
    assertThat(failure.getMessage()).contains("replay: @ClusterProperty(seed = ");
    assertThat(Broken.PLANS).contains(minimal);
  }

  /** Reads the shrunk plan's JSON back from a failure report, as a developer would paste it. */
  static FaultPlan shrunkPlan(String report) {
    String section = report.substring(report.indexOf("shrunk counterexample:\n"), report.indexOf("\nerror: "));
    String json = section.substring(section.indexOf("\n  {")).replace("\n  ", "\n");
    return FaultPlan.fromJson(json);
  }

  @Test
  void theCorrectPolicyPassesTheSameProperty() {
    EngineExecutionResults results = EngineRuns.run(Correct.class);
    if (!EngineRuns.failedTests(results).isEmpty()) {
      throw new AssertionError("the correct policy failed", EngineRuns.firstTestFailure(results));
    }
    results.testEvents().assertStatistics(s -> s.succeeded(1));
  }

  @Fixture
  static final class Broken {
    static final List<FaultPlan> PLANS = new ArrayList<>();

    @ClusterProperty(tries = 200, seed = 11, scenarios = ToyScenarios.IgnoresQuorum.class)
    void aVmRunsOnAtMostOneHost(FaultPlan plan, ToyFailover toy) {
      PLANS.add(plan);
      assertThat(toy.vms()).hasSize(4);
    }
  }

  @Fixture
  static final class Correct {
    @ClusterProperty(tries = 200, seed = 11, scenarios = ToyScenarios.Correct.class)
    void aVmRunsOnAtMostOneHost(FaultPlan plan, ToyFailover toy) {
      assertThat(toy.vms()).hasSize(4);
    }
  }
}
