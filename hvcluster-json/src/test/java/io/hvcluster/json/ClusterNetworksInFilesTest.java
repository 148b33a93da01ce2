package io.hvcluster.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.spec.ClusterNetwork;
import io.hvcluster.api.spec.NetworkRole;
import io.hvcluster.core.management.description.ClusterDescription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A description's dedicated heartbeat and iSCSI networks become cluster networks, and scenario files cut
 * and restore a node's interface on one of them: a node with one of two cluster networks cut stays in the
 * cluster; with both cut it is removed after SameSubnetDelay × SameSubnetThreshold.
 */
final class ClusterNetworksInFilesTest {
  private static final HostId NODE3 = HostId.of("node3");

  @TempDir Path dir;

  private static String cluster(boolean heartbeat, boolean iscsi) {
    StringBuilder hosts = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      hosts.append(i > 1 ? ", " : "").append("{\"name\": \"node").append(i).append("\", \"heartbeatNetwork\": ")
          .append(heartbeat).append(", \"iscsiNetwork\": ").append(iscsi).append('}');
    }
    return "{\"name\": \"NET\", \"hosts\": [" + hosts + "],"
        + " \"storage\": {\"type\": \"ISCSI\", \"luns\": [{\"name\": \"lun-web\", \"sizeGiB\": 40}]},"
        + " \"vms\": [{\"name\": \"web\", \"luns\": [\"lun-web\"]}]}";
  }

  private Path scenario(String cluster, String actions) throws Exception {
    Path file = dir.resolve("scenario.json");
    Files.writeString(file, "{\"cluster\": " + cluster + ", \"duration\": \"10m\", \"actions\": [" + actions + "]}",
        StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void dedicatedNetworksOnEveryHostBecomeClusterNetworksNumberedAsWsfcNamesThem() throws Exception {
    Path file = dir.resolve("c.json");
    Files.writeString(file, cluster(true, true), StandardCharsets.UTF_8);
    ClusterDescription d = ClusterDescriptions.read(file);

    assertThat(d.networks()).containsExactly(ClusterNetwork.defaultNetwork(),
        new ClusterNetwork("cluster-network-2", NetworkRole.CLUSTER_ONLY),
        new ClusterNetwork("cluster-network-3", NetworkRole.NONE));
    assertThat(d.toSpec().settings().networks()).isEqualTo(d.networks());
    // and back: the spec's networks give every host both dedicated networks again
    assertThat(ClusterDescription.fromSpec(d.toSpec()).networks()).isEqualTo(d.networks());
    Files.writeString(file, cluster(false, true), StandardCharsets.UTF_8);
    assertThat(ClusterDescriptions.read(file).networks()).extracting(ClusterNetwork::role)
        .containsExactly(NetworkRole.CLUSTER_AND_CLIENT, NetworkRole.NONE);
    Files.writeString(file, cluster(false, false), StandardCharsets.UTF_8);
    assertThat(ClusterDescriptions.read(file).toSpec().settings().networks()).containsExactly(ClusterNetwork.defaultNetwork());
  }

  @Test
  void aNodeWithOneOfTwoClusterNetworksCutStaysAndWithBothCutIsRemoved() throws Exception {
    ScenarioResult one = ScenarioRunner.run(ScenarioFiles.read(scenario(cluster(true, false),
        "{\"at\": \"2m\", \"action\": \"cut-network\", \"host\": \"node3\", \"network\": \"cluster-network-2\"}")));
    assertThat(one.outcomes()).allMatch(ActionOutcome::accepted);
    assertThat(one.record().events()).noneMatch(e -> e instanceof NodeStateChanged n && n.host().equals(NODE3)
        && n.to() == NodeState.DOWN);

    ScenarioResult both = ScenarioRunner.run(ScenarioFiles.read(scenario(cluster(true, false),
        "{\"at\": \"2m\", \"action\": \"cut-network\", \"host\": \"node3\", \"network\": \"cluster-network-2\"},"
            + " {\"at\": \"3m\", \"action\": \"cut-network\", \"host\": \"node3\", \"network\": \"cluster-network-1\"},"
            + " {\"at\": \"6m\", \"action\": \"restore-network\", \"host\": \"node3\", \"network\": \"cluster-network-1\"}")));
    assertThat(both.outcomes()).allMatch(ActionOutcome::accepted);
    NodeStateChanged down = (NodeStateChanged) both.record().events().stream()
        .filter(e -> e instanceof NodeStateChanged n && n.host().equals(NODE3) && n.to() == NodeState.DOWN)
        .findFirst().orElseThrow();
    // 5 missed heartbeats 1 s apart after the last network went at 3m
    assertThat(down.timeNanos()).isBetween(180_000_000_000L + 4_000_000_000L, 180_000_000_000L + 6_000_000_000L);
    assertThat(both.outcomes().get(0).action().describe()).isEqualTo("cut-network node3 on cluster-network-2");
  }

  @Test
  void aNetworkTheClusterDoesNotHaveIsRefusedNamingTheNetworksItHas() throws Exception {
    Path file = scenario(cluster(false, false),
        "{\"at\": \"2m\", \"action\": \"cut-network\", \"host\": \"node3\", \"network\": \"cluster-network-2\"}");
    assertThatThrownBy(() -> ScenarioFiles.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("$.actions[0].network: network 'cluster-network-2' is not one of the cluster's networks:"
            + " cluster-network-1");
    assertThat(ActionKind.byId("cut-network").shape().fields()).containsExactly("host", "network");
  }
}
