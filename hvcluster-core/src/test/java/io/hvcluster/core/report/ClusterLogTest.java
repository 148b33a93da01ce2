package io.hvcluster.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.TestSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterLogTest {
  private static final Pattern LINE = Pattern.compile(
      "[0-9a-f]{8}\\.[0-9a-f]{8}::\\d{4}/\\d{2}/\\d{2}-\\d{2}:\\d{2}:\\d{2}\\.\\d{3} (INFO  |WARN  |ERR   )\\[[A-Z]+\\] .+");

  private record Crash(ClusterLog log, HostId crashed, HostId survivor, String lun) {
  }

  /** Four nodes with a disk witness, every VM running, then the owner of vm1 loses power. */
  private static Crash crash() {
    try (Simulation sim = Simulation.builder().seed(7).build()) {
      Cluster cluster = sim.createCluster(TestSpecs.cluster("C1", QuorumModel.NODE_AND_DISK_MAJORITY, 4, 4));
      RunRecorder recorder = RunRecorder.attach(sim, cluster);
      cluster.form();
      cluster.startAllVms();
      sim.runFor(Duration.ofMinutes(3));
      HostId crashed = cluster.vm("vm1").host().orElseThrow();
      String lun = cluster.vm("vm1").spec().luns().get(0).name();
      sim.faults(cluster).crashHost(crashed);
      sim.runFor(Duration.ofMinutes(4));
      HostId survivor = cluster.vm("vm1").host().orElseThrow();
      return new Crash(ClusterLog.of(recorder.finish()), crashed, survivor, lun);
    }
  }

  @Test
  void theLogOfAHostCrashShowsRegroupThenArbitrationThenTheVmOnline() {
    Crash c = crash();
    List<String> log = c.log().lines(c.survivor());
    assertThat(log).allMatch(l -> LINE.matcher(l).matches(), "every line has the cluster.log shape");
    int routeDown = indexOf(log, 0, "[NETFT] Route from " + c.survivor() + " to " + c.crashed() + " is down");
    int regroup = indexOf(log, routeDown, "[RGP] Node " + c.survivor() + ": regroup initiated; node " + c.crashed());
    int removed = indexOf(log, regroup, "[NM] Cluster node '" + c.crashed() + "' was removed from the active failover"
        + " cluster membership (event 1135)");
    int failover = indexOf(log, removed, "[FM] Failover of group");
    int arbitrate = indexOf(log, failover, "[RES] Physical Disk <" + c.lun() + ">: Arbitrate: register");
    int held = indexOf(log, arbitrate, "[RES] Physical Disk <" + c.lun() + ">: Arbitrate: reservation held by "
        + c.survivor());
    int online = indexOf(log, held, "[RES] Virtual Machine <vm1>: Starting --> Running");
    assertThat(online).isGreaterThan(held);
    // Detection takes SameSubnetDelay x SameSubnetThreshold = 5 s: the route goes down 4 to 5 s after the crash.
    assertThat(log.get(routeDown)).contains("2009/01/01-00:03:0");
  }

  @Test
  void aNodeWithoutPowerWritesNothingAndItsLogStopsAtTheCrash() {
    Crash c = crash();
    List<String> dead = c.log().lines(c.crashed());
    assertThat(dead).isNotEmpty();
    assertThat(dead).noneMatch(l -> l.contains("event 1135") || l.contains("Failover of group"));
    assertThat(dead.get(dead.size() - 1).substring(19, 42)).isLessThanOrEqualTo("2009/01/01-00:03:00.000");
  }

  @Test
  void sameRunSameLogAndOneFilePerNode(@TempDir Path dir) throws Exception {
    Crash a = crash();
    Crash b = crash();
    assertThat(a.log().text(a.survivor())).isEqualTo(b.log().text(b.survivor()));
    List<Path> files = a.log().writeTo(dir.resolve("logs"));
    assertThat(files).hasSize(4);
    assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("node1_cluster.log",
        "node2_cluster.log", "node3_cluster.log", "node4_cluster.log");
    assertThat(Files.readString(dir.resolve("logs").resolve(ClusterLog.fileName(a.survivor()))))
        .isEqualTo(a.log().text(a.survivor())).contains("\r\n");
  }

  @Test
  void anotherEpochMovesEveryStamp() {
    try (Simulation sim = Simulation.builder().seed(3).build()) {
      Cluster cluster = sim.createCluster(TestSpecs.cluster("C1", QuorumModel.NODE_MAJORITY, 3, 1));
      RunRecorder recorder = RunRecorder.attach(sim, cluster);
      cluster.form();
      sim.runFor(Duration.ofSeconds(30));
      ClusterLog log = ClusterLog.of(recorder.finish(), Instant.parse("2010-05-12T14:00:00Z"));
      assertThat(log.lines(HostId.of("node1"))).isNotEmpty()
          .allMatch(l -> l.contains("::2010/05/12-14:00:0"));
      assertThatThrownBy(() -> log.lines(HostId.of("node9"))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("node9 is not in this cluster");
    }
  }

  private static int indexOf(List<String> log, int from, String text) {
    for (int i = from; i < log.size(); i++) {
      if (log.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError("no line containing '" + text + "' at or after line " + from + " in:\n"
        + String.join("\n", log));
  }
}
