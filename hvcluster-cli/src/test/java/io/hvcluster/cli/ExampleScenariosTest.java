package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Runs every example scenario as the README shows it, and checks the report against the run. */
final class ExampleScenariosTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs a scenario with a report and JSON output; returns the JSON and the parsed report. */
  private static Run run(String example, Path dir) throws Exception {
    CliRunner r = CliRunner.run("simulate", "--scenario", CliRun.example(example).toString(), "--report",
        dir.toString(), "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode json = JSON.readTree(r.out());
    Document html = parse(Files.readString(dir.resolve("index.html")));
    Document svg = parse(Files.readString(dir.resolve("timeline.svg")));
    assertThat(Files.readAllLines(dir.resolve("trace.jsonl"))).hasSize(json.get("events").asInt());
    assertReportMatches(json, html);
    return new Run(json, html, svg);
  }

  private record Run(JsonNode json, Document html, Document svg) {}

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> elements(Document doc, String name, String cls) {
    List<Element> out = new ArrayList<>();
    NodeList all = doc.getElementsByTagNameNS("*", name);
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (cls == null || List.of(e.getAttribute("class").split(" ")).contains(cls)) {
        out.add(e);
      }
    }
    return out;
  }

  static Element byId(Document doc, String id) {
    return elements(doc, "tr", null).stream().filter(e -> e.getAttribute("id").equals(id)).findFirst().orElseThrow();
  }

  /** The report's numbers are the run's: availability, outages, downtime, MTTR, and each VM's downtime. */
  private static void assertReportMatches(JsonNode json, Document html) {
    assertThat(Double.parseDouble(byId(html, "availability").getAttribute("data-value")))
        .isEqualTo(json.get("availability").asDouble());
    assertThat(byId(html, "outages").getAttribute("data-value")).isEqualTo(json.get("outages").asText());
    assertThat(byId(html, "downtime").getAttribute("data-nanos")).isEqualTo(json.get("downNanos").asText());
    assertThat(byId(html, "mttr").getAttribute("data-nanos")).isEqualTo(json.get("mttrNanos").asText());
    assertThat(byId(html, "failovers").getAttribute("data-value")).isEqualTo(json.get("failovers").asText());
    // The downtime table lists the VMs that were down (longest first); each row matches the JSON.
    List<Element> rows = elements(html, "tr", "vm");
    List<JsonNode> down = new ArrayList<>();
    json.get("vms").forEach(vm -> {
      if (vm.get("downNanos").asLong() > 0) {
        down.add(vm);
      }
    });
    assertThat(rows).hasSize(down.size());
    for (Element row : rows) {
      JsonNode vm = down.stream().filter(v -> v.get("vm").asText().equals(row.getAttribute("data-vm"))).findFirst()
          .orElseThrow();
      assertThat(row.getAttribute("data-down-nanos")).isEqualTo(vm.get("downNanos").asText());
      assertThat(row.getAttribute("data-outages")).isEqualTo(Integer.toString(vm.get("outages").size()));
    }
  }

  private static List<String> lanes(Document svg) {
    return elements(svg, "g", "host-lane").stream().map(e -> e.getAttribute("data-host")).toList();
  }

  @Test
  void retailKeepsEveryVmThroughAHostFailure(@TempDir Path dir) throws Exception {
    Run run = run("retail-host-failure.json", dir);
    assertThat(run.json().get("vmsRunning").asInt()).isEqualTo(12);
    assertThat(run.json().get("outages").asInt()).isPositive();
    for (JsonNode vm : run.json().get("vms")) {
      for (JsonNode o : vm.get("outages")) {
        assertThat(o.get("cause").asText()).isEqualTo("host node2 crashed (power loss)");
        assertThat(o.get("endNanos").asLong()).as("every outage ended").isPositive();
      }
    }
    assertThat(lanes(run.svg())).containsExactly("node1", "node2", "node3", "node4");
    assertThat(elements(run.svg(), "g", "fault")).hasSize(1);
  }

  @Test
  void theSaasCaseStudyAbsorbsAHostFailureWithItsReserve(@TempDir Path dir) throws Exception {
    Run run = run("saas-120-vms.json", dir);
    assertThat(run.json().get("vmsRunning").asInt()).isEqualTo(120);
    assertThat(lanes(run.svg())).hasSize(12);
    // Every VM has a bar in the page's bar-by-bar timeline, and the VMs of the crashed host have a second
    // one where they were restarted.
    List<Element> bars = elements(run.html(), "g", "vm-bar");
    assertThat(bars.stream().map(b -> b.getAttribute("data-vm")).distinct()).hasSize(120);
    assertThat(bars).hasSize(120 + run.json().get("outages").asInt());
  }

  @Test
  void plannedMaintenanceMovesVmsByQuickMigrationWithoutFailovers(@TempDir Path dir) throws Exception {
    Run run = run("planned-maintenance.json", dir);
    assertThat(run.json().get("failovers").asInt()).isZero();
    assertThat(run.json().get("migrations").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(run.json().get("vmsRunning").asInt()).isEqualTo(12);
    for (JsonNode a : run.json().get("actions")) {
      assertThat(a.get("accepted").asBoolean()).as(a.toString()).isTrue();
    }
    assertThat(elements(run.svg(), "line", "migration")).hasSize(run.json().get("migrations").asInt())
        .allSatisfy(l -> assertThat(l.getAttribute("data-outcome")).isEqualTo("COMPLETED"));
    assertThat(elements(run.html(), "span", "ev").stream().map(Element::getTextContent))
        .anyMatch(line -> line.contains("mail") && line.contains("live migration COMPLETED"));
  }

  @Test
  void quorumStopsTheSplitBrainAndRefusesAStartWithoutIt(@TempDir Path dir) throws Exception {
    Run run = run("split-brain.json", dir);
    JsonNode actions = run.json().get("actions");
    JsonNode refused = actions.get(3);
    assertThat(refused.get("action").asText()).isEqualTo("start-vm web2");
    assertThat(refused.get("accepted").asBoolean()).isFalse();
    assertThat(refused.get("detail").asText()).contains("has no quorum");
    assertThat(actions.get(6).get("accepted").asBoolean()).isTrue();
    assertThat(run.json().get("vmsRunning").asInt()).isEqualTo(6);
    List<String> quorum = elements(run.svg(), "rect", "quorum").stream().map(e -> e.getAttribute("data-state")).toList();
    assertThat(quorum).containsSubsequence("HELD", "LOST", "HELD");
  }

  @Test
  void theSqlGuestClusterMovesItsApplicationBeforeTheCrashedVmIsBack(@TempDir Path dir) throws Exception {
    Run run = run("sql-guest-cluster.json", dir);
    assertThat(run.json().get("guestFailovers").asInt()).isEqualTo(1);
    assertThat(elements(run.html(), "span", "ev").stream().map(Element::getTextContent))
        .anyMatch(line -> line.contains("guest sql") && line.contains("sql1 → sql2"));
    assertThat(run.json().get("vmsRunning").asInt()).isEqualTo(4);
  }

  @Test
  void theAdministratorMovesAFailedGroupAndForcesQuorumAfterASiteIsLost(@TempDir Path dir) throws Exception {
    Run run = run("site-loss-recovery.json", dir);
    JsonNode actions = run.json().get("actions");
    assertThat(actions.get(0).get("action").asText()).isEqualTo("move-group erp to node1");
    assertThat(actions.get(0).get("accepted").asBoolean()).isTrue();
    assertThat(actions.get(4).get("accepted").asBoolean()).as("a start without quorum").isFalse();
    assertThat(actions.get(5).get("action").asText()).isEqualTo("force-quorum node1");
    assertThat(actions.get(5).get("accepted").asBoolean()).isTrue();
    assertThat(actions.get(9).get("detail").asText()).startsWith("group web2 moving to the best possible node, ");
    List<String> events = elements(run.html(), "span", "ev").stream().map(Element::getTextContent).toList();
    assertThat(events).anyMatch(line -> line.contains("erp") && line.contains("failover threshold exceeded"));
    assertThat(events).anyMatch(line -> line.contains("quorum forced on node1"));
    assertThat(run.json().get("vmsRunning").asInt()).isEqualTo(6);
    List<String> quorum = elements(run.svg(), "rect", "quorum").stream().map(e -> e.getAttribute("data-state")).toList();
    assertThat(quorum).containsSubsequence("HELD", "LOST", "HELD");
  }

  @Test
  void everyExampleScenarioIsInTheReadmeAsOneCommand() throws Exception {
    String readme = Files.readString(CliRun.repositoryFile(".", "README.md"));
    Matcher m = Pattern.compile("java -jar hvcluster-cli/target/hvcluster\\.jar simulate --scenario examples/(\\S+\\.json)"
        + " --report (\\S+)").matcher(readme);
    List<String> shown = new ArrayList<>();
    while (m.find()) {
      shown.add(m.group(1));
    }
    assertThat(shown).containsExactlyInAnyOrder("retail-host-failure.json", "saas-120-vms.json",
        "planned-maintenance.json", "split-brain.json", "sql-guest-cluster.json", "site-loss-recovery.json");
  }

  @Test
  void theReadmesTimelinePictureIsWhatTheReportDrawsForTheSplitBrainExampleNow(@TempDir Path dir) throws Exception {
    // Made with: simulate --scenario examples/split-brain.json --report DIR, then DIR/timeline.svg copied to
    // docs/images; when the drawing changes, copy it again (this test fails until then).
    CliRunner r = CliRunner.run("simulate", "--scenario", CliRun.example("split-brain.json").toString(), "--report",
        dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String picture = Files.readString(CliRun.repositoryFile("docs/images", "split-brain-timeline.svg"));
    Document svg = parse(picture);
    assertThat(lanes(svg)).containsExactly("node1", "node2", "node3", "node4");
    assertThat(picture).as("docs/images/split-brain-timeline.svg is stale").isEqualTo(Files.readString(dir.resolve("timeline.svg")));
  }

  @Test
  void theSameScenarioWritesTheSameReport(@TempDir Path dir) throws Exception {
    CliRunner.run("simulate", "--scenario", CliRun.example("retail-host-failure.json").toString(), "--report",
        dir.resolve("a").toString());
    CliRunner.run("simulate", "--scenario", CliRun.example("retail-host-failure.json").toString(), "--report",
        dir.resolve("b").toString());
    assertThat(Files.readString(dir.resolve("a/index.html"))).isEqualTo(Files.readString(dir.resolve("b/index.html")));
  }

  @Test
  void printsAReadableSummaryWithoutJson() {
    CliRunner r = CliRunner.run("simulate", "--scenario", CliRun.example("retail-host-failure.json").toString(),
        "--duration", "45m", "--seed", "3");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Scenario Retail: every VM stays available through a host failure")
        .contains("seed 3, 45m of virtual time")
        .contains("0:10:00.000  crash-host node2")
        .contains("Result: availability ")
        .contains("VMs running at the end: 12 of 12")
        .doesNotContain("Report:");
  }
}
