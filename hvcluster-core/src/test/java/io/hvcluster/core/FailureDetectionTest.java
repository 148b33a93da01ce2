package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.spec.ClusterSettings;
import io.hvcluster.api.spec.QuorumModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class FailureDetectionTest {
  private static long detectionNanos(long seed, ClusterSettings settings, HeartbeatMode mode) {
    try (Simulation sim = Simulation.builder().seed(seed).heartbeatMode(mode).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = sim.createCluster(TestSpecs.cluster("D", QuorumModel.NODE_AND_DISK_MAJORITY, 4, 4).withSettings(settings));
      c.form();
      sim.runFor(Duration.ofSeconds(30 + seed % 7));
      long crash = sim.nowNanos();
      sim.faults(c).crashHost(HostId.of("node2"));
      sim.runFor(Duration.ofSeconds(30));
      NodeStateChanged down = log.first(NodeStateChanged.class,
          e -> e.host().name().equals("node2") && e.to() == NodeState.DOWN);
      assertThat(down.reason()).isEqualTo("missed " + settings.heartbeatThreshold() + " consecutive heartbeats ("
          + settings.heartbeatDelay().toMillis() + " ms apart)");
      return down.timeNanos() - crash;
    }
  }

  @Test
  void declaresACrashedNodeDownAfterDelayTimesThresholdByDefault() {
    ClusterSettings defaults = TestSpecs.fourNodes().settings();
    assertThat(defaults.heartbeatDelay()).isEqualTo(Duration.ofMillis(1000));
    assertThat(defaults.heartbeatThreshold()).isEqualTo(5);
    for (long seed = 1; seed <= 20; seed++) {
      long nanos = detectionNanos(seed, defaults, HeartbeatMode.ELIDED);
      // The fifth missed heartbeat: more than four periods and at most five after the crash.
      assertThat(nanos).as("seed %d", seed).isGreaterThan(4_000_000_000L).isLessThanOrEqualTo(5_000_000_000L);
    }
  }

  @Test
  void followsTunedHeartbeatSettingsInBothModes() {
    ClusterSettings tuned = TestSpecs.fourNodes().settings().withHeartbeat(Duration.ofMillis(2000), 10);
    for (long seed = 1; seed <= 5; seed++) {
      long elided = detectionNanos(seed, tuned, HeartbeatMode.ELIDED);
      assertThat(elided).isGreaterThan(18_000_000_000L).isLessThanOrEqualTo(20_000_000_000L);
      assertThat(detectionNanos(seed, tuned, HeartbeatMode.EVERY_BEAT)).isEqualTo(elided);
    }
  }
}
