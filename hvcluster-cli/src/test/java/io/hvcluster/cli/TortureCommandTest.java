package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.testkit.engine.Probes;
import io.hvcluster.testkit.fault.FaultPlan;
import org.junit.jupiter.api.Test;

final class TortureCommandTest {
  private static JsonNode json(String out) throws Exception {
    return new ObjectMapper().readTree(out);
  }

  @Test
  void aCleanRunPrintsTheContractedFieldsAsJsonAndExitsZero() throws Exception {
    CliRunner r = CliRunner.run("torture", "--nodes", "3", "--vms", "6", "--scenarios", "10", "--seed", "1", "--json",
        "--threads", "1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = json(r.out());
    assertThat(j.get("scenarios").asInt()).isEqualTo(10);
    assertThat(j.get("violations").asInt()).isZero();
    assertThat(j.get("scenariosPerSecond").isNumber()).isTrue();
    assertThat(j.get("faultsInjected").asLong()).isPositive();
    assertThat(j.get("probesHit").asInt()).isPositive();
    assertThat(j.has("firstViolation")).isFalse();
    assertThat(j.get("seed").asText()).isEqualTo("1");
    assertThat(j.get("probesMissed")).isNotEmpty();
  }

  @Test
  void aDefectiveEngineExitsOneWithTheMinimalPlanAndTheReplayLine() throws Exception {
    CliRunner r = CliRunner.run("torture", "--nodes", "3", "--vms", "4", "--scenarios", "5", "--seed", "0x2A", "--json",
        "--defect", "IGNORE_QUORUM", "--max-faults", "3", "--threads", "2");
    assertThat(r.exitCode()).isEqualTo(TortureCommand.EXIT_VIOLATIONS);
    JsonNode f = json(r.out()).get("firstViolation");
    assertThat(f.get("invariant").asText()).isIn("S4", "S5");
    assertThat(f.get("minimalPlanFaults").asInt()).isBetween(1, 3);
    FaultPlan minimal = FaultPlan.fromJson(f.get("minimalPlan").toString());
    assertThat(minimal.size()).isEqualTo(f.get("minimalPlanFaults").asInt());
    assertThat(f.get("replay").asText()).startsWith("hvcluster torture --nodes 3 --vms 4 --scenarios 1 --seed 0x")
        .endsWith("--defect IGNORE_QUORUM");
    assertThat(f.get("report").asText()).contains("first violating event").contains("history around it");
  }

  @Test
  void theTextSummaryNamesEveryFigure() {
    CliRunner r = CliRunner.run("torture", "--nodes", "3", "--vms", "4", "--scenarios", "3", "--threads", "1");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("scenarios: 3").contains("violations: 0").contains("scenariosPerSecond: ")
        .contains("faultsInjected: ").contains("probesHit: ");
    // Three scenarios miss most probes, and the summary names them.
    String missed = r.out().lines().filter(l -> l.startsWith("probesMissed: ")).findFirst().orElseThrow()
        .substring("probesMissed: ".length());
    String hit = r.out().lines().filter(l -> l.startsWith("probesHit: ")).findFirst().orElseThrow();
    assertThat(missed.split(", ")).isNotEmpty().allSatisfy(p -> {
      assertThat(Probes.all()).contains(p);
      assertThat(hit).doesNotContain(p + "=");
    });
  }

  @Test
  void badInputIsOneLineAndExitsTwo() {
    CliRunner r = CliRunner.run("torture", "--nodes", "1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("hvcluster: --nodes is 1; allowed: 2 to 16");
    CliRunner seed = CliRunner.run("torture", "--seed", "0xZZ");
    assertThat(seed.exitCode()).isEqualTo(2);
    assertThat(seed.err().lines().findFirst().orElse("")).contains("'0xZZ' is not a whole number; allowed:");
  }
}
