package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ValidateCommandTest {
  @TempDir
  Path dir;

  private Path file(String json) throws Exception {
    Path f = dir.resolve("cluster.json");
    Files.writeString(f, json);
    return f;
  }

  @Test
  void theRetailExampleValidatesWithTwoWarningsAndExitsZero() {
    CliRun run = CliRun.of("validate", CliRun.example("retail-4-node.json").toString());

    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("Validate a Configuration: cluster RETAIL, 4 nodes, 12 VMs")
        .contains("WARN  Inventory             server-core              node4: is a full installation")
        .contains("WARN  Storage               fixed-vhd                print: uses DYNAMIC VHDs")
        .contains("PASS  System Configuration  era                      cluster: WS2012: Windows Server 2012 with VMM 2012"
            + " (no era is stated")
        .endsWith("Result: WARN (0 failed, 2 warnings, 19 passed)" + System.lineSeparator());
  }

  @Test
  void theSaasExamplePassesEveryRule() {
    CliRun run = CliRun.of("validate", CliRun.example("saas-12-hosts-120-vms.json").toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Result: PASS (0 failed, 0 warnings, 21 passed)");
  }

  @Test
  void theUnsupportedLabExampleFailsAndExitsOne() {
    CliRun run = CliRun.of("validate", CliRun.example("lab-unsupported.json").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("FAIL  Inventory             edition                  lab3: runs the STANDARD edition")
        .contains("FAIL  Storage               drive-letters")
        .contains("Result: FAIL (8 failed,");
  }

  @Test
  void jsonOutputHoldsTheStatusCountsAndEveryItem() throws Exception {
    CliRun run = CliRun.of("validate", CliRun.example("retail-4-node.json").toString(), "--json");

    JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(run.exit()).isZero();
    assertThat(report.get("cluster").asText()).isEqualTo("RETAIL");
    assertThat(report.get("status").asText()).isEqualTo("WARN");
    assertThat(report.get("counts").get("warn").asInt()).isEqualTo(2);
    assertThat(report.get("items")).hasSize(21);
    assertThat(run.out()).contains("\"rule\" : \"era\"");
    JsonNode first = report.get("items").get(0);
    assertThat(first.get("rule").asText()).isEqualTo("node-count");
    assertThat(first.get("category").asText()).isEqualTo("INVENTORY");
    assertThat(first.get("status").asText()).isEqualTo("PASS");
    assertThat(first.get("subject").asText()).isEqualTo("cluster");
    assertThat(first.get("reason").asText()).isEqualTo("4 nodes; a failover cluster has 2 to 16");
  }

  @Test
  void seventeenNodesAreAFailItemNotUnusableInput() throws Exception {
    StringBuilder hosts = new StringBuilder();
    for (int i = 1; i <= 17; i++) {
      hosts.append(i > 1 ? "," : "").append("{\"name\":\"n").append(i).append("\"}");
    }
    Path f = file("{\"name\":\"BIG\",\"hosts\":[" + hosts + "]}");

    CliRun run = CliRun.of("validate", f.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("FAIL  Inventory             node-count               cluster: 17 nodes;"
        + " a failover cluster has 2 to 16");
  }

  @Test
  void anUnknownFieldIsUnusableInputNamedByItsPath() throws Exception {
    Path f = file("{\"name\":\"X\",\"hosts\":[{\"name\":\"a\"},{\"name\":\"b\",\"memGiB\":4}]}");

    CliRun run = CliRun.of("validate", f.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("hvcluster: " + f + ": $.hosts[1].memGiB: unknown field 'memGiB'; known fields here:"
        + " architecture, cores, edition, guestNicPorts, heartbeatNetwork, installation, iscsiNetwork, memoryGiB, name,"
        + " osVersion, servicePack");
  }

  @Test
  void aValueOfTheWrongTypeIsNamedByItsPath() throws Exception {
    Path f = file("{\"name\":\"X\",\"hosts\":[{\"name\":\"a\"},{\"name\":\"b\"},{\"name\":\"c\",\"memoryGiB\":\"lots\"}]}");

    CliRun run = CliRun.of("validate", f.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("hvcluster: " + f + ": $.hosts[2].memoryGiB: expected a number, found a string"
        + System.lineSeparator());
  }

  @Test
  void aNegativeValueIsNamedByItsPath() throws Exception {
    Path f = file("{\"name\":\"X\",\"hosts\":[{\"name\":\"a\"},{\"name\":\"b\"},{\"name\":\"c\",\"memoryGiB\":-4}]}");

    CliRun run = CliRun.of("validate", f.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("hvcluster: " + f + ": $.hosts[2].memoryGiB: -4 is not allowed; allowed: more than 0"
        + " and at most 4096 GiB" + System.lineSeparator());
  }

  @Test
  void anUnknownEnumValueListsTheAllowedOnes() throws Exception {
    Path f = file("{\"name\":\"X\",\"hosts\":[{\"name\":\"a\",\"edition\":\"Standart\"}]}");

    CliRun run = CliRun.of("validate", f.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("$.hosts[0].edition: 'Standart' is not one of STANDARD, ENTERPRISE, DATACENTER, WEB");
  }

  @Test
  void enumNamesAreCaseInsensitive() throws Exception {
    Path f = file("{\"name\":\"X\",\"hosts\":[{\"name\":\"a\",\"edition\":\"datacenter\"},{\"name\":\"b\"}]}");

    assertThat(CliRun.of("validate", f.toString()).exit()).isEqualTo(1);
  }

  @Test
  void aFractionWhereAWholeNumberBelongsIsRefused() throws Exception {
    Path f = file("{\"name\":\"X\",\"hosts\":[{\"name\":\"a\",\"cores\":8.5}]}");

    CliRun run = CliRun.of("validate", f.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("$.hosts[0].cores: '8.5' is not a whole number");
  }

  @Test
  void aMissingRequiredFieldIsNamedByItsPath() throws Exception {
    Path f = file("{\"name\":\"X\",\"storage\":{\"type\":\"FC\",\"luns\":[{\"name\":\"l1\"}]}}");

    CliRun run = CliRun.of("validate", f.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("$.storage.luns[0].sizeGiB: is missing; this field is required");
  }

  @Test
  void aDanglingReferenceIsNamedByItsPath() throws Exception {
    Path f = file("{\"name\":\"X\",\"hosts\":[{\"name\":\"a\"}],\"vms\":[{\"name\":\"v\",\"preferredOwners\":[\"zz\"]}]}");

    CliRun run = CliRun.of("validate", f.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("$.vms[0].preferredOwners[0]: host 'zz' is not defined in $.hosts");
  }

  @Test
  void aDuplicateKeyIsNamedByItsPath() throws Exception {
    Path f = file("{\"name\":\"X\",\"hosts\":[{\"name\":\"a\",\"cores\":4,\"cores\":8}]}");

    CliRun run = CliRun.of("validate", f.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("$.hosts[0].cores: Duplicate field 'cores' (line 1, column 51)");
  }

  @Test
  void brokenJsonIsUnusableWithItsLocation() throws Exception {
    Path f = file("{\"name\":\"X\",\n\"hosts\":[{\"name\" \"a\"}]}");

    CliRun run = CliRun.of("validate", f.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("(line 2, column");
  }

  @Test
  void aNullListEntryIsNamedByItsPath() throws Exception {
    Path f = file("{\"name\":\"X\",\"vms\":[null]}");

    assertThat(CliRun.of("validate", f.toString()).err()).contains("$.vms[0]: is null; expected an object");
  }

  @Test
  void aNumberWhereANameBelongsIsRefused() throws Exception {
    Path f = file("{\"name\":5}");

    CliRun run = CliRun.of("validate", f.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("$.name: '5' is not a string");
  }

  @Test
  void anEmptyFileOrARootArrayIsUnusableInput() throws Exception {
    assertThat(CliRun.of("validate", file("").toString()).err()).contains(": $: the file is empty");
    assertThat(CliRun.of("validate", file("[]").toString()).err()).contains(": $: expected an object, found an array");
  }

  @Test
  void trailingContentIsRefused() throws Exception {
    Path f = file("{\"name\":\"X\"} {}");

    assertThat(CliRun.of("validate", f.toString()).exit()).isEqualTo(2);
  }

  @Test
  void aMissingFileIsUnusableInput() {
    CliRun run = CliRun.of("validate", dir.resolve("nope.json").toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("hvcluster: " + dir.resolve("nope.json") + ": cannot read: no such file"
        + System.lineSeparator());
  }
}
