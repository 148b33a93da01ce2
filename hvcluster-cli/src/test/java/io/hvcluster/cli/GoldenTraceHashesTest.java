package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.testkit.engine.Torture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pins the engine's history: the trace hashes of {@code demo} seeds 1 to 20, of every example scenario, of
 * a 160-host, 10,000-VM, 7-day fleet with seed 1, and of 200 torture scenarios for each of seeds 1 to 3.
 * A refactoring must leave every hash as it is. A behaviour change moves some of them: it is then its own
 * commit, which updates {@code golden-trace-hashes.properties} and says why each moved hash moved. On a
 * mismatch the failure prints every computed line in the file's format.
 */
final class GoldenTraceHashesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DEMO_HASH = Pattern.compile("trace hash ([0-9a-f]{32})");
  private static final List<String> SCENARIOS = List.of("planned-maintenance", "retail-host-failure",
      "saas-120-vms", "site-loss-recovery", "split-brain", "sql-guest-cluster");

  @Test
  void everyGoldenRunKeepsItsTraceHash() throws IOException {
    Map<String, String> actual = new TreeMap<>();
    for (int seed = 1; seed <= 20; seed++) {
      actual.put(String.format("demo.seed.%02d", seed), demoHash(seed));
    }
    for (String scenario : SCENARIOS) {
      actual.put("scenario." + scenario, scenarioHash(scenario));
    }
    actual.put("fleet.160-hosts.10000-vms.7-days.seed-1", fleetHash());
    for (int seed = 1; seed <= 3; seed++) {
      actual.put("torture.200-scenarios.seed-" + seed, tortureDigest(seed));
    }
    Map<String, String> expected = expected();
    StringBuilder computed = new StringBuilder();
    actual.forEach((k, v) -> computed.append(k).append('=').append(v).append('\n'));
    assertThat(actual)
        .as("trace hashes moved; a behaviour change updates golden-trace-hashes.properties in its own commit"
            + " and says why. Computed now:%n%s", computed)
        .isEqualTo(expected);
  }

  private static String demoHash(int seed) {
    CliRun r = CliRun.of("demo", "--seed", Integer.toString(seed));
    assertThat(r.exit()).as(r.err()).isZero();
    Matcher m = DEMO_HASH.matcher(r.out());
    assertThat(m.find()).as("demo --seed %d prints its trace hash", seed).isTrue();
    return m.group(1);
  }

  private static String scenarioHash(String scenario) throws IOException {
    CliRun r = CliRun.of("simulate", "--scenario", CliRun.example(scenario + ".json").toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    return JSON.readTree(r.out()).get("traceHash").asText();
  }

  private static String fleetHash() throws IOException {
    CliRun r = CliRun.of("simulate", "--hosts", "160", "--vms", "10000", "--days", "7", "--failures-per-hour", "0.5",
        "--seed", "1", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = JSON.readTree(r.out());
    return json.get("traceHash").asText();
  }

  /** A digest of the 200 scenarios' trace hashes in scenario order, with the count of failures. */
  private static String tortureDigest(long seed) {
    List<String> hashes = new ArrayList<>();
    int[] failed = new int[1];
    Torture.builder().scenarios(200).seed(seed).maxShrinkRuns(0).listener((index, total, result) -> {
      hashes.add(result.traceHash());
      if (!result.passed()) {
        failed[0]++;
      }
    }).build().run();
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String h : hashes) {
        md.update(h.getBytes(StandardCharsets.US_ASCII));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 32) + "/failed-" + failed[0];
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> expected() throws IOException {
    Properties p = new Properties();
    try (InputStream in = GoldenTraceHashesTest.class.getResourceAsStream("golden-trace-hashes.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    Map<String, String> out = new TreeMap<>();
    p.forEach((k, v) -> out.put((String) k, (String) v));
    return out;
  }
}
