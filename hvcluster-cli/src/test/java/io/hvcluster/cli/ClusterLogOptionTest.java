package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --scenario FILE --cluster-log DIR}: one cluster log per node, as an administrator reads it. */
final class ClusterLogOptionTest {
  @Test
  void writesOneLogPerNodeWithTheCrashSeenByTheSurvivors(@TempDir Path dir) throws Exception {
    Path logs = dir.resolve("logs");
    CliRunner r = CliRunner.run("simulate", "--scenario", CliRun.example("retail-host-failure.json").toString(),
        "--cluster-log", logs.toString(), "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("clusterLog").asText()).isEqualTo(logs.toString());
    try (var files = Files.list(logs)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("node1_cluster.log",
          "node2_cluster.log", "node3_cluster.log", "node4_cluster.log");
    }
    List<String> node1 = Files.readAllLines(logs.resolve("node1_cluster.log"));
    // node2 loses power at 10 min: node1 misses its heartbeats, regroups and removes it.
    assertThat(node1).anyMatch(l -> l.contains("::2009/01/01-00:10:0") && l.contains("[NM] Cluster node 'node2' was"
        + " removed from the active failover cluster membership (event 1135)"));
    List<String> node2 = Files.readAllLines(logs.resolve("node2_cluster.log"));
    assertThat(node2).noneMatch(l -> l.contains("event 1135"));
    assertThat(node2).anyMatch(l -> l.contains("[INIT] Cluster service starting on node2"));
  }

  @Test
  void refusesAFileAndFleetMode(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "x");
    CliRunner r = CliRunner.run("simulate", "--scenario", CliRun.example("retail-host-failure.json").toString(),
        "--cluster-log", file.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--cluster-log " + file + ": is a file; name a directory");
    CliRunner fleet = CliRunner.run("simulate", "--hosts", "4", "--vms", "4", "--days", "1", "--failures-per-hour", "1",
        "--cluster-log", dir.toString());
    assertThat(fleet.exitCode()).isEqualTo(2);
    assertThat(fleet.err()).contains("--cluster-log need --scenario FILE");
  }
}
