package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.spec.ClusterNetwork;
import io.hvcluster.api.spec.ClusterSettings;
import io.hvcluster.api.spec.NetworkRole;
import io.hvcluster.api.spec.QuorumModel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WSFC removes a node only when every cluster network that carries heartbeats to it is down. */
final class ClusterNetworksTest {
  private static final HostId NODE3 = HostId.of("node3");
  private static final List<ClusterNetwork> TWO = List.of(new ClusterNetwork("private", NetworkRole.CLUSTER_ONLY),
      new ClusterNetwork("public", NetworkRole.CLUSTER_AND_CLIENT), new ClusterNetwork("iscsi", NetworkRole.NONE));

  private static Cluster cluster(Simulation sim) {
    var spec = TestSpecs.cluster("N", QuorumModel.NODE_AND_DISK_MAJORITY, 4, 4);
    Cluster c = sim.createCluster(spec.withSettings(spec.settings().withNetworks(TWO)));
    c.form();
    c.startAllVms();
    sim.runFor(Duration.ofMinutes(3));
    return c;
  }

  @Test
  void aNodeWithOneOfTwoClusterNetworksCutStaysInTheCluster() {
    for (HeartbeatMode mode : HeartbeatMode.values()) {
      try (Simulation sim = Simulation.builder().seed(5).heartbeatMode(mode).build()) {
        EventLog log = EventLog.on(sim);
        Cluster c = cluster(sim);
        sim.faults(c).cutNetwork(NODE3, "private");
        // The network the cluster does not use for heartbeats changes nothing either.
        sim.faults(c).cutNetwork(NODE3, "iscsi");
        sim.runFor(Duration.ofHours(1));
        assertThat(c.host(NODE3).state()).as(mode.name()).isEqualTo(NodeState.UP);
        assertThat(log.of(NodeStateChanged.class)).noneMatch(e -> e.to() == NodeState.DOWN);
      }
    }
  }

  @Test
  void withBothClusterNetworksCutTheNodeIsRemovedAfterDelayTimesThreshold() {
    long elided = -1;
    for (HeartbeatMode mode : HeartbeatMode.values()) {
      try (Simulation sim = Simulation.builder().seed(5).heartbeatMode(mode).build()) {
        EventLog log = EventLog.on(sim);
        Cluster c = cluster(sim);
        sim.faults(c).cutNetwork(NODE3, "private");
        sim.runFor(Duration.ofSeconds(30));
        long cut = sim.nowNanos();
        sim.faults(c).cutNetwork(NODE3, "public");
        sim.runFor(Duration.ofSeconds(30));
        NodeStateChanged down = log.first(NodeStateChanged.class, e -> e.host().equals(NODE3) && e.to() == NodeState.DOWN);
        long nanos = down.timeNanos() - cut;
        // SameSubnetDelay 1 s x SameSubnetThreshold 5: the fifth missed beat, 4 to 5 s after the last network went.
        assertThat(nanos).as(mode.name()).isGreaterThan(4_000_000_000L).isLessThanOrEqualTo(5_000_000_000L);
        if (elided < 0) {
          elided = nanos;
        } else {
          assertThat(nanos).as("both heartbeat modes agree").isEqualTo(elided);
        }
        // One network back: the node rejoins.
        sim.faults(c).restoreNetwork(NODE3, "public");
        sim.runFor(Duration.ofMinutes(1));
        assertThat(c.host(NODE3).state()).isEqualTo(NodeState.UP);
      }
    }
  }

  @Test
  void healingTheNetworkBringsBackANodeThatLostEveryClusterNetwork() {
    for (HeartbeatMode mode : HeartbeatMode.values()) {
      try (Simulation sim = Simulation.builder().seed(5).heartbeatMode(mode).build()) {
        Cluster c = cluster(sim);
        sim.faults(c).cutNetwork(NODE3, "private");
        sim.faults(c).cutNetwork(NODE3, "public");
        sim.runFor(Duration.ofSeconds(30));
        assertThat(c.host(NODE3).state()).as(mode.name()).isNotEqualTo(NodeState.UP);
        sim.faults(c).healNetwork();
        sim.runFor(Duration.ofMinutes(1));
        assertThat(c.host(NODE3).state()).as(mode.name()).isEqualTo(NodeState.UP);
      }
    }
  }

  @Test
  void theNetworksAreValidated() {
    ClusterSettings s = TestSpecs.fourNodes().settings();
    assertThat(s.networks()).containsExactly(ClusterNetwork.defaultNetwork());
    assertThatThrownBy(() -> s.withNetworks(List.of(new ClusterNetwork("iscsi", NetworkRole.NONE))))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("no cluster network carries heartbeats");
    assertThatThrownBy(() -> s.withNetworks(List.of(ClusterNetwork.defaultNetwork(), ClusterNetwork.defaultNetwork())))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("named twice");
    try (Simulation sim = Simulation.builder().seed(1).build()) {
      Cluster c = sim.createCluster(TestSpecs.fourNodes());
      assertThatThrownBy(() -> sim.faults(c).cutNetwork(HostId.of("node1"), "nope"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no cluster network is named 'nope'");
    }
  }
}
