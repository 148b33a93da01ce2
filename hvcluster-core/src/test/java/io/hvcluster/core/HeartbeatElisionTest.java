package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class HeartbeatElisionTest {
  private static final int SEEDS = Integer.getInteger("hvcluster.elision.seeds", 60);

  @Test
  void elidedAndEveryBeatModesGiveTheSameHistoryOnManySeeds() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      List<String> elided = ScenarioRunner.lines(ScenarioRunner.run(seed, HeartbeatMode.ELIDED));
      List<String> reference = ScenarioRunner.lines(ScenarioRunner.run(seed, HeartbeatMode.EVERY_BEAT));
      assertThat(elided)
          .as("seed %d; replay: ScenarioRunner.run(%dL, HeartbeatMode.ELIDED) vs EVERY_BEAT", seed, seed)
          .containsExactlyElementsOf(reference);
    }
  }

  @Test
  void aHealthyClusterCostsNoEventsPerHeartbeat() {
    try (Simulation sim = Simulation.builder().seed(3).build()) {
      Cluster c = sim.createCluster(TestSpecs.fourNodes());
      c.form();
      c.startAllVms();
      sim.runFor(Duration.ofHours(1));
      long afterAnHour = sim.stepsRun();
      sim.runFor(Duration.ofDays(365));
      assertThat(sim.stepsRun()).as("kernel events during a healthy year").isEqualTo(afterAnHour);
    }
  }

  @Test
  void theReferenceModeDoesSimulateEveryHeartbeat() {
    try (Simulation sim = Simulation.builder().seed(3).heartbeatMode(HeartbeatMode.EVERY_BEAT).build()) {
      Cluster c = sim.createCluster(TestSpecs.fourNodes());
      c.form();
      sim.runFor(Duration.ofMinutes(1));
      long before = sim.stepsRun();
      sim.runFor(Duration.ofMinutes(10));
      // Four nodes beating once a second for 600 s.
      assertThat(sim.stepsRun() - before).isEqualTo(4 * 600);
    }
  }
}
