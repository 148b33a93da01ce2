package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PlanCommandTest {
  @TempDir
  Path dir;

  @Test
  void theSaasExamplePlans120VirtualServersOnto12Hosts() {
    CliRun run = CliRun.of("plan", CliRun.example("saas-12-hosts-120-vms.json").toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("  lower bounds: memory ≥ 11 hosts (325 GiB / 31 GiB = 10.48), CPU ≥ 6 hosts (36.8 / 6.4 = 5.75),"
            + " disk I/O ≥ 3 hosts (11600 / 4000 = 2.9)")
        .contains("  cluster reserve 1: 11 + 1 spare = 12 hosts in 1 cluster of at most 16 nodes")
        .contains("Result: 12 hosts in 1 cluster for 120 VMs")
        .contains("Result: not over-committed");
  }

  @Test
  void planningTheSaasExampleReproducesItsClusterExactly() throws Exception {
    Path example = CliRun.example("saas-12-hosts-120-vms.json");

    CliRun run = CliRun.of("plan", example.toString(), "--emit", dir.toString());

    assertThat(run.exit()).isZero();
    assertThat(Files.readString(dir.resolve("SAAS.json"))).isEqualTo(Files.readString(example));
  }

  @Test
  void jsonOutputHoldsThePlanTheProposedClusterAndTheReserve() throws Exception {
    CliRun run = CliRun.of("plan", CliRun.example("saas-12-hosts-120-vms.json").toString(), "--json");

    JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(root.get("plan").get("totalHosts").asInt()).isEqualTo(12);
    assertThat(root.get("plan").get("activeHosts").asInt()).isEqualTo(11);
    assertThat(root.get("plan").get("memoryGiB").asDouble()).isEqualTo(325.0);
    assertThat(root.get("plan").get("clusters").get(0).get("hosts")).hasSize(12);
    assertThat(root.get("plan").get("clusters").get(0).get("vms")).hasSize(120);
    assertThat(root.get("reserve").get("overCommitted").asBoolean()).isFalse();
    assertThat(root.get("reserve").get("failedHosts").get(0).asText()).isEqualTo("hv01");
  }

  /** One 24 GiB VM and five of 2 GiB on three hosts of 32 GiB (31 for VMs each). */
  private Path uneven(String era) throws Exception {
    Path file = dir.resolve("uneven-" + era + ".json");
    StringBuilder luns = new StringBuilder();
    StringBuilder vms = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      luns.append(i > 1 ? ", " : "").append("{\"name\": \"lun").append(i).append("\", \"sizeGiB\": 40}");
      vms.append(i > 1 ? ", " : "").append("{\"name\": \"vm").append(i).append("\", \"memoryGiB\": ")
          .append(i == 1 ? 24 : 2).append(", \"luns\": [\"lun").append(i).append("\"]}");
    }
    // Hosts with the dedicated networks validation asks for: plan fails what validate fails.
    String host = "\", \"installation\": \"SERVER_CORE\", \"heartbeatNetwork\": true, \"iscsiNetwork\": true}";
    Files.writeString(file, "{\"name\": \"UNEVEN\"" + (era.isEmpty() ? "" : ", \"era\": \"" + era + "\"")
        + ", \"hosts\": [{\"name\": \"h1" + host + ", {\"name\": \"h2" + host + ", {\"name\": \"h3" + host + "],"
        + " \"storage\": {\"type\": \"ISCSI\", \"luns\": [" + luns + "]}, \"vms\": [" + vms + "]}");
    return file;
  }

  @Test
  void planSaysWhichReserveMethodItUsedAndTheEraChoosesIt() throws Exception {
    CliRun slots = CliRun.of("plan", uneven("WS2008").toString());
    assertThat(slots.exit()).isEqualTo(1);
    assertThat(slots.out()).contains("  method: slots (SCVMM 2008: slot = the largest VM's memory), the default of era"
        + " WS2008").contains("over-committed, 4 slots short").contains("Result: OVER-COMMITTED");

    CliRun packing = CliRun.of("plan", uneven("").toString(), "--json");
    assertThat(packing.exit()).isZero();
    JsonNode reserve = new com.fasterxml.jackson.databind.ObjectMapper().readTree(packing.out()).get("reserve");
    assertThat(reserve.get("method").asText()).isEqualTo("bin-packing");
    assertThat(reserve.get("era").asText()).isEqualTo("WS2012");
    assertThat(reserve.get("overCommitted").asBoolean()).isFalse();
  }

  @Test
  void theMaintenanceWindowOfTheDescribedClusterIncludesTheSharedStoragePath() throws Exception {
    CliRun run = CliRun.of("plan", CliRun.example("retail-4-node.json").toString(), "--json");
    com.fasterxml.jackson.databind.JsonNode w = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out())
        .get("maintenanceWindow");
    assertThat(w.get("vms").asInt()).isGreaterThan(1);
    assertThat(w.get("stranded").size()).isZero();
    // The drained node's VMs leave through its one storage path: together they take longer than the longest
    // alone, at least as long as their memory written through one path.
    double memoryWrite = w.get("memoryGiB").asDouble() * (1L << 30)
        / io.hvcluster.api.spec.CostModel.forStorage(io.hvcluster.api.spec.StorageType.ISCSI).storageWriteBytesPerSecond();
    assertThat(w.get("drainSeconds").asDouble()).isGreaterThan(w.get("longestAloneSeconds").asDouble())
        .isGreaterThan(memoryWrite);
    CliRun text = CliRun.of("plan", CliRun.example("retail-4-node.json").toString());
    assertThat(text.out()).contains("Maintenance window of RETAIL as described: draining node1");
  }

  @Test
  void jsonOutputShowsDerivedNumbersWithoutFloatingPointNoise() throws Exception {
    CliRun run = CliRun.of("plan", CliRun.example("saas-12-hosts-120-vms.json").toString(), "--json");

    // The CPU total is a sum over 120 VMs; summed in binary it is 36.800000000000004.
    assertThat(run.out()).contains("\"cpuCores\" : 36.8,").doesNotContain("0000000");
    JsonNode plan = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("plan");
    assertThat(plan.get("cpuCores").asDouble()).isEqualTo(36.8);
    assertThat(plan.get("iops").asDouble()).isEqualTo(11600.0);
    assertThat(plan.get("networkMbps").asDouble()).isEqualTo(1450.0);
  }

  @Test
  void roundingKeepsTwelveSignificantDigitsAndDropsOnlyTheNoise() {
    assertThat(PlanCommand.rounded(36.800000000000004)).isEqualTo(36.8);
    assertThat(PlanCommand.rounded(0.1 + 0.2)).isEqualTo(0.3);
    assertThat(PlanCommand.rounded(1.0 / 1024)).isEqualTo(0.0009765625);
    assertThat(PlanCommand.rounded(123_456.789_012_3)).isEqualTo(123_456.789_012);
    assertThat(PlanCommand.rounded(3e15 + 0.5)).isEqualTo(3e15);
    assertThat(PlanCommand.rounded(-2.675)).isEqualTo(-2.675);
    assertThat(PlanCommand.rounded(0)).isZero();
    assertThat(PlanCommand.rounded(Double.NaN)).isNaN();
  }

  @Test
  void anOverCommittedClusterExitsOneWithTheArithmetic() throws Exception {
    Path f = dir.resolve("tight.json");
    Files.writeString(f, "{\"name\":\"TIGHT\",\"hosts\":[{\"name\":\"a\",\"memoryGiB\":16},{\"name\":\"b\",\"memoryGiB\":16}],"
        + "\"storage\":{\"type\":\"SAS\",\"luns\":[{\"name\":\"l1\",\"sizeGiB\":40},{\"name\":\"l2\",\"sizeGiB\":40}]},"
        + "\"vms\":[{\"name\":\"v1\",\"memoryGiB\":10,\"luns\":[\"l1\"]},{\"name\":\"v2\",\"memoryGiB\":10,\"luns\":[\"l2\"]}]}");

    CliRun run = CliRun.of("plan", f.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("  the 2 VMs need 20 GiB: over-committed, 6 GiB short").contains("Result: OVER-COMMITTED");
  }

  @Test
  void aFileWithNothingToPlanIsUnusableInput() throws Exception {
    Path f = dir.resolve("empty.json");
    Files.writeString(f, "{\"name\":\"EMPTY\"}");

    CliRun run = CliRun.of("plan", f.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("hvcluster: " + f + ": $: nothing to plan; describe measured servers in $.workloads"
        + " or a cluster in $.hosts" + System.lineSeparator());
  }

  @Test
  void aBadWorkloadValueIsNamedByItsPath() throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "{\"name\":\"P\",\"workloads\":[{\"name\":\"web\",\"cpuPercent\":10,\"memoryGiB\":2,\"count\":0}]}");

    CliRun run = CliRun.of("plan", f.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("$.workloads[0].count: 0 is not allowed; allowed: 1 to 10000 servers");
  }

  @Test
  void planRefusesTheSeventeenNodeClusterThatValidateFails() throws Exception {
    StringBuilder hosts = new StringBuilder();
    for (int i = 1; i <= 17; i++) {
      hosts.append(i > 1 ? "," : "").append("{\"name\":\"n").append(i).append("\",\"installation\":\"SERVER_CORE\","
          + "\"heartbeatNetwork\":true,\"iscsiNetwork\":true}");
    }
    Path f = dir.resolve("big.json");
    Files.writeString(f, "{\"name\":\"BIG\",\"hosts\":[" + hosts + "]}");

    CliRun validate = CliRun.of("validate", f.toString());
    CliRun plan = CliRun.of("plan", f.toString());
    CliRun json = CliRun.of("plan", f.toString(), "--json");

    assertThat(validate.exit()).isEqualTo(1);
    assertThat(plan.exit()).as(plan.out()).isEqualTo(validate.exit());
    assertThat(plan.out()).contains("Result: not over-committed")
        .contains("Validation of BIG as described: FAIL (")
        .contains("  FAIL node-count cluster: 17 nodes; a failover cluster has 2 to 16")
        .endsWith("Result: FAILS VALIDATION; 'hvcluster validate " + f + "' lists every item" + System.lineSeparator());
    assertThat(json.exit()).isEqualTo(1);
    JsonNode validation = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get("validation");
    assertThat(validation.get("status").asText()).isEqualTo("FAIL");
    assertThat(validation.get("failed").asInt()).isPositive();
    assertThat(validation.get("failures").get(0).get("rule").asText()).isEqualTo("node-count");
  }

  @Test
  void planAndValidateAgreeOnEveryExampleDescription() {
    for (String name : new String[] {"retail-4-node.json", "saas-12-hosts-120-vms.json", "lab-unsupported.json"}) {
      String file = CliRun.example(name).toString();
      CliRun validate = CliRun.of("validate", file);
      CliRun plan = CliRun.of("plan", file);

      assertThat(plan.out().contains("Result: FAILS VALIDATION")).as(name).isEqualTo(validate.exit() == 1);
      if (validate.exit() == 1) {
        assertThat(plan.exit()).as(name).isEqualTo(1);
      }
    }
  }
}
