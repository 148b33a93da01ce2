package io.hvcluster.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.validation.ConfigurationValidator;
import io.hvcluster.core.management.validation.ValidationStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every file of examples/, read and run through this module's public API alone, as an embedder would:
 * each scenario gives the trace hash the command line gives (the CLI's golden hashes, which its
 * {@code GoldenTraceHashesTest} pins to {@code hvcluster simulate --scenario}), and each description
 * reads, validates and writes back equal.
 */
final class ExamplesThroughTheLibraryTest {
  private static final Map<String, ValidationStatus> DESCRIPTIONS = Map.of("retail-4-node.json", ValidationStatus.WARN,
      "saas-12-hosts-120-vms.json", ValidationStatus.PASS, "lab-unsupported.json", ValidationStatus.FAIL);

  private static Properties goldenHashes() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(Repository.file("hvcluster-cli",
        "src/test/resources/io/hvcluster/cli/golden-trace-hashes.properties"))) {
      p.load(in);
    }
    return p;
  }

  @Test
  void everyExampleFileReadsThroughTheLibraryAndScenariosRunToTheCliTraceHashes() throws IOException {
    Properties golden = goldenHashes();
    List<String> scenarios = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    for (Path file : Repository.examples()) {
      String name = file.getFileName().toString();
      if (DESCRIPTIONS.containsKey(name)) {
        ClusterDescription d = ClusterDescriptions.read(file);
        assertThat(ConfigurationValidator.validate(d).status()).as(name).isEqualTo(DESCRIPTIONS.get(name));
        assertThat(ClusterDescriptions.parse(ClusterDescriptions.write(d))).as(name).isEqualTo(d);
        descriptions.add(name);
        continue;
      }
      Scenario scenario = ScenarioFiles.read(file);
      ScenarioResult result = ScenarioRunner.run(scenario);
      String key = "scenario." + name.substring(0, name.length() - ".json".length());

      assertThat(result.record().traceHash()).as(key).isEqualTo(golden.getProperty(key));
      assertThat(result.record().availability().availability()).as(name).isBetween(0.0, 1.0);
      assertThat(result.outcomes()).as(name).hasSize(scenario.actions().size());
      scenarios.add(name);
    }
    assertThat(descriptions).containsExactlyInAnyOrderElementsOf(DESCRIPTIONS.keySet());
    // Every example scenario has its golden hash, and every golden scenario hash its example.
    assertThat(scenarios.stream().map(n -> "scenario." + n.substring(0, n.length() - ".json".length())))
        .containsExactlyInAnyOrderElementsOf(golden.stringPropertyNames().stream()
            .filter(k -> k.startsWith("scenario.")).toList());
  }

  @Test
  void aScenarioRunsTheSameTwice() {
    Scenario scenario = ScenarioFiles.read(Repository.example("split-brain.json"));

    assertThat(ScenarioRunner.run(scenario).trace()).isEqualTo(ScenarioRunner.run(scenario).trace());
  }

  @Test
  void progressIsReportedInVirtualTimeUpToTheEnd() {
    Scenario scenario = ScenarioFiles.read(Repository.example("retail-host-failure.json"));
    List<Long> done = new ArrayList<>();

    ScenarioRunner.run(scenario, (nanos, label) -> done.add(nanos));

    assertThat(done).isSorted().last().isEqualTo(scenario.duration().toNanos());
  }
}
