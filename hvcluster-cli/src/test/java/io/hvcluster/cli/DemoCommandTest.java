package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class DemoCommandTest {
  @Test
  void runsTheEmbeddedClusterThroughItsStoryAndExitsZero() {
    CliRunner r = CliRunner.run("demo", "--seed", "7");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("Cluster HVCLUSTER: 4 nodes, quorum NODE_AND_DISK_MAJORITY")
        .contains("cluster     formed")
        .contains("VMs running: 12 of 12")
        .contains("HV03        UP → DOWN              missed 5 consecutive heartbeats")
        .contains("failover #1")
        .contains("quick migration COMPLETED")
        .contains("trace hash ");
    // After the crash and the repair every VM runs again.
    assertThat(r.out().substring(r.out().lastIndexOf("State at"))).contains("VMs running: 12 of 12");
  }

  @Test
  void liveMigratesTheBusySqlServerOntoTheRepairedNodeAndShowsItsPasses() {
    String out = CliRunner.run("demo", "--seed", "7").out();
    String step = out.substring(out.indexOf("== 5. Live migration"), out.indexOf("== Summary"));
    assertThat(step)
        .contains("sql01       live migration COMPLETED")
        .contains("Passes of the live migration of sql01")
        .contains("    pass 1    786,432 pages    3.0 GiB")
        .contains("stop-and-copy, VM frozen")
        .contains("phases: pre-copy")
        .contains("release-storage 1.0 s, arbitrate 2.0 s");
    assertThat(step.substring(step.lastIndexOf("State at"))).contains("VMs: sql01").contains("VMs running: 12 of 12");
    // The summary counts the blackout of the live migration, not its pre-copy, as downtime.
    String sql = out.lines().filter(l -> l.startsWith("    sql01 ")).findFirst().orElseThrow();
    assertThat(sql).contains("on HV03");
  }

  @Test
  void theSameSeedPrintsByteIdenticalOutput() {
    assertThat(CliRunner.run("demo", "--seed", "5").out()).isEqualTo(CliRunner.run("demo", "--seed", "5").out());
    assertThat(CliRunner.run("demo", "--seed", "5").out()).isNotEqualTo(CliRunner.run("demo", "--seed", "6").out());
  }

  @Test
  void rejectsABadSeedWithOneLineAndExitCodeTwo() {
    CliRunner r = CliRunner.run("demo", "--seed", "many");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("hvcluster: Invalid value for option '--seed': 'many' is not a whole number");
  }
}
