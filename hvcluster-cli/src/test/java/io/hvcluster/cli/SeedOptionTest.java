package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Every {@code --seed} reads the decimal strings the JSON outputs print, and the hex of replay lines. */
final class SeedOptionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aSeedReadsAsDecimalOrHexAlike() {
    assertThat(new SeedOption().convert("42")).isEqualTo(42L);
    assertThat(new SeedOption().convert("0x2A")).isEqualTo(42L);
    assertThat(new SeedOption().convert("-7046029254386353131")).isEqualTo(-7046029254386353131L);
    assertThat(new SeedOption().convert("0x9E3779B97F4A7C15")).isEqualTo(0x9E3779B97F4A7C15L);
    assertThat(CliRun.of("demo", "--seed", "0x2A").out()).isEqualTo(CliRun.of("demo", "--seed", "42").out());
  }

  @Test
  void theSeedOfAFirstViolationInTheJsonReplaysIt() throws IOException {
    String[] options = {"torture", "--nodes", "3", "--vms", "4", "--defect", "IGNORE_QUORUM", "--max-faults", "3",
        "--threads", "1", "--json"};
    JsonNode first = JSON.readTree(CliRun.of(concat(options, "--scenarios", "5", "--seed", "42")).out())
        .get("firstViolation");
    String seed = first.get("seed").asText();
    assertThat(seed).matches("-?[0-9]+");
    JsonNode replay = JSON.readTree(CliRun.of(concat(options, "--scenarios", "1", "--seed", seed)).out());
    assertThat(replay.get("seed").asText()).isEqualTo(seed);
    assertThat(replay.get("violations").asInt()).isEqualTo(1);
    assertThat(replay.get("firstViolation").get("invariant").asText()).isEqualTo(first.get("invariant").asText());
    assertThat(replay.get("firstViolation").get("message").asText()).isEqualTo(first.get("message").asText());
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
