package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.campaign.spi.CampaignEngineProvider;
import io.hvcluster.campaign.spi.GridOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CampaignCommandTest {
  private static final String[] DEFECTIVE = {"campaign", "torture", "--nodes", "3", "--vms", "4", "--runs", "12",
      "--seed", "0x2A", "--defect", "IGNORE_QUORUM", "--max-faults", "3", "--threads", "2", "--batch-size", "5"};

  private static JsonNode json(CliRun r) throws IOException {
    return new ObjectMapper().readTree(r.out());
  }

  private static String[] with(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void aTortureCampaignFindsWhatTortureFindsAndShrinksTheFirstFailure() throws IOException {
    CliRun campaign = CliRun.of(with(DEFECTIVE, "--json"));
    CliRun torture = CliRun.of("torture", "--nodes", "3", "--vms", "4", "--scenarios", "12", "--seed", "0x2A",
        "--defect", "IGNORE_QUORUM", "--max-faults", "3", "--threads", "1", "--json");
    assertThat(campaign.exit()).as(campaign.err()).isEqualTo(CampaignRun.EXIT_FAILED);
    JsonNode c = json(campaign);
    JsonNode t = json(torture);
    assertThat(c.get("failed").asInt()).isEqualTo(t.get("violations").asInt()).isPositive();
    assertThat(c.get("counts").get("faults").asLong()).isEqualTo(t.get("faultsInjected").asLong());
    assertThat(c.get("failuresByKind")).isEqualTo(t.get("violationsByInvariant"));
    JsonNode first = c.get("firstViolation");
    assertThat(first.get("scenario")).isEqualTo(t.get("firstViolation").get("scenario"));
    assertThat(first.get("replay").asText()).isEqualTo(t.get("firstViolation").get("replay").asText())
        .isEqualTo(c.get("firstFailures").get(0).get("replay").asText());
    assertThat(first.get("minimalPlanFaults").asInt()).isBetween(1, first.get("planFaults").asInt());
    assertThat(c.get("digest").asText()).hasSize(64);
    assertThat(c.get("executed").asInt()).isEqualTo(12);
  }

  @Test
  void aWideCampaignRunsTortureWideScenarios() throws IOException {
    JsonNode c = json(CliRun.of("campaign", "torture", "--wide", "--max-faults", "2", "--runs", "4", "--seed", "5",
        "--threads", "1", "--json"));
    JsonNode t = json(CliRun.of("torture", "--wide", "--max-faults", "2", "--scenarios", "4", "--seed", "5",
        "--threads", "1", "--json"));
    assertThat(c.get("wide").asBoolean()).isTrue();
    assertThat(c.get("work").asText()).isEqualTo("torture wide maxFaults=2");
    assertThat(c.get("counts").get("faults").asLong()).isEqualTo(t.get("faultsInjected").asLong());
    assertThat(c.get("counts").get("kernelEvents").asLong()).isEqualTo(t.get("kernelEvents").asLong());
    assertThat(c.get("failed").asInt()).isEqualTo(t.get("violations").asInt());
  }

  @Test
  void theTextSummaryGivesTheDigestTheFailuresAndTheReplay() {
    CliRun r = CliRun.of(DEFECTIVE);
    assertThat(r.out()).contains("hvcluster campaign: torture nodes=3 vms=4 maxFaults=3 defects=[IGNORE_QUORUM]")
        .contains("digest: ").contains("replay: hvcluster torture --nodes 3 --vms 4 --scenarios 1 --seed 0x")
        .contains("minimal plan (").contains("report of the minimal plan:");
  }

  @Test
  void aFleetSweepGivesEveryPoint() throws IOException {
    CliRun r = CliRun.of("campaign", "fleet", "--hosts", "32", "--vms", "64", "--days", "1", "--failures-per-hour",
        "0.1,0.5", "--repair-hours", "2,8", "--replicas", "2", "--seed", "3", "--threads", "2", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = json(r);
    assertThat(j.get("runs").asInt()).isEqualTo(8);
    assertThat(j.get("points")).hasSize(4);
    assertThat(j.get("points").get(3).get("label").asText()).isEqualTo("failuresPerHour=0.5 repairHours=8");
    assertThat(j.get("points").get(3).get("runs").asInt()).isEqualTo(2);
    double worst = j.get("points").get(3).get("worstAvailability").asDouble();
    assertThat(j.get("points").get(3).get("meanAvailability").asDouble()).isBetween(worst, 1.0);
  }

  @Test
  void aGridGivesTheSameDigestAsLocalThreads() throws IOException {
    String[] clean = {"campaign", "torture", "--nodes", "3", "--vms", "4", "--runs", "30", "--seed", "9",
        "--max-faults", "2", "--json", "--threads", "1", "--batch-size", "8"};
    JsonNode local = json(CliRun.of(clean));
    int member = freePort();
    int coordinator = freePort();
    String cluster = "cli-test-" + ProcessHandle.current().pid();
    try (CampaignEngineProvider.GridMember m = CampaignEngineProvider.named("hazelcast").member(new GridOptions(cluster,
        "127.0.0.1", member, List.of(), 1))) {
      assertThat(m.address()).isEqualTo("127.0.0.1:" + member);
      CliRun r = CliRun.of(with(clean, "--engine", "hazelcast", "--members", "127.0.0.1:" + member, "--port",
          Integer.toString(coordinator), "--cluster-name", cluster));
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode grid = json(r);
      assertThat(grid.get("engine").asText()).isEqualTo("hazelcast");
      assertThat(grid.get("members")).hasSize(2);
      assertThat(grid.get("digest")).isEqualTo(local.get("digest"));
      assertThat(grid.get("counts")).isEqualTo(local.get("counts"));
    }
  }

  @Test
  void engineOptionsThatDoNotFitAreRefused() {
    CliRun noMembers = CliRun.of("campaign", "torture", "--runs", "1", "--engine", "hazelcast");
    assertThat(noMembers.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(noMembers.err()).contains("--engine hazelcast needs --members HOST:PORT");
    CliRun localMembers = CliRun.of("campaign", "torture", "--runs", "1", "--members", "127.0.0.1:5701");
    assertThat(localMembers.err()).contains("--members needs --engine hazelcast");
    CliRun unknown = CliRun.of("campaign", "torture", "--runs", "1", "--engine", "spark", "--members", "a:1");
    assertThat(unknown.err()).contains("no 'spark' engine on the class path (found: hazelcast)");
    CliRun badMember = CliRun.of("campaign", "torture", "--runs", "1", "--engine", "hazelcast", "--members", "nohost");
    assertThat(badMember.err()).contains("member 'nohost' is not HOST:PORT");
    CliRun badPoint = CliRun.of("campaign", "fleet", "--hosts", "32", "--vms", "64", "--days", "1",
        "--failures-per-hour", "0.1,-2");
    assertThat(badPoint.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(badPoint.err()).contains("failuresPerHour=-2");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
