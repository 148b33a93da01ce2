package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class DeterminismTest {
  @Test
  void theSameSeedGivesTheSameTraceAndHash() {
    for (long seed = 100; seed < 110; seed++) {
      String first = ScenarioRunner.run(seed, HeartbeatMode.ELIDED);
      String second = ScenarioRunner.run(seed, HeartbeatMode.ELIDED);
      assertThat(second).as("seed %d; replay: ScenarioRunner.run(%dL, HeartbeatMode.ELIDED)", seed, seed).isEqualTo(first);
    }
  }

  @Test
  void differentSeedsGiveDifferentTraces() {
    Set<String> hashes = new HashSet<>();
    for (long seed = 200; seed < 220; seed++) {
      String trace = ScenarioRunner.run(seed, HeartbeatMode.ELIDED);
      hashes.add(trace.substring(trace.lastIndexOf("hash ")));
    }
    assertThat(hashes).hasSize(20);
  }

  @Test
  void differentSeedsGiveDifferentHistoriesOfTheSameCluster() {
    String a = TraceFixture.demoTrace(1);
    String b = TraceFixture.demoTrace(2);
    assertThat(a).isNotEqualTo(b);
    assertThat(TraceFixture.demoTrace(1)).isEqualTo(a);
  }
}
