package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.event.HeartbeatRouteChanged;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.spec.ClusterSettings;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Multi-site clusters: heartbeats between nodes on different subnets use {@code CrossSubnetDelay} and
 * {@code CrossSubnetThreshold}, those between nodes of one subnet the same-subnet values.
 */
final class CrossSubnetHeartbeatsTest {
  private static final HostId NODE2 = HostId.of("node2");
  private static final HostId NODE3 = HostId.of("node3");

  /** node1 and node2 on site-a, node3 alone on site-b; five VMs. */
  private static ClusterSpec spec(int crossThreshold) {
    ClusterSpec base = TestSpecs.cluster("M", QuorumModel.NODE_MAJORITY, 3, 5);
    List<HostSpec> hosts = new ArrayList<>();
    for (HostSpec h : base.hosts()) {
      hosts.add(new HostSpec(h.id(), h.edition(), h.installation(), h.cores(), h.memoryBytes(),
          h.id().equals(NODE3) ? "site-b" : "site-a"));
    }
    return new ClusterSpec(base.name(), base.quorum(), hosts, base.storage(), base.vms(),
        base.settings().withCrossSubnetHeartbeat(Duration.ofMillis(1000), crossThreshold), base.era());
  }

  /** Nanoseconds from the crash of {@code victim} to its removal from the cluster. */
  private static long removalAfterCrash(int crossThreshold, HostId victim, HeartbeatMode mode) {
    try (Simulation sim = Simulation.builder().seed(11).heartbeatMode(mode).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = sim.createCluster(spec(crossThreshold));
      c.form();
      c.startAllVms();
      sim.runFor(Duration.ofMinutes(3));
      long crash = sim.nowNanos();
      sim.faults(c).crashHost(victim);
      sim.runFor(Duration.ofMinutes(1));
      NodeStateChanged down = log.first(NodeStateChanged.class, e -> e.host().equals(victim) && e.to() == NodeState.DOWN);
      return down.timeNanos() - crash;
    }
  }

  @Test
  void raisingCrossSubnetThresholdDelaysTheRemovalOfANodeOnTheOtherSubnetOnly() {
    for (HeartbeatMode mode : HeartbeatMode.values()) {
      long otherAt5 = removalAfterCrash(5, NODE3, mode);
      long otherAt10 = removalAfterCrash(10, NODE3, mode);
      long sameAt5 = removalAfterCrash(5, NODE2, mode);
      long sameAt10 = removalAfterCrash(10, NODE2, mode);
      // Default 1000 ms x 5: the fifth missed beat, 4 to 5 s after the crash; with 10, 9 to 10 s.
      assertThat(otherAt5).as(mode.name()).isGreaterThan(4_000_000_000L).isLessThanOrEqualTo(5_000_000_000L);
      assertThat(otherAt10).as(mode.name()).isGreaterThan(9_000_000_000L).isLessThanOrEqualTo(10_000_000_000L);
      assertThat(otherAt10 - otherAt5).as(mode.name() + ": five more beats").isEqualTo(5_000_000_000L);
      // node2's subnet peer node1 notices it after the same-subnet 5 beats, whatever the cross-subnet threshold.
      assertThat(sameAt5).as(mode.name()).isGreaterThan(4_000_000_000L).isLessThanOrEqualTo(5_000_000_000L);
      assertThat(sameAt10).as(mode.name()).isEqualTo(sameAt5);
    }
  }

  @Test
  void theRemovalAndTheLostRoutesNameTheCrossSubnetTiming() {
    try (Simulation sim = Simulation.builder().seed(11).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = sim.createCluster(spec(8));
      c.form();
      sim.runFor(Duration.ofMinutes(1));
      sim.faults(c).crashHost(NODE3);
      sim.runFor(Duration.ofMinutes(1));
      NodeStateChanged down = log.first(NodeStateChanged.class, e -> e.host().equals(NODE3) && e.to() == NodeState.DOWN);
      assertThat(down.reason()).isEqualTo("missed 8 consecutive cross-subnet heartbeats (1000 ms apart)");
      assertThat(log.of(HeartbeatRouteChanged.class)).filteredOn(e -> !e.up())
          .extracting(HeartbeatRouteChanged::reason).containsOnly("missed 8 consecutive cross-subnet heartbeats");
    }
  }

  @Test
  void aSlowerCrossSubnetDelaySpacesTheBeatsBetweenSubnets() {
    ClusterSpec slow = spec(5).withSettings(spec(5).settings().withCrossSubnetHeartbeat(Duration.ofMillis(3000), 3));
    long[] removal = new long[2];
    HeartbeatMode[] modes = HeartbeatMode.values();
    for (int m = 0; m < modes.length; m++) {
      try (Simulation sim = Simulation.builder().seed(4).heartbeatMode(modes[m]).build()) {
        EventLog log = EventLog.on(sim);
        Cluster c = sim.createCluster(slow);
        c.form();
        sim.runFor(Duration.ofMinutes(1));
        long crash = sim.nowNanos();
        sim.faults(c).crashHost(NODE3);
        sim.runFor(Duration.ofMinutes(1));
        removal[m] = log.first(NodeStateChanged.class, e -> e.host().equals(NODE3) && e.to() == NodeState.DOWN)
            .timeNanos() - crash;
      }
    }
    // 3000 ms x 3: the third missed beat, 6 to 9 s after the crash, in both heartbeat modes.
    assertThat(removal[0]).isGreaterThan(6_000_000_000L).isLessThanOrEqualTo(9_000_000_000L);
    assertThat(removal[1]).isEqualTo(removal[0]);
  }

  @Test
  void heartbeatsCostNoEventsBetweenHealthySubnets() {
    try (Simulation sim = Simulation.builder().seed(3).build()) {
      Cluster c = sim.createCluster(TestSpecs.twoSubnets(TestSpecs.fourNodes(), Duration.ofMillis(2000), 4));
      c.form();
      c.startAllVms();
      sim.runFor(Duration.ofHours(1));
      long afterAnHour = sim.stepsRun();
      sim.runFor(Duration.ofDays(30));
      assertThat(sim.stepsRun()).as("kernel events during a healthy month").isEqualTo(afterAnHour);
    }
  }

  @Test
  void elidedAndEveryBeatModesAgreeAcrossSubnets() {
    for (long seed = 1; seed <= 30; seed++) {
      List<String> elided = ScenarioRunner.lines(ScenarioRunner.run(seed, HeartbeatMode.ELIDED, true));
      List<String> reference = ScenarioRunner.lines(ScenarioRunner.run(seed, HeartbeatMode.EVERY_BEAT, true));
      assertThat(elided)
          .as("seed %d; replay: ScenarioRunner.run(%dL, HeartbeatMode.ELIDED, true) vs EVERY_BEAT", seed, seed)
          .containsExactlyElementsOf(reference);
    }
  }

  @Test
  void aClusterOnOneSubnetIgnoresTheCrossSubnetValues() {
    ClusterSpec base = TestSpecs.fourNodes();
    ClusterSpec tuned = base.withSettings(base.settings().withCrossSubnetHeartbeat(Duration.ofMillis(4000), 10));
    assertThat(trace(tuned)).isEqualTo(trace(base));
  }

  private static String trace(ClusterSpec spec) {
    StringBuilder out = new StringBuilder();
    try (Simulation sim = Simulation.builder().seed(9).traceTo(out).build()) {
      Cluster c = sim.createCluster(spec);
      c.form();
      c.startAllVms();
      sim.runFor(Duration.ofMinutes(2));
      sim.faults(c).crashHost(HostId.of("node2"));
      sim.runFor(Duration.ofMinutes(5));
      return out + sim.traceHash();
    }
  }

  @Test
  void crossSubnetValuesOutsideWindowsServer2008sRangesAreRefused() {
    ClusterSettings s = ClusterSettings.defaults(StorageType.ISCSI);
    assertThat(s.crossSubnetDelay()).isEqualTo(Duration.ofMillis(1000));
    assertThat(s.crossSubnetThreshold()).isEqualTo(5);
    assertThat(s.withCrossSubnetHeartbeat(Duration.ofMillis(4000), 10).crossSubnetDetectionTime())
        .isEqualTo(Duration.ofSeconds(40));
    assertThatThrownBy(() -> s.withCrossSubnetHeartbeat(Duration.ofMillis(4001), 5))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("cross-subnet heartbeat delay (CrossSubnetDelay) is 4001.0 ms; allowed: whole milliseconds from 250"
            + " to 4000");
    assertThatThrownBy(() -> s.withCrossSubnetHeartbeat(Duration.ofMillis(1000), 11))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("CrossSubnetThreshold")
        .hasMessageContaining("11");
    assertThatThrownBy(() -> HostSpec.builder("node1").subnet("10.0.0.0/24").build())
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("host 'node1' subnet name '10.0.0.0/24'");
  }
}
