package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durations past what a run can hold are refused before anything converts them to nanoseconds, naming
 * the field or option and the maximum ("long overflow" before).
 */
final class RunDurationsTest {
  @TempDir Path dir;

  @BeforeEach
  void writeACluster() throws IOException {
    Files.writeString(dir.resolve("two.json"), "{\"name\": \"TWO\", \"hosts\": [{\"name\": \"node1\"}, {\"name\": \"node2\"}],"
      + " \"storage\": {\"type\": \"ISCSI\", \"luns\": [{\"name\": \"lun-web\", \"sizeGiB\": 40}]},"
      + " \"vms\": [{\"name\": \"web\", \"luns\": [\"lun-web\"]}]}");
  }

  private static String refusal(String... args) {
    CliRun run = CliRun.of(args);
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err().lines()).as(run.err()).hasSize(1);
    return run.err().strip();
  }

  private String scenario(String json) throws IOException {
    return Files.writeString(dir.resolve("s.json"), json).toString();
  }

  @Test
  void aDurationInTheFileLongerThanTheMaximumNamesItsFieldAndTheMaximum() throws IOException {
    String s = scenario("{\"cluster\": \"two.json\", \"duration\": \"24000000h\"}");

    assertThat(refusal("simulate", "--scenario", s)).isEqualTo("hvcluster: " + s + ": $.duration: '24000000h' is"
        + " longer than the maximum, 87600h (3650 days)");
  }

  @Test
  void aDurationTooLongToParseIsNamedTheSameWay() throws IOException {
    String s = scenario("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"actions\": [{\"at\":"
        + " \"99999999999999999999h\", \"action\": \"heal\"}]}");

    assertThat(refusal("simulate", "--scenario", s)).isEqualTo("hvcluster: " + s + ": $.actions[0].at:"
        + " '99999999999999999999h' is longer than the maximum, 87600h (3650 days)");
  }

  @Test
  void theDurationOptionIsCheckedAgainstTheSameMaximum() throws IOException {
    String s = scenario("{\"cluster\": \"two.json\", \"duration\": \"1h\"}");

    assertThat(refusal("simulate", "--scenario", s, "--duration", "24000000h")).isEqualTo("hvcluster: --duration:"
        + " '24000000h' is longer than the maximum, 87600h (3650 days) (see 'hvcluster simulate --help')");
  }

  @Test
  void theMaximumItselfIsAllowed() throws IOException {
    String s = scenario("{\"cluster\": \"two.json\", \"duration\": \"87600h\", \"startVms\": false}");

    CliRun run = CliRun.of("simulate", "--scenario", s, "--json");

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
  }

  @Test
  void faultPlanTimesAreBoundedWithTheirPath() throws IOException {
    String inline = scenario("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"faults\": {\"faults\":"
        + " [{\"fault\": \"host-crash\", \"at\": \"10m\", \"for\": \"24000000h\", \"hosts\": \"explicit(node1)\"}],"
        + " \"heal\": {\"at\": \"50m\", \"quiet\": \"5m\"}}}");
    assertThat(refusal("simulate", "--scenario", inline)).isEqualTo("hvcluster: " + inline
        + ": $.faults.faults[0].for: 24000000h is longer than the maximum, 87600h (3650 days)");

    Path plan = Files.writeString(dir.resolve("plan.json"), "{\"faults\": [], \"heal\": {\"at\": \"50m\", \"quiet\":"
        + " \"24000000h\"}}");
    String byFile = scenario("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"faults\": \"plan.json\"}");
    assertThat(refusal("simulate", "--scenario", byFile)).isEqualTo("hvcluster: " + plan + ": $.heal.quiet: 24000000h"
        + " is longer than the maximum, 87600h (3650 days)");
  }
}
