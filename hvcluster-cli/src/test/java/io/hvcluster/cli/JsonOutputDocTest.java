package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.campaign.CampaignSummary;
import io.hvcluster.campaign.DeterminismBug;
import io.hvcluster.campaign.RunRecord;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.core.memory.GuestWorkload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Holds docs/json-output.md and the {@code --json} outputs together, both ways: every printed field is
 * documented with its type, every field documented as {@code always} is printed wherever its object
 * is, and every documented field is printed by at least one of the runs here. Each section of the
 * document is one command's output; every command with {@code --json} has one.
 */
final class JsonOutputDocTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]+) \\| ([^|]+) \\| (.*) \\|$");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static Map<String, Map<String, Field>> sections;

  /** One documented field. */
  record Field(String path, String type, boolean always, boolean deprecated) {
    String parent() {
      int dot = path.lastIndexOf('.');
      return dot < 0 ? "" : path.substring(0, dot);
    }

    String name() {
      return path.substring(path.lastIndexOf('.') + 1);
    }

    boolean opaque() {
      return type.equals("map") || type.equals("document");
    }
  }

  @BeforeAll
  static void readTheDocument() throws IOException {
    sections = new LinkedHashMap<>();
    Map<String, Field> current = null;
    for (String line : Files.readAllLines(CliRun.repositoryFile("docs", "json-output.md"), StandardCharsets.UTF_8)) {
      if (line.startsWith("## ")) {
        current = line.equals("## Conventions") ? null : new LinkedHashMap<>();
        if (current != null) {
          sections.put(line.substring(3), current);
        }
        continue;
      }
      Matcher m = ROW.matcher(line);
      if (current != null && m.matches()) {
        Field f = new Field(m.group(1), m.group(2).strip(), m.group(3).strip().equals("always"),
            m.group(4).startsWith("**Deprecated**"));
        assertThat(current.put(f.path(), f)).as("%s is listed once", f.path()).isNull();
      }
    }
  }

  @Test
  void everyCommandWithJsonHasASectionAndEverySectionIsChecked() {
    Set<String> commands = new TreeSet<>();
    collectJsonCommands(new CommandLine(Main.class).getCommandSpec(), commands);
    assertThat(commands).containsExactlyInAnyOrder("simulate", "validate", "plan", "torture", "campaign torture",
        "campaign fleet", "migrate", "save-bench", "saved-state verify");
    for (String command : commands) {
      assertThat(sections.keySet()).as("a section for %s", command).anyMatch(t -> t.startsWith(command));
    }
    assertThat(sections.keySet()).containsExactlyInAnyOrder("simulate --scenario", "simulate (fleet)", "validate",
        "plan", "torture", "campaign torture", "campaign fleet", "migrate", "save-bench", "saved-state verify");
    sections.forEach((title, fields) -> {
      assertThat(fields).as(title).isNotEmpty();
      assertThat(fields.keySet()).as(title).first().isEqualTo("schemaVersion");
    });
  }

  private static void collectJsonCommands(CommandSpec spec, Set<String> into) {
    if (spec.findOption("--json") != null) {
      into.add(spec.qualifiedName().substring("hvcluster ".length()));
    }
    spec.subcommands().values().forEach(c -> collectJsonCommands(c.getCommandSpec(), into));
  }

  @Test
  void everyExampleScenariosOutputMatchesItsTable() throws IOException {
    List<JsonNode> outputs = new ArrayList<>();
    for (String example : List.of("retail-host-failure", "saas-120-vms", "planned-maintenance", "split-brain",
        "sql-guest-cluster", "site-loss-recovery")) {
      outputs.add(run("simulate", "--scenario", CliRun.example(example + ".json").toString(), "--json"));
    }
    outputs.add(run("simulate", "--scenario", everyTargetScenario().toString(), "--report",
        dir.resolve("report").toString(), "--cluster-log", dir.resolve("cluster-log").toString(), "--json"));
    check("simulate --scenario", outputs);
  }

  /** A scenario whose actions name every kind of target, and whose last outage is still on at the end. */
  private static Path everyTargetScenario() throws IOException {
    Path file = dir.resolve("every-target.json");
    Files.writeString(file, """
        {"cluster": {"name": "TRI",
                     "hosts": [{"name": "node1", "heartbeatNetwork": true}, {"name": "node2", "heartbeatNetwork": true},
                               {"name": "node3", "heartbeatNetwork": true}],
                     "storage": {"type": "ISCSI", "luns": [{"name": "lun-web", "sizeGiB": 40}]},
                     "vms": [{"name": "web", "luns": ["lun-web"]}]},
         "duration": "20m",
         "actions": [
           {"at": "3m", "action": "cut-link", "from": "node1", "to": "node2"},
           {"at": "4m", "action": "restore-link", "from": "node1", "to": "node2"},
           {"at": "5m", "action": "partition", "sides": [["node3"]]},
           {"at": "6m", "action": "heal"},
           {"at": "8m", "action": "quick-migrate", "vm": "web", "to": "node2", "note": "move it"},
           {"at": "12m", "action": "pause-node", "host": "node3"},
           {"at": "15m", "action": "lun-offline", "lun": "lun-web"},
           {"at": "16m", "action": "crash-vm", "vm": "web"},
           {"at": "17m", "action": "cut-network", "host": "node1", "network": "cluster-network-2"}]}
        """);
    return file;
  }

  @Test
  void aFleetOutputMatchesItsTable() throws IOException {
    check("simulate (fleet)", List.of(run("simulate", "--hosts", "8", "--vms", "40", "--days", "1",
        "--failures-per-hour", "2", "--seed", "3", "--json")));
  }

  @Test
  void validateAndPlanOutputsMatchTheirTables() throws IOException {
    check("validate", List.of(run("validate", CliRun.example("retail-4-node.json").toString(), "--json"),
        runExpecting(1, "validate", CliRun.example("lab-unsupported.json").toString(), "--json")));
    check("plan", List.of(run("plan", CliRun.example("saas-12-hosts-120-vms.json").toString(), "--json"),
        runExpecting(1, "plan", CliRun.example("lab-unsupported.json").toString(), "--json")));
  }

  @Test
  void tortureOutputsMatchTheirTable() throws IOException {
    check("torture", List.of(
        run("torture", "--nodes", "3", "--vms", "4", "--scenarios", "4", "--threads", "1", "--json"),
        runExpecting(TortureCommand.EXIT_VIOLATIONS, "torture", "--nodes", "3", "--vms", "4", "--scenarios", "5",
            "--seed", "0x2A", "--defect", "IGNORE_QUORUM", "--max-faults", "3", "--threads", "1", "--json")));
  }

  @Test
  void campaignOutputsMatchTheirTables() throws IOException {
    // A determinism bug cannot be caused from the command line; the output of one is built here.
    RunRecord first = RunRecord.builder(3, 7).fingerprint("a").build();
    CampaignSummary withBug = new CampaignSummary("hvc-0", "w", 1, 4, 0, new TreeMap<>(), List.of(), new TreeMap<>(),
        "0".repeat(64), 4, 0, 1, List.of(new DeterminismBug(3, 7, first, RunRecord.builder(3, 7).fingerprint("b")
            .build())), "local", List.of("local (1 thread)"));
    ObjectNode bug = new CampaignRun(withBug, 1_000_000).json("torture");
    bug.put("nodes", 3).put("vms", 4).put("maxFaults", 3).put("wide", false).putArray("defects");
    check("campaign torture", List.of(
        run("campaign", "torture", "--nodes", "3", "--vms", "4", "--runs", "3", "--threads", "1", "--json"),
        runExpecting(CampaignRun.EXIT_FAILED, "campaign", "torture", "--nodes", "3", "--vms", "4", "--runs", "5",
            "--seed", "0x2A", "--defect", "IGNORE_QUORUM", "--max-faults", "3", "--threads", "1", "--json"),
        JSON.readTree(bug.toString())));
    check("campaign fleet", List.of(run("campaign", "fleet", "--hosts", "16", "--vms", "32", "--days", "0.5",
        "--failures-per-hour", "0.5", "--repair-hours", "2,4", "--threads", "1", "--json")));
  }

  @Test
  void migrateOutputsMatchTheirTable() throws IOException {
    String[] small = {"--memory", "64MiB", "--touched", "32MiB", "--link-gbps", "0.1", "--dir", dir.toString(),
        "--json"};
    List<JsonNode> outputs = new ArrayList<>();
    outputs.add(run(concat(new String[] {"migrate", "--dirty-pages-per-second", "500", "--storage", "csv"}, small)));
    outputs.add(run(concat(new String[] {"migrate", "--strategy", "quick"}, small)));
    outputs.add(run(concat(new String[] {"migrate", "--strategy", "quick", "--concurrent", "2"}, small)));
    // A memory that fails verification cannot be caused from the command line; the output of one is built here.
    MigrateCommand command = new MigrateCommand();
    new CommandLine(command).parseArgs("--memory", "64MiB");
    MigrationResult failed = new MigrationResult("quick", VmId.of("vm1"), HostId.of("n1"), HostId.of("n2"),
        MigrationOutcome.COMPLETED, 0, 5_000_000_000L, 5_000_000_000L, 1 << 20, List.of(), List.of(), false, "moved");
    GuestWorkload.Verification differs = new GuestWorkload.Verification(3, 2, "page 2 differs");
    outputs.add(JSON.readTree(JSON.writeValueAsString(command.json(new MigrateCommand.Outcome(failed, differs, 1_000_000,
        "n2", List.of(new MigrateCommand.Moved(failed, differs, "n2")), 5_000_000_000L, 5_000_000_000L)))));
    check("migrate", outputs);
  }

  @Test
  void saveBenchAndSavedStateOutputsMatchTheirTables() throws IOException {
    Path states = dir.resolve("states");
    check("save-bench", List.of(run("save-bench", "--memory", "8MiB", "--touched", "2MiB", "--dir", states.toString(),
        "--json")));
    Path empty = Files.createDirectories(dir.resolve("empty"));
    check("saved-state verify", List.of(run("saved-state", "verify", states.toString(), "--json"),
        runExpecting(SavedStateCommand.EXIT_CORRUPT, "saved-state", "verify", empty.toString(), "--json")));
  }

  @Test
  void everyDeprecatedFieldIsInTheChangelogWithItsReplacement() throws IOException {
    String changelog = Files.readString(CliRun.repositoryFile(".", "CHANGELOG.md"), StandardCharsets.UTF_8);
    String deprecated = changelog.substring(changelog.indexOf("### Deprecated"));
    deprecated = deprecated.substring(0, deprecated.indexOf("\n## ") < 0 ? deprecated.length()
        : deprecated.indexOf("\n## "));
    int count = 0;
    for (Map.Entry<String, Map<String, Field>> section : sections.entrySet()) {
      for (Field f : section.getValue().values()) {
        if (f.deprecated()) {
          count++;
          assertThat(deprecated).as("CHANGELOG lists %s of %s as deprecated", f.path(), section.getKey())
              .containsPattern("\\| `" + Pattern.quote(section.getKey().split(" \\(")[0].split(" --")[0])
                  + "[^|]*` \\| `" + Pattern.quote(f.path()) + "`");
        }
      }
    }
    assertThat(count).isEqualTo(deprecated.lines().filter(l -> l.startsWith("| `")).count());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static JsonNode run(String... args) throws IOException {
    return runExpecting(0, args);
  }

  private static JsonNode runExpecting(int exit, String... args) throws IOException {
    CliRun r = CliRun.of(args);
    assertThat(r.exit()).as("%s%n%s", String.join(" ", args), r.err()).isEqualTo(exit);
    return JSON.readTree(r.out());
  }

  /** Checks outputs of one command against its section, and that together they print every documented field. */
  private static void check(String section, List<JsonNode> outputs) {
    Map<String, Field> fields = sections.get(section);
    assertThat(fields).as("docs/json-output.md has a section '## %s'", section).isNotNull();
    List<String> problems = new ArrayList<>();
    Set<String> printed = new LinkedHashSet<>();
    for (JsonNode output : outputs) {
      assertThat(output.get("schemaVersion").asInt()).isEqualTo(JsonOutput.SCHEMA_VERSION);
      assertThat(output.properties().iterator().next().getKey()).isEqualTo("schemaVersion");
      visit(output, "", fields, printed, problems);
    }
    for (Field f : fields.values()) {
      if (!printed.contains(f.path())) {
        problems.add(f.path() + " is documented but none of the runs printed it");
      }
    }
    assertThat(problems).as("docs/json-output.md, section '%s', against the outputs", section).isEmpty();
  }

  private static void visit(JsonNode node, String path, Map<String, Field> fields, Set<String> printed,
      List<String> problems) {
    Field field = fields.get(path);
    if (!path.isEmpty()) {
      printed.add(path);
      if (field == null && !(path.endsWith("[]") && node.isObject())) {
        problems.add(path + " is printed but not documented");
        return;
      }
      if (field != null && !hasType(node, field.type())) {
        problems.add(path + " is documented as " + field.type() + " but printed as " + node.getNodeType() + ": " + node);
      }
      if (field != null && field.opaque()) {
        return;
      }
    }
    if (node.isObject()) {
      for (Field f : fields.values()) {
        if (f.parent().equals(path) && f.always() && !f.path().endsWith("[]") && !node.has(f.name())) {
          problems.add(f.path() + " is documented as always present but missing from " + abbreviate(node));
        }
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        visit(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), fields, printed, problems);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (element.isObject() || fields.containsKey(path + "[]")) {
          visit(element, path + "[]", fields, printed, problems);
        }
      }
    }
  }

  private static boolean hasType(JsonNode node, String type) {
    if (type.endsWith(" or null") && node.isNull()) {
      return true;
    }
    return switch (type.replace(" or null", "")) {
      case "integer" -> node.isIntegralNumber();
      case "number" -> node.isNumber();
      case "string" -> node.isTextual();
      case "boolean" -> node.isBoolean();
      case "array" -> node.isArray();
      case "object", "map", "document" -> node.isObject();
      default -> throw new AssertionError("docs/json-output.md uses an unknown type '" + type + "'");
    };
  }

  private static String abbreviate(JsonNode node) {
    String text = node.toString();
    return text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }
}
