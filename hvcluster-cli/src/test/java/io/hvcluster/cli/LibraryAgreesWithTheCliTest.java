package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.api.Availability;
import io.hvcluster.core.management.validation.ConfigurationValidator;
import io.hvcluster.json.ClusterDescriptions;
import io.hvcluster.json.ScenarioFiles;
import io.hvcluster.json.ScenarioResult;
import io.hvcluster.json.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of examples/ through hvcluster-json's public API alone gives what the command line prints:
 * the same trace hash, availability, outages and events for a scenario, the same verdict for a
 * description.
 */
final class LibraryAgreesWithTheCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyExampleGivesTheCliResultsThroughTheLibraryAlone() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(CliRun.example("retail-4-node.json").getParent())) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    int scenarios = 0;
    for (Path file : files) {
      JsonNode content = JSON.readTree(file.toFile());
      if (content.has("cluster")) {
        CliRun run = CliRun.of("simulate", "--scenario", file.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode cli = JSON.readTree(run.out());
        ScenarioResult library = ScenarioRunner.run(ScenarioFiles.read(file));
        Availability a = library.record().availability();

        assertThat(library.record().traceHash()).as(file.toString()).isEqualTo(cli.get("traceHash").asText());
        assertThat(a.availability()).as(file.toString()).isEqualTo(cli.get("availability").asDouble());
        assertThat(a.outageCount()).as(file.toString()).isEqualTo(cli.get("outages").asInt());
        assertThat(library.record().events()).as(file.toString()).hasSize(cli.get("events").asInt());
        assertThat(library.vmsRunning()).as(file.toString()).isEqualTo(cli.get("vmsRunning").asInt());
        scenarios++;
      } else {
        CliRun run = CliRun.of("validate", file.toString(), "--json");
        String status = JSON.readTree(run.out()).get("status").asText();

        assertThat(ConfigurationValidator.validate(ClusterDescriptions.read(file)).status().name())
            .as(file.toString()).isEqualTo(status);
      }
    }
    assertThat(scenarios).isEqualTo(6);
  }
}
