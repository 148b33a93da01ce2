package io.hvcluster.testkit.suites;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.core.HeartbeatMode;
import io.hvcluster.testkit.check.DeterminismReport;
import io.hvcluster.testkit.engine.EngineRun;
import io.hvcluster.testkit.engine.EngineSettings;
import io.hvcluster.testkit.engine.RunResult;
import io.hvcluster.testkit.gen.FaultPlans;
import io.hvcluster.testkit.gen.Topologies;
import io.hvcluster.testkit.junit.ClusterScenarios;
import io.hvcluster.testkit.junit.Scenario;
import io.hvcluster.testkit.junit.ClusterProperty;
import io.hvcluster.testkit.property.TryInfo;
import io.hvcluster.testkit.workload.Workloads;
import java.time.Duration;

/**
 * Determinism (meta-invariant M1): a scenario run twice gives the same trace hash and the same trace
 * lines, and the elided heartbeat mode gives the same history as the every-beat reference.
 */
final class EngineDeterminismTest {
  /** Swarm scenarios on 2 to 4 nodes. */
  public static final class Small extends ClusterScenarios {
    public Small() {
      super(Topologies.builder().nodes(2, 4).vms(1, 6).build(),
          spec -> FaultPlans.builder(spec).maxFaults(4).horizon(Duration.ofSeconds(90)).swarm().build(),
          spec -> Workloads.operations(spec, Duration.ofSeconds(90), 3));
    }
  }

  private static EngineRun run(Scenario s, TryInfo info) {
    return EngineRun.of(s.spec()).seed(info.seed()).plan(s.plan()).workload(s.workload());
  }

  @ClusterProperty(tries = 50, scenarios = Small.class)
  void aScenarioRunTwiceGivesTheSameTrace(Scenario scenario, TryInfo info) {
    DeterminismReport report = run(scenario, info).determinism();
    assertThat(report.deterministic()).as(report.toString()).isTrue();
  }

  @ClusterProperty(tries = 50, scenarios = Small.class)
  void elidedHeartbeatsGiveTheSameHistoryAsEveryBeat(Scenario scenario, TryInfo info) {
    RunResult elided = run(scenario, info).run();
    RunResult everyBeat = run(scenario, info).settings(EngineSettings.defaults().heartbeatMode(HeartbeatMode.EVERY_BEAT))
        .run();
    assertThat(everyBeat.traceHash()).as("trace hash of EVERY_BEAT vs ELIDED").isEqualTo(elided.traceHash());
    assertThat(elided.passed()).as("%s", elided).isTrue();
  }
}
