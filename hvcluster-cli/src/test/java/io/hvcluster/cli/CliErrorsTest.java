package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error a person can cause from the command line is one line on standard error, starting with
 * {@code hvcluster:}, saying what was wrong, where and what is allowed, with exit code 2 and no stack
 * trace unless {@code --verbose}.
 */
final class CliErrorsTest {
  @TempDir Path dir;
  private Path cluster;

  @BeforeEach
  void writeACluster() throws IOException {
    cluster = dir.resolve("two.json");
    Files.writeString(cluster, """
        {"name": "TWO",
         "hosts": [{"name": "node1"}, {"name": "node2"}, {"name": "node3"}],
         "storage": {"type": "ISCSI", "luns": [{"name": "lun-web", "sizeGiB": 40}]},
         "vms": [{"name": "web", "luns": ["lun-web"]}]}
        """);
  }

  /** Runs the command line and returns its single error line. */
  private static String oneLineError(String... args) {
    CliRunner r = CliRunner.run(args);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).startsWith("hvcluster: ").doesNotContain("\tat ", "Exception");
    return r.err().strip();
  }

  private String scenario(String json) throws IOException {
    Path file = dir.resolve("s.json");
    Files.writeString(file, json);
    return file.toString();
  }

  private String simulate(String json) throws IOException {
    return oneLineError("simulate", "--scenario", scenario(json));
  }

  @Test
  void anEraOutsideTheListAndAFeatureFromALaterReleaseAreRefusedWithTheirPath() throws IOException {
    assertThat(simulate("{\"cluster\": \"two.json\", \"era\": \"WS2007\", \"duration\": \"1h\"}"))
        .endsWith("s.json: $.era: unknown era 'WS2007'; allowed: WS2008, WS2008_R2, WS2012");
    assertThat(simulate("{\"cluster\": {\"name\": \"C\", \"era\": \"WS2008\", \"hosts\": [{\"name\": \"a\"},"
        + " {\"name\": \"b\"}], \"storage\": {\"type\": \"ISCSI\", \"luns\": [{\"name\": \"v\", \"sizeGiB\": 40,"
        + " \"csv\": true}]}}, \"duration\": \"1h\"}"))
        .contains("$.cluster.storage.luns[0].csv: LUN 'v' is a Cluster Shared Volume, which came with Windows Server 2008 R2;"
            + " this cluster's era is WS2008");
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"actions\": [{\"at\": \"1m\","
        + " \"action\": \"move-group\", \"group\": \"nope\", \"to\": \"best\"}]}"))
        .endsWith("s.json: $.actions[0].group: group 'nope' is not in the cluster (a group is named after its first VM);"
            + " its groups: web");
  }

  @Test
  void aMissingScenarioFileIsNamed() {
    assertThat(oneLineError("simulate", "--scenario", dir.resolve("nope.json").toString()))
        .isEqualTo("hvcluster: " + dir.resolve("nope.json") + ": cannot read: no such file");
  }

  @Test
  void badJsonNamesItsLineAndColumn() throws IOException {
    assertThat(simulate("{\"cluster\": \"two.json\",\n \"duration\": 5m}"))
        .contains("s.json: $.duration: Unexpected character ('m' (code 109))").endsWith("(line 2, column 15)");
  }

  @Test
  void unknownAndDuplicateFieldsAreRefusedWithTheirPath() throws IOException {
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"acts\": []}"))
        .endsWith("s.json: $.acts: unknown field 'acts'; known fields here: name, description, cluster, era, seed, duration,"
            + " startVms, actions, faults");
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"duration\": \"2h\"}"))
        .contains("s.json: $.duration: Duplicate field 'duration'");
  }

  @Test
  void requiredFieldsAndTypesAreChecked() throws IOException {
    assertThat(simulate("{\"duration\": \"1h\"}")).endsWith("s.json: $.cluster: is missing; this field is required");
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": 60}"))
        .endsWith("s.json: $.duration: expected a duration like \"30m\", \"1h30m\" or \"90s\", found a whole number");
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": \"an hour\"}"))
        .contains("s.json: $.duration: 'an hour' is not a duration");
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"seed\": 1.5}"))
        .endsWith("s.json: $.seed: expected a whole number, found a fraction");
  }

  @Test
  void actionsAreCheckedAgainstTheCluster() throws IOException {
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"actions\": [{\"at\": \"1m\","
        + " \"action\": \"explode\"}]}"))
        .contains("s.json: $.actions[0].action: unknown action 'explode'; allowed: crash-host, power-on,");
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"actions\": [{\"at\": \"1m\","
        + " \"action\": \"crash-host\", \"host\": \"node9\"}]}"))
        .endsWith("s.json: $.actions[0].host: host 'node9' is not in the cluster; its hosts: node1, node2, node3");
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"actions\": [{\"at\": \"2h\","
        + " \"action\": \"heal\"}]}"))
        .endsWith("s.json: $.actions[0].at: 2h is after the end of the run at 1h; actions happen between 0s and the"
            + " duration");
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"actions\": [{\"at\": \"1m\","
        + " \"action\": \"stop-vm\", \"host\": \"node1\"}]}"))
        .endsWith("s.json: $.actions[0].host: unknown field 'host'; known fields here: at, action, note, vm");
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"actions\": [{\"at\": \"1m\","
        + " \"action\": \"partition\", \"sides\": [[\"node1\"], [\"node1\", \"node2\"]]}]}"))
        .endsWith("s.json: $.actions[0].sides[1][0]: host 'node1' is on two sides; sides are disjoint");
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"actions\": [{\"at\": \"1m\","
        + " \"action\": \"quick-migrate\", \"vm\": \"db\", \"to\": \"node2\"}]}"))
        .endsWith("s.json: $.actions[0].vm: VM 'db' is not in the cluster; its VMs: web");
  }

  @Test
  void clusterProblemsPointIntoTheDescription() throws IOException {
    assertThat(simulate("{\"cluster\": \"missing.json\", \"duration\": \"1h\"}"))
        .contains("s.json: $.cluster: cannot read missing.json (looked for ").endsWith("): no such file");
    assertThat(simulate("{\"cluster\": {\"name\": \"X\", \"hosts\": [{\"name\": \"a\", \"memoryGiB\": -4}]},"
        + " \"duration\": \"1h\"}"))
        .contains("s.json: $.cluster.hosts[0].memoryGiB: -4 is not allowed");
    Path bad = dir.resolve("bad.json");
    try {
      Files.writeString(bad, "{\"name\": \"X\", \"hosts\": [{\"name\": \"a\", \"cores\": \"eight\"}]}");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    assertThat(simulate("{\"cluster\": \"bad.json\", \"duration\": \"1h\"}"))
        .contains("bad.json: $.hosts[0].cores: expected a whole number, found a string")
        .endsWith("(the cluster of " + dir.resolve("s.json") + ")");
  }

  @Test
  void faultPlansReportTheFaultsPath() throws IOException {
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"faults\": {\"faults\": [{\"fault\":"
        + " \"host-crash\", \"at\": \"1m\"}], \"heal\": {\"at\": \"10m\", \"quiet\": \"5m\"}}}"))
        .endsWith("s.json: $.faults.faults[0]: host-crash: \"hosts\" is missing");
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"faults\": {\"faults\": [],"
        + " \"heal\": {\"at\": \"2h\", \"quiet\": \"5m\"}}}"))
        .endsWith("s.json: $.faults.heal.at: the heal phase at 2h is after the end of the run at 1h; heal by the end of"
            + " the run");
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"faults\": {\"faults\": [{\"fault\":"
        + " \"meteor\", \"at\": \"1m\"}], \"heal\": {\"at\": \"10m\", \"quiet\": \"5m\"}}}"))
        .contains("s.json: $.faults.faults[0]: unknown fault kind 'meteor'; known kinds: host-crash,");
  }

  @Test
  void faultSelectorsNamingSomethingTheClusterLacksAreRefusedBeforeTheRun() throws IOException {
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"faults\": {\"faults\": [{\"fault\":"
        + " \"host-crash\", \"at\": \"1m\", \"hosts\": \"explicit(node9)\"}], \"heal\": {\"at\": \"10m\", \"quiet\": \"5m\"}}}"))
        .contains("s.json: $.faults: host-crash hosts=explicit(node9) at 1m: ").contains("node9");
  }

  @Test
  void aFaultPlanCanLiveInItsOwnFile() throws IOException {
    Files.writeString(dir.resolve("plan.json"), "{\"faults\": [{\"fault\": \"split\", \"at\": \"1m\"}],"
        + " \"heal\": {\"at\": \"10m\", \"quiet\": \"5m\"}}");
    assertThat(simulate("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"faults\": \"plan.json\"}"))
        .isEqualTo("hvcluster: " + dir.resolve("plan.json") + ": $.faults[0]: split: \"side\" is missing");
    Files.writeString(dir.resolve("plan.json"), "{\"faults\": [{\"fault\": \"split\", \"at\": \"1m\","
        + " \"side\": \"explicit(node1)\"}], \"heal\": {\"at\": \"10m\", \"quiet\": \"5m\"}}");
    CliRunner ok = CliRunner.run("simulate", "--scenario", scenario("{\"cluster\": \"two.json\", \"duration\": \"15m\","
        + " \"faults\": \"plan.json\"}"), "--json");
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("\"vmsRunning\" : 1");
  }

  @Test
  void modesAndOptionsOfSimulateAreChecked() throws IOException {
    String file = scenario("{\"cluster\": \"two.json\", \"duration\": \"1h\", \"actions\": [{\"at\": \"30m\","
        + " \"action\": \"heal\"}]}");
    assertThat(oneLineError("simulate", "--scenario", file, "--hosts", "4"))
        .startsWith("hvcluster: --scenario runs one scenario file; --hosts belong to fleet mode");
    assertThat(oneLineError("simulate", "--hosts", "4", "--vms", "8", "--days", "1", "--failures-per-hour", "1",
        "--report", dir.toString())).startsWith("hvcluster: --report need --scenario FILE");
    assertThat(oneLineError("simulate", "--scenario", file, "--duration", "10m"))
        .contains("--duration 10m ends the run before $.actions[0] (heal) at 30m");
    assertThat(oneLineError("simulate", "--scenario", file, "--duration", "soon"))
        .contains("--duration: 'soon' is not a duration");
    Path notADirectory = Files.writeString(dir.resolve("report.txt"), "x");
    assertThat(oneLineError("simulate", "--scenario", file, "--report", notADirectory.toString()))
        .endsWith("is a file; name a directory (it is created if missing)");
  }

  @Test
  void theOtherCommandsAnswerBadInputInOneLine() throws IOException {
    assertThat(oneLineError("validate", dir.resolve("nope.json").toString())).contains("no such file");
    assertThat(oneLineError("plan", dir.toString())).contains(dir.toString());
    assertThat(oneLineError("validate")).contains("Missing required parameter: 'FILE'");
    assertThat(oneLineError("frobnicate")).startsWith("hvcluster: unknown command 'frobnicate'; allowed: demo,");
    assertThat(oneLineError("demo", "--seed", "x")).contains("'x' is not a whole number");
    assertThat(oneLineError("save-bench", "--memory", "1GiB", "--touched", "2GiB", "--dir", dir.toString()))
        .contains("--touched 2.0 GiB is more than --memory 1.0 GiB");
    assertThat(oneLineError("save-bench", "--memory", "lots", "--touched", "1MiB", "--dir", dir.toString()))
        .contains("--memory");
    assertThat(oneLineError("torture", "--nodes", "1", "--scenarios", "1"))
        .contains("--nodes is 1; allowed: 2 to 16");
    assertThat(oneLineError("migrate", "--strategy", "teleport"))
        .contains("--strategy 'teleport' is not a migration strategy; use quick or live");
  }

  @Test
  void anUnknownCommandIsAnsweredWithTheCommandsThereAre() {
    assertThat(oneLineError("bogus")).isEqualTo("hvcluster: unknown command 'bogus'; allowed: demo, simulate, migrate,"
        + " torture, campaign, grid, validate, plan, save-bench, saved-state, help (see 'hvcluster --help')");
    assertThat(oneLineError("saved-state", "check", "x"))
        .isEqualTo("hvcluster: unknown command 'check'; allowed: verify (see 'hvcluster saved-state --help')");
    // Options and surplus arguments of a command without subcommands keep picocli's words.
    assertThat(oneLineError("--bogus")).isEqualTo("hvcluster: Unknown option: '--bogus' (see 'hvcluster --help')");
    assertThat(oneLineError("validate", "a.json", "b.json"))
        .isEqualTo("hvcluster: Unmatched argument at index 2: 'b.json' (see 'hvcluster validate --help')");
  }

  @Test
  void aBadNumberSaysWhatKindOfNumberIsAllowed() {
    assertThat(oneLineError("demo", "--seed", "x")).isEqualTo("hvcluster: Invalid value for option '--seed': 'x' is not"
        + " a whole number; allowed: whole numbers from -9223372036854775808 to 9223372036854775807, or hex from 0x0"
        + " to 0xFFFFFFFFFFFFFFFF (see 'hvcluster demo --help')");
    assertThat(oneLineError("demo", "--seed", "99999999999999999999"))
        .contains("'99999999999999999999' is out of range; allowed: whole numbers from -9223372036854775808 to");
    assertThat(oneLineError("torture", "--nodes", "3.0"))
        .isEqualTo("hvcluster: --nodes: '3.0' is not a whole number; allowed: 2 to 16 (see 'hvcluster torture --help')");
    assertThat(oneLineError("simulate", "--hosts", "4000000000"))
        .startsWith("hvcluster: --hosts: '4000000000' is out of range; allowed: 2 to 100000");
    assertThat(oneLineError("simulate", "--days", "a week"))
        .startsWith("hvcluster: --days: 'a week' is not a number; allowed: more than 0 and at most 3650");
    // An option without a range of its own keeps the range of its type.
    assertThat(oneLineError("save-bench", "--memory", "1MiB", "--touched", "1MiB", "--dir", "x", "--seed", "1.5"))
        .contains("'1.5' is not a whole number; allowed: whole numbers from -9223372036854775808");
    assertThat(oneLineError("migrate", "--link-gbps", "fast")).contains("'fast' is not a number");
  }

  @Test
  void aNumberOutsideItsOptionsRangeIsRefusedWithTheRealRangeBeforeAnythingRuns() {
    assertThat(oneLineError("simulate", "--hosts", "ten", "--vms", "8", "--days", "1", "--failures-per-hour", "1"))
        .isEqualTo("hvcluster: --hosts: 'ten' is not a number; allowed: 2 to 100000 (see 'hvcluster simulate --help')");
    assertThat(oneLineError("simulate", "--hosts", "1", "--vms", "8", "--days", "1", "--failures-per-hour", "1"))
        .isEqualTo("hvcluster: --hosts is 1; allowed: 2 to 100000 (see 'hvcluster simulate --help')");
    assertThat(oneLineError("simulate", "--hosts", "4", "--vms", "8", "--days", "0", "--failures-per-hour", "1"))
        .startsWith("hvcluster: --days is 0; allowed: more than 0 and at most 3650");
    assertThat(oneLineError("simulate", "--hosts", "4", "--vms", "8", "--days", "1", "--failures-per-hour", "1",
        "--repair-hours", "-2")).startsWith("hvcluster: --repair-hours is -2; allowed: more than 0 and at most 87600");
    assertThat(oneLineError("torture", "--nodes", "17")).startsWith("hvcluster: --nodes is 17; allowed: 2 to 16");
    assertThat(oneLineError("torture", "--max-faults", "21")).startsWith("hvcluster: --max-faults is 21; allowed: 0 to 20");
    assertThat(oneLineError("migrate", "--link-gbps", "2000")).startsWith("hvcluster: --link-gbps is 2000; allowed: 0.001"
        + " to 1000");
    assertThat(oneLineError("migrate", "--downtime-limit-ms", "0"))
        .startsWith("hvcluster: --downtime-limit-ms is 0; allowed: more than 0 and at most 3600000");
  }

  @Test
  void aMistypedCommandOrOptionIsAnsweredWithWhatItResembles() {
    assertThat(oneLineError("simulat", "--hosts", "4"))
        .isEqualTo("hvcluster: unknown command 'simulat'; did you mean simulate? (see 'hvcluster --help')");
    assertThat(oneLineError("simulate", "--hostz", "4"))
        .isEqualTo("hvcluster: Unknown option: '--hostz'; did you mean --hosts? (see 'hvcluster simulate --help')");
    assertThat(oneLineError("torture", "--scenario", "3"))
        .isEqualTo("hvcluster: Unknown option: '--scenario'; did you mean --scenarios? (see 'hvcluster torture --help')");
    assertThat(oneLineError("saved-state", "verfiy", "x"))
        .isEqualTo("hvcluster: unknown command 'verfiy'; did you mean verify? (see 'hvcluster saved-state --help')");
  }

  @Test
  void aDecimalSizeUnitIsRefusedWithTheBinaryOneItProbablyMeans() {
    assertThat(oneLineError("migrate", "--memory", "2GB")).isEqualTo("hvcluster: Invalid value for option '--memory':"
        + " '2GB' is not a size; did you mean 2GiB? (units are binary: KiB, MiB, GiB and TiB, or K, M, G and T)"
        + " (see 'hvcluster migrate --help')");
    assertThat(oneLineError("save-bench", "--memory", "1GiB", "--touched", "64mb", "--dir", "x"))
        .contains("'64mb' is not a size; did you mean 64MiB?");
  }

  @Test
  void numbersPicocliAcceptedAreStillAccepted() {
    assertThat(NumberOptions.toLong("-42")).isEqualTo(-42L);
    assertThat(NumberOptions.toLong("+7")).isEqualTo(7L);
    assertThat(NumberOptions.toInt("16")).isEqualTo(16);
    assertThat(NumberOptions.toDouble("0.5")).isEqualTo(0.5);
    assertThat(NumberOptions.toDouble("1e-3")).isEqualTo(0.001);
  }

  @Test
  void verboseAddsTheStackTraceToACommandLineError() {
    for (String[] args : new String[][] {{"--verbose", "demo", "--seed", "x"}, {"demo", "--seed", "x", "--verbose"},
        {"--verbose", "bogus"}}) {
      CliRunner r = CliRunner.run(args);
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).startsWith("hvcluster: ").contains("\tat picocli.");
    }
  }

  @Test
  void aScenarioAndADescriptionAreNotMistakenForEachOther() throws IOException {
    String file = scenario("{\"cluster\": \"two.json\", \"duration\": \"1h\"}");
    assertThat(oneLineError("validate", file)).isEqualTo("hvcluster: " + file + ": this is a scenario file, not a cluster"
        + " description; run it with 'hvcluster simulate --scenario " + file + "'");
    assertThat(oneLineError("simulate", "--scenario", cluster.toString()))
        .isEqualTo("hvcluster: " + cluster + ": this is a cluster description, not a scenario; name it in a scenario's"
            + " \"cluster\" field (docs/scenario-format.md), or check it with 'hvcluster validate " + cluster + "'");
  }

  @Test
  void fileSystemErrorsSayWhatWentWrongWithWhichFile() throws IOException {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    assertThat(oneLineError("save-bench", "--memory", "1MiB", "--touched", "1MiB", "--dir", file.resolve("sub").toString()))
        .startsWith("hvcluster: cannot use " + file);
  }

  @Test
  void verboseAddsTheStackTrace() {
    CliRunner r = CliRunner.run("--verbose", "validate", dir.resolve("nope.json").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("hvcluster: ").contains("\tat ");
  }
}
