package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class MigrateCommandTest {
  @TempDir Path dir;

  /** A 64 MiB VM over a 100 Mbit/s link: several passes, in well under a second of wall time. */
  private CliRunner migrate(String... extra) {
    String[] base = {"migrate", "--memory", "64MiB", "--touched", "32MiB", "--link-gbps", "0.1", "--seed", "3",
        "--dir", dir.toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRunner.run(args);
  }

  private static JsonNode json(CliRunner r) throws IOException {
    assertThat(r.exitCode()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  private void assertTheWorkDirectoryIsGone() throws IOException {
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("the temporary memory files are deleted").isEmpty();
    }
  }

  @Test
  void aLiveMigrationBelowLinkSpeedConvergesAndReportsItsPassesAsJson() throws IOException {
    JsonNode json = json(migrate("--strategy", "live", "--dirty-pages-per-second", "500", "--storage", "csv", "--json"));
    for (String field : new String[] {"strategy", "outcome", "passes", "downtimeSeconds", "totalSeconds",
        "bytesTransferred", "memoryVerified", "fellBackToQuick"}) {
      assertThat(json.has(field)).as(field).isTrue();
    }
    assertThat(json.get("strategy").asText()).isEqualTo("live");
    assertThat(json.get("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(json.get("memoryVerified").asBoolean()).isTrue();
    assertThat(json.get("pagesVerified").asLong()).isEqualTo(32 * 256);
    assertThat(json.get("fellBackToQuick").asBoolean()).isFalse();
    assertThat(json.get("passes").size()).isBetween(2, 5);
    assertThat(json.get("passes").get(0).get("bytes").asLong()).isEqualTo(32L << 20);
    long sum = 0;
    for (JsonNode pass : json.get("passes")) {
      sum += pass.get("bytes").asLong();
    }
    assertThat(json.get("bytesTransferred").asLong()).isEqualTo(sum);
    assertThat(json.get("downtimeSeconds").asDouble()).isPositive().isLessThanOrEqualTo(0.3);
    assertThat(json.get("totalSeconds").asDouble()).isGreaterThan(json.get("downtimeSeconds").asDouble());
    assertThat(json.get("seed").asText()).isEqualTo("3");
    assertThat(json.get("vmHost").asText()).isEqualTo("n2");
    assertTheWorkDirectoryIsGone();
  }

  @Test
  void aGuestThatOutrunsTheLinkFallsBackToQuickMigrationWithItsMemoryIntact() throws IOException {
    JsonNode json = json(migrate("--strategy", "live", "--dirty-pages-per-second", "20000", "--json"));
    assertThat(json.get("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(json.get("fellBackToQuick").asBoolean()).isTrue();
    assertThat(json.get("passes").size()).isEqualTo(4);
    assertThat(json.get("memoryVerified").asBoolean()).isTrue();
    assertThat(json.get("reason").asText()).startsWith("fell back to quick migration after 4 pre-copy passes");
  }

  @Test
  void withFallbackFailTheVmStaysOnTheSourceAndTheCommandStillSucceeds() throws IOException {
    JsonNode json = json(migrate("--dirty-pages-per-second", "20000", "--fallback", "fail", "--json"));
    assertThat(json.get("outcome").asText()).isEqualTo("ROLLED_BACK");
    assertThat(json.get("vmHost").asText()).isEqualTo("n1");
    assertThat(json.get("downtimeSeconds").asDouble()).isZero();
    assertThat(json.get("memoryVerified").asBoolean()).isTrue();
  }

  @Test
  void aQuickMigrationHasNoPassesAndIsDownThroughout() throws IOException {
    JsonNode json = json(migrate("--strategy", "quick", "--dirty-pages-per-second", "500", "--json"));
    assertThat(json.get("strategy").asText()).isEqualTo("quick");
    assertThat(json.get("passes").size()).isZero();
    assertThat(json.get("downtimeSeconds").decimalValue()).isEqualByComparingTo(json.get("totalSeconds").decimalValue());
    assertThat(json.get("bytesTransferred").asLong()).as("the whole 64 MiB written and read")
        .isEqualTo(2 * (64L << 20));
    assertThat(json.get("memoryVerified").asBoolean()).isTrue();
  }

  @Test
  void concurrentQuickMigrationsShareTheSourcesPathAndTakeLongerThanOneAlone() throws IOException {
    JsonNode json = json(CliRunner.run("migrate", "--strategy", "quick", "--memory", "512MiB", "--touched", "16MiB",
        "--concurrent", "4", "--seed", "3", "--dir", dir.toString(), "--json"));
    assertThat(json.get("concurrent").asInt()).isEqualTo(4);
    JsonNode all = json.get("migrations");
    assertThat(all.size()).isEqualTo(4);
    for (JsonNode m : all) {
      assertThat(m.get("outcome").asText()).isEqualTo("COMPLETED");
      assertThat(m.get("memoryVerified").asBoolean()).isTrue();
      assertThat(m.get("queuedSeconds").asDouble()).isZero();
    }
    assertThat(all.get(1).get("target").asText()).isEqualTo("n3");
    // 2 GiB leave n1 through one 1 Gbit/s path: 18 s of writes, against 4.5 s for one VM alone.
    double alone = json.get("aloneSeconds").asDouble();
    assertThat(json.get("allMovedSeconds").asDouble()).isGreaterThan(alone + 13);
    assertTheWorkDirectoryIsGone();
  }

  @Test
  void concurrentLiveMigrationsQueueOneAtATime() throws IOException {
    CliRunner r = migrate("--strategy", "live", "--dirty-pages-per-second", "500", "--storage", "csv", "--concurrent",
        "2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("2 VMs left n1 at once").contains("vm2   to n3");
    JsonNode json = json(migrate("--strategy", "live", "--dirty-pages-per-second", "500", "--storage", "csv",
        "--concurrent", "2", "--json"));
    assertThat(json.get("migrations").get(0).get("queuedSeconds").asDouble()).isZero();
    assertThat(json.get("migrations").get(1).get("queuedSeconds").asDouble()).isPositive();
  }

  @Test
  void theReadableSummaryShowsEachPassAndTheVerification() throws IOException {
    CliRunner r = migrate("--dirty-pages-per-second", "500");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("live migration of vm1 (64.0 MiB, 32.0 MiB touched, 500 dirty pages/s) from n1 to n2")
        .contains("  pass      pages        bytes     virtual time")
        .contains("     1       8192     32.0 MiB")
        .contains("stop-and-copy (VM frozen)")
        .contains("release-storage 1000.000 ms, arbitrate 2000.000 ms")
        .contains("memory verified  yes, 8192 pages match the guest's writes");
    assertTheWorkDirectoryIsGone();
  }

  @Test
  void theSameSeedGivesTheSameVirtualResult() throws IOException {
    JsonNode a = json(migrate("--dirty-pages-per-second", "2000", "--json"));
    JsonNode b = json(migrate("--dirty-pages-per-second", "2000", "--json"));
    assertThat(a.get("passes")).isEqualTo(b.get("passes"));
    assertThat(a.get("downtimeSeconds")).isEqualTo(b.get("downtimeSeconds"));
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() throws IOException {
    assertBad(cli("--strategy", "warp"), "hvcluster: --strategy 'warp' is not a migration strategy; use quick or live");
    assertBad(cli("--memory", "12XB"),
        "hvcluster: Invalid value for option '--memory': '12XB' is not a size");
    assertBad(cli("--memory", "16MiB", "--touched", "1GiB"),
        "hvcluster: VM 'vm1' workload touches");
    assertBad(cli("--memory", "128GiB"),
        "hvcluster: VM 'vm1' memory is 128 GiB; Hyper-V 2008 allows 8 MiB to 64 GiB");
    assertBad(cli("--link-gbps", "0"), "hvcluster: --link-gbps is 0; allowed: 0.001 to 1000");
    assertBad(cli("--dirty-pages-per-second", "-1"),
        "hvcluster: --dirty-pages-per-second is -1; allowed: 0 to 1000000000");
    assertBad(cli("--max-passes", "1"), "hvcluster: --max-passes is 1; allowed: 2 to 1000");
    assertBad(cli("--fallback", "maybe"), "hvcluster: --fallback 'maybe' is not a fallback; use quick or fail");
    assertBad(cli("--storage", "nas"), "hvcluster: --storage 'nas' is not a kind of storage; use lun or csv");
    assertTheWorkDirectoryIsGone();
  }

  /** Runs {@code migrate} with only the given options (and the temporary directory). */
  private CliRunner cli(String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "migrate";
    System.arraycopy(options, 0, args, 1, options.length);
    args[options.length + 1] = "--dir";
    args[options.length + 2] = dir.toString();
    return CliRunner.run(args);
  }

  private static void assertBad(CliRunner r, String start) {
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith(start);
    assertThat(r.err().lines().filter(l -> l.startsWith("hvcluster:")).count()).isEqualTo(1);
  }
}
