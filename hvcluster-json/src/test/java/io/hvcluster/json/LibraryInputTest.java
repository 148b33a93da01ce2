package io.hvcluster.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's reader, as an embedder calls it: a FIFO does not block the caller, a huge file is refused
 * by its size, text must be UTF-8, and content errors carry the file and the JSON path as the command line
 * prints them.
 */
final class LibraryInputTest {
  private static final String CLUSTER = "{\"name\": \"TWO\", \"hosts\": [{\"name\": \"node1\"}, {\"name\": \"node2\"}],"
      + " \"storage\": {\"type\": \"ISCSI\", \"luns\": [{\"name\": \"lun-web\", \"sizeGiB\": 40}]},"
      + " \"vms\": [{\"name\": \"web\", \"luns\": [\"lun-web\"]}]}";

  @TempDir Path dir;

  @Test
  void aFifoIsRefusedWithoutBlockingTheCaller() throws Exception {
    Path fifo = dir.resolve("fifo.json");
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not available");
      return;
    }
    assumeTrue(p.waitFor() == 0, "mkfifo failed");
    // A reader that opened the FIFO would get a valid description and succeed: the test fails, not hangs.
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        out.write(CLUSTER.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // released by the test's own read below
      }
    });
    try {
      assertThatThrownBy(() -> ClusterDescriptions.read(fifo)).isInstanceOf(InvalidInputException.class)
          .hasMessage(fifo + ": cannot read: it is not a regular file (a pipe, device or socket); hvcluster reads"
              + " input from regular files only");
      assertThatThrownBy(() -> FaultPlans.read(fifo)).hasMessageContaining("it is not a regular file");
    } finally {
      try (InputStream in = Files.newInputStream(fifo)) {
        in.readAllBytes();
      }
      writer.get();
    }
  }

  @Test
  void aHugeSparseFileIsRefusedBeforeItIsRead() throws IOException {
    Path huge = dir.resolve("huge.json");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(1L << 40);
    }

    assertThatThrownBy(() -> ScenarioFiles.read(huge)).isInstanceOf(InvalidInputException.class)
        .hasMessage(huge + ": cannot read: it is 1,099,511,627,776 bytes; input files are limited to 16 MiB"
            + " (16,777,216 bytes)");
  }

  @Test
  void textMustBeUtf8() throws IOException {
    Path utf16 = Files.write(dir.resolve("u.json"), ("\uFEFF" + CLUSTER).getBytes(StandardCharsets.UTF_16BE));

    assertThatThrownBy(() -> InputFiles.read(utf16)).hasMessage(utf16 + ": byte offset 0 (line 1) starts with a UTF-16"
        + " byte-order mark (0xFE 0xFF); input files must be UTF-8");
  }

  @Test
  void contentErrorsNameTheFileAndTheJsonPath() throws IOException {
    Path cluster = Files.writeString(dir.resolve("two.json"), CLUSTER);
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"name\": \"X\", \"hosts\": [{\"name\": \"a\", \"cores\":"
        + " \"eight\"}]}");
    Path scenario = Files.writeString(dir.resolve("s.json"), "{\"cluster\": \"two.json\", \"duration\": \"1h\","
        + " \"actions\": [{\"at\": \"1m\", \"action\": \"crash-host\", \"host\": \"node9\"}]}");

    assertThatThrownBy(() -> ClusterDescriptions.read(bad)).isInstanceOf(InvalidInputException.class)
        .hasMessage(bad + ": $.hosts[0].cores: expected a whole number, found a string");
    InvalidInputException e = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
        () -> ScenarioFiles.read(scenario));
    assertThat(e).hasMessage(scenario + ": $.actions[0].host: host 'node9' is not in the cluster; its hosts: node1,"
        + " node2");
    assertThat(e.file()).contains(scenario);
    assertThat(ClusterDescriptions.read(cluster).hosts()).hasSize(2);
  }

  @Test
  void aRunLongerThanTheMaximumIsRefusedWithItsField() throws IOException {
    Files.writeString(dir.resolve("two.json"), CLUSTER);
    Path scenario = Files.writeString(dir.resolve("s.json"), "{\"cluster\": \"two.json\", \"duration\": \"24000000h\"}");

    assertThatThrownBy(() -> ScenarioFiles.read(scenario)).hasMessage(scenario + ": $.duration: '24000000h' is longer"
        + " than the maximum, 87600h (3650 days)");
    assertThatThrownBy(() -> RunDurations.parse("87601h")).hasMessage("'87601h' is longer than the maximum, 87600h"
        + " (3650 days)");
  }

  @Test
  void aFaultPlanRoundTripsAndItsErrorsHaveJsonPaths() throws IOException {
    Path plan = Files.writeString(dir.resolve("plan.json"), "{\"faults\": [{\"fault\": \"host-crash\", \"at\": \"10m\","
        + " \"for\": \"5m\", \"hosts\": \"explicit(node1)\"}], \"heal\": {\"at\": \"30m\", \"quiet\": \"10m\"}}");
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"faults\": [{\"fault\": \"host-crash\", \"at\": \"10m\"}],"
        + " \"heal\": {\"at\": \"30m\", \"quiet\": \"10m\"}}");

    assertThat(FaultPlans.parse(FaultPlans.write(FaultPlans.read(plan)))).isEqualTo(FaultPlans.read(plan));
    assertThatThrownBy(() -> FaultPlans.read(bad)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(bad + ": $.faults[0]: ");
  }
}
