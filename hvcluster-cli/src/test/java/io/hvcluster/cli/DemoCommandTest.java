package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class DemoCommandTest {
  @Test
  void runsTheEmbeddedClusterThroughItsStoryAndExitsZero() {
    CliRunner r = CliRunner.run("demo", "--seed", "7");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("Cluster HVCLUSTER: 4 nodes, quorum NODE_AND_DISK_MAJORITY")
        .contains("cluster       formed")
        .contains("VMs running: 12 of 12")
        .contains("HV03          UP → DOWN                    missed 5 consecutive heartbeats")
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
        .contains("sql01         live migration COMPLETED")
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
  void everyLineFitsIn120ColumnsAndEveryReasonStartsInItsOwnColumn() {
    Pattern event = Pattern.compile("  \\d+:\\d\\d:\\d\\d\\.\\d{3}  .*");
    int reason = DemoTimeline.REASON_COLUMN;
    for (int seed = 1; seed <= 4; seed++) {
      for (String details : new String[] {"--seed", "--details"}) {
        String[] args = details.equals("--details") ? new String[] {"demo", "--details", "--seed", "" + seed}
            : new String[] {"demo", "--seed", "" + seed};
        List<String> lines = CliRunner.run(args).out().lines().toList();
        boolean inEvent = false;
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          assertThat(line.length()).as("seed %d %s: %s", seed, details, line).isLessThanOrEqualTo(120);
          if (event.matcher(line).matches()) {
            inEvent = true;
            if (line.length() > reason && line.charAt(reason - 1) == ' ') {
              assertThat(line.charAt(reason)).as("a reason starts in its column: %s", line).isNotEqualTo(' ');
            } else if (line.length() > reason) {
              // A change wider than its column ends the line; its reason follows, under the reason column.
              assertThat(lines.get(i + 1)).as("after %s", line).startsWith(" ".repeat(reason));
            }
          } else if (line.startsWith(" ".repeat(reason))) {
            assertThat(inEvent).as("a continuation follows an event: %s", line).isTrue();
            assertThat(line.charAt(reason)).as("a continuation starts in the reason column: %s", line).isNotEqualTo(' ');
          } else {
            inEvent = false;
          }
        }
        assertThat(lines).anyMatch(l -> l.startsWith(" ".repeat(reason)));
      }
    }
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
