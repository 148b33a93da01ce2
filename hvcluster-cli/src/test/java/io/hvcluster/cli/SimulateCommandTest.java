package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

final class SimulateCommandTest {
  @Test
  void printsOneJsonObjectWithTheContractFields() throws Exception {
    CliRunner r = CliRunner.run("simulate", "--hosts", "20", "--vms", "200", "--days", "1", "--failures-per-hour", "1",
        "--seed", "9", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    for (String field : new String[] {"hosts", "clusters", "vms", "simulatedSeconds", "events", "hostFailures",
        "failovers", "vmDowntimeSeconds", "availability", "invariantViolations", "wallSeconds", "traceHash"}) {
      assertThat(json.has(field)).as(field).isTrue();
    }
    assertThat(json.get("hosts").asInt()).isEqualTo(20);
    assertThat(json.get("clusters").asInt()).isEqualTo(2);
    assertThat(json.get("simulatedSeconds").asLong()).isEqualTo(86_400);
    assertThat(json.get("invariantViolations").asInt()).isZero();
  }

  @Test
  void theSameSeedGivesTheSameTraceHash() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    String[] args = {"simulate", "--hosts", "8", "--vms", "40", "--days", "2", "--failures-per-hour", "3", "--seed", "4",
        "--json"};
    String a = mapper.readTree(CliRunner.run(args).out()).get("traceHash").asText();
    String b = mapper.readTree(CliRunner.run(args).out()).get("traceHash").asText();
    assertThat(a).isEqualTo(b).hasSize(32);
  }

  @Test
  void theTraceHashDoesNotDependOnThreads() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    String[] base = {"simulate", "--hosts", "48", "--vms", "240", "--days", "1", "--failures-per-hour", "4", "--seed",
        "4", "--json", "--threads"};
    String one = mapper.readTree(CliRunner.run(with(base, "1")).out()).get("traceHash").asText();
    String three = mapper.readTree(CliRunner.run(with(base, "3")).out()).get("traceHash").asText();
    assertThat(three).isEqualTo(one);
  }

  private static String[] with(String[] args, String last) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = last;
    return all;
  }

  @Test
  void printsAReadableSummaryByDefault() {
    CliRunner r = CliRunner.run("simulate", "--hosts", "8", "--vms", "40", "--days", "1", "--failures-per-hour", "1");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Fleet: 8 hosts in 1 clusters, 40 VMs, 1.0 simulated days, seed 1")
        .contains("availability").contains("trace hash");
  }

  @Test
  void aFleetWhoseHostsAllFailBeforeItsVmsBootIsNotReportedAvailable() {
    // Failures every few seconds, repaired after 20 h: no VM ever boots, so none of them served.
    CliRunner r = CliRunner.run("simulate", "--hosts", "3", "--vms", "6", "--days", "1", "--failures-per-hour", "1000",
        "--repair-hours", "20", "--seed", "2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("VMs running     0 of 6 at the end")
        .contains("availability    0.000000%")
        .contains("VM downtime     6 d (518,400 s) in all;");
  }

  @Test
  void rejectsBadValuesWithOneLineAndExitCodeTwo() {
    CliRunner r = CliRunner.run("simulate", "--hosts", "1", "--vms", "4", "--days", "1", "--failures-per-hour", "1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("hvcluster: --hosts is 1; allowed: 2 to 100000 (see 'hvcluster simulate --help')");
    CliRunner missing = CliRunner.run("simulate", "--hosts", "4");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required options");
  }
}
