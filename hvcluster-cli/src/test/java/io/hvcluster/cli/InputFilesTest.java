package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and careless input files, through the command line's entry point: nothing hangs, nothing runs
 * out of memory, and every refusal is one line that names the file and says what is allowed.
 */
final class InputFilesTest {
  private static final String VALID = "{\"name\": \"TWO\", \"hosts\": [{\"name\": \"node1\"}, {\"name\": \"node2\"}],"
      + " \"storage\": {\"type\": \"ISCSI\", \"luns\": [{\"name\": \"lun-web\", \"sizeGiB\": 40}]},"
      + " \"vms\": [{\"name\": \"web\", \"luns\": [\"lun-web\"]}]}";

  @TempDir Path dir;

  @BeforeEach
  void writeACluster() throws IOException {
    Files.writeString(dir.resolve("two.json"), VALID);
  }

  /** Runs the command line, expects exit code 2 and one error line, and returns that line. */
  private static String refusal(String... args) {
    CliRun run = CliRun.of(args);
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err().lines()).as(run.err()).hasSize(1);
    assertThat(run.err()).startsWith("hvcluster: ").doesNotContain("Exception", "Input length");
    return run.err().strip();
  }

  private Path mkfifo(String name) throws IOException, InterruptedException {
    Path fifo = dir.resolve(name);
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not available: " + e.getMessage());
      throw e;
    }
    assumeTrue(p.waitFor() == 0, "mkfifo failed");
    return fifo;
  }

  /**
   * Runs the command with a writer waiting on the FIFO. A command that opened the FIFO would get a valid
   * description from it and succeed, so a regression fails the test instead of hanging it; afterwards the
   * test opens the FIFO itself to release the writer.
   */
  private String refusalWithAWriterOn(Path fifo, String... args) throws Exception {
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        out.write(VALID.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // The reader below closed early: nothing to write to.
      }
    });
    try {
      return refusal(args);
    } finally {
      try (InputStream in = Files.newInputStream(fifo)) {
        in.readAllBytes();
      }
      writer.get();
    }
  }

  @Test
  void aFifoAsTheDescriptionIsRefusedWithoutWaitingForAWriter() throws Exception {
    Path fifo = mkfifo("cluster.json");

    assertThat(refusalWithAWriterOn(fifo, "validate", fifo.toString())).isEqualTo("hvcluster: " + fifo
        + ": cannot read: it is not a regular file (a pipe, device or socket); hvcluster reads input from regular"
        + " files only");
    assertThat(refusalWithAWriterOn(fifo, "plan", fifo.toString())).contains("it is not a regular file");
  }

  @Test
  void aFifoAsTheScenarioOrItsClusterOrItsFaultPlanIsRefused() throws Exception {
    Path fifo = mkfifo("fifo.json");
    Path scenario = Files.writeString(dir.resolve("s.json"), "{\"cluster\": \"fifo.json\", \"duration\": \"1h\"}");
    Path withPlan = Files.writeString(dir.resolve("p.json"), "{\"cluster\": \"two.json\", \"duration\": \"1h\","
        + " \"faults\": \"fifo.json\"}");

    assertThat(refusalWithAWriterOn(fifo, "simulate", "--scenario", fifo.toString()))
        .isEqualTo("hvcluster: " + fifo + ": cannot read: it is not a regular file (a pipe, device or socket);"
            + " hvcluster reads input from regular files only");
    assertThat(refusalWithAWriterOn(fifo, "simulate", "--scenario", scenario.toString()))
        .contains("fifo.json: cannot read: it is not a regular file").endsWith("(the cluster of " + scenario + ")");
    assertThat(refusalWithAWriterOn(fifo, "simulate", "--scenario", withPlan.toString()))
        .contains("fifo.json: cannot read: it is not a regular file").endsWith("($.faults of " + withPlan + ")");
  }

  @Test
  void aDeviceIsRefusedBeforeItIsRead() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "no /dev/zero here");

    assertThat(refusal("validate", zero.toString())).isEqualTo("hvcluster: /dev/zero: cannot read: it is not a"
        + " regular file (a pipe, device or socket); hvcluster reads input from regular files only");
  }

  @Test
  void aHugeSparseFileIsRefusedByItsSizeWithTheLimit() throws IOException {
    Path huge = dir.resolve("huge.json");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(4L << 30);
    }

    assertThat(refusal("validate", huge.toString())).isEqualTo("hvcluster: " + huge + ": cannot read: it is"
        + " 4,294,967,296 bytes; input files are limited to 16 MiB (16,777,216 bytes)");
    assertThat(refusal("simulate", "--scenario", huge.toString())).contains("input files are limited to 16 MiB");
  }

  @Test
  void aDirectoryIsNamedAsOne() {
    assertThat(refusal("validate", dir.toString())).isEqualTo("hvcluster: " + dir + ": cannot read: it is a"
        + " directory; name a JSON file");
  }

  @Test
  void utf16IsRefusedWithTheByteOffsetAndWhatIsRequired() throws IOException {
    Path bom = Files.write(dir.resolve("bom.json"), bytes("\uFEFF" + VALID, "UTF-16LE"));
    Path plain = Files.write(dir.resolve("utf16.json"), bytes(VALID, "UTF-16LE"));

    assertThat(refusal("validate", bom.toString())).isEqualTo("hvcluster: " + bom + ": byte offset 0 (line 1) starts"
        + " with a UTF-16 byte-order mark (0xFF 0xFE); input files must be UTF-8");
    assertThat(refusal("validate", plain.toString())).isEqualTo("hvcluster: " + plain + ": byte offset 1 (line 1) is"
        + " a NUL byte, which JSON text never holds (is the file UTF-16?); input files must be UTF-8");
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedWithTheirOffsetAndLine() throws IOException {
    byte[] latin1 = bytes("{\"name\": \"TWO\",\n \"hosts\": [{\"name\": \"n\u00f6de1\"}]}", "ISO-8859-1");
    Path file = Files.write(dir.resolve("latin1.json"), latin1);
    Path garbage = Files.write(dir.resolve("garbage.json"), new byte[] {(byte) 0x80, (byte) 0x81, 0x7b});

    assertThat(refusal("validate", file.toString())).isEqualTo("hvcluster: " + file + ": byte offset 38 (line 2) is"
        + " not valid UTF-8 (0xF6); input files must be UTF-8");
    assertThat(refusal("simulate", "--scenario", garbage.toString())).isEqualTo("hvcluster: " + garbage
        + ": byte offset 0 (line 1) is not valid UTF-8 (0x80); input files must be UTF-8");
  }

  @Test
  void aUtf8ByteOrderMarkIsAccepted() throws IOException {
    Path file = Files.write(dir.resolve("notepad.json"), bytes("\uFEFF" + VALID, "UTF-8"));

    CliRun run = CliRun.of("validate", file.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("Validate a Configuration: cluster TWO, 2 nodes");
  }

  @Test
  void controlCharactersOfNamesAreEscapedInMessages() throws IOException {
    Path field = Files.writeString(dir.resolve("field.json"), "{\"name\": \"TWO\", \"hosts\": [{\"name\": \"node1\","
        + " \"x\\u0000y\": 1}]}");
    Path host = Files.writeString(dir.resolve("host.json"), "{\"cluster\": \"two.json\", \"duration\": \"1h\","
        + " \"actions\": [{\"at\": \"1m\", \"action\": \"crash-host\", \"host\": \"no\\u0000de\\u001b[31m\"}]}");
    Path quorum = Files.writeString(dir.resolve("quorum.json"), "{\"name\": \"TWO\", \"quorum\": \"NODE\\u202e\"}");

    assertThat(refusal("validate", field.toString())).contains("$.hosts[0].x\\u0000y: unknown field 'x\\u0000y'")
        .doesNotContain("\0");
    assertThat(refusal("simulate", "--scenario", host.toString()))
        .contains("$.actions[0].host: host 'no\\u0000de\\u001b[31m' is not in the cluster").doesNotContain("\0", "\u001b");
    assertThat(refusal("validate", quorum.toString())).contains("$.quorum: 'NODE\\u202e' is not one of")
        .doesNotContain("\u202e");
  }

  @Test
  void aFileNameWithControlCharactersIsEscaped() throws IOException {
    Path odd = dir.resolve("odd\u001b[2Jname.json");
    try {
      Files.writeString(odd, "{\"name\": 5}");
    } catch (IOException | java.nio.file.InvalidPathException e) {
      assumeTrue(false, "this file system refuses the name");
    }

    assertThat(refusal("validate", odd.toString())).contains("odd\\u001b[2Jname.json").doesNotContain("\u001b");
  }

  private static byte[] bytes(String text, String charset) {
    return text.getBytes(java.nio.charset.Charset.forName(charset));
  }
}
