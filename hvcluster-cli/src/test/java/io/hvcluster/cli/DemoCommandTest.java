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
        .contains("cold migration COMPLETED")
        .contains("trace hash ");
    // After the crash and the repair every VM runs again.
    assertThat(r.out().substring(r.out().lastIndexOf("State at"))).contains("VMs running: 12 of 12");
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
    assertThat(r.err()).startsWith("hvcluster: Invalid value for option '--seed': 'many' is not a long");
  }
}
