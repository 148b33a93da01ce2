package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SavedStateCommandsTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  private Run bench() {
    return run("save-bench", "--memory", "8MiB", "--touched", "3MiB", "--dir", dir.toString(), "--json");
  }

  @Test
  void saveBenchReportsVerifiedNumbersAndASecondRunSavesTheNextGeneration() throws Exception {
    Run first = bench();
    assertThat(first.exit()).as(first.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(first.out());
    for (String field : new String[] {"memoryBytes", "touchedBytes", "saveSeconds", "baselineWriteSeconds",
        "saveVsBaseline", "restoreEagerSeconds", "restoreLazyMillis", "verified", "fileBytesOnDisk"}) {
      assertThat(json.has(field)).as(field).isTrue();
    }
    assertThat(json.get("memoryBytes").asLong()).isEqualTo(8 << 20);
    assertThat(json.get("touchedBytes").asLong()).isEqualTo(3 << 20);
    assertThat(json.get("verified").asBoolean()).isTrue();
    assertThat(json.get("generation").asLong()).isEqualTo(1);

    Run second = bench();
    assertThat(new ObjectMapper().readTree(second.out()).get("generation").asLong()).isEqualTo(2);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("save-bench.vsv", "save-bench.bin.1", "save-bench.lock");
    }
  }

  @Test
  void saveBenchCreatesItsDirectoryAndItsBaselineCopyOfGuestMemoryOwnerOnly() throws Exception {
    Path states = dir.resolve("new").resolve("states");
    Run run = run("save-bench", "--memory", "1MiB", "--touched", "256KiB", "--dir", states.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    for (Path created : new Path[] {states, states.getParent()}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).as("%s", created)
          .isEqualTo("rwx------");
    }
    Path baseline = dir.resolve("baseline");
    SaveBenchCommand.openBaseline(baseline).close();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(baseline))).isEqualTo("rw-------");
  }

  @Test
  void saveBenchRemovesTheScratchFolderOfAKilledRunAndLeavesNoneOfItsOwn() throws Exception {
    // A run killed mid-way leaves DIR/save-bench-hosts-<random>/ with the hosts' memory files in it.
    Path killed = Files.createDirectories(dir.resolve(SaveBenchCommand.SCRATCH_PREFIX + "4711").resolve("source"));
    Files.write(killed.resolve("save-bench.mem"), new byte[8192]);
    Files.createFile(killed.resolveSibling(ScratchDirectory.LOCK_FILE));
    Files.writeString(dir.resolve("notes.txt"), "not the bench's");

    Run run = bench();

    assertThat(run.exit()).as(run.err()).isZero();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("save-bench.vsv", "save-bench.bin", "save-bench.lock", "notes.txt");
    }
    assertThat(run("save-bench", "--help").out()).contains("Scratch files go to DIR/save-bench-hosts-<random>/")
        .contains("a killed run left in DIR are deleted when the next run starts");
  }

  @Test
  void verifyPrintsTheGenerationOfAnIntactSavedState() {
    bench();
    Run byFile = run("saved-state", "verify", dir.resolve("save-bench.vsv").toString());
    assertThat(byFile.exit()).as(byFile.err()).isZero();
    assertThat(byFile.out()).contains("generation 1").contains("committed and intact");
    assertThat(run("saved-state", "verify", dir.toString()).exit()).isZero();
    assertThat(run("saved-state", "verify", dir.resolve("save-bench").toString()).exit()).isZero();
  }

  @Test
  void verifyExitsWithThreeAndTheReasonWhenTheStateIsCorrupt() throws Exception {
    bench();
    try (RandomAccessFile bin = new RandomAccessFile(dir.resolve("save-bench.bin").toFile(), "rw")) {
      bin.seek(4096 * 3 + 5);
      bin.write(bin.read() ^ 1);
    }
    Run corrupt = run("saved-state", "verify", dir.resolve("save-bench.vsv").toString());
    assertThat(corrupt.exit()).isEqualTo(3);
    assertThat(corrupt.err()).contains("save-bench.bin").contains("offset 0").contains("CRC32C mismatch");
  }

  @Test
  void verifyExitsWithThreeWhenTheStateIsMissingOrIncomplete() throws Exception {
    Run missing = run("saved-state", "verify", dir.resolve("web1.vsv").toString());
    assertThat(missing.exit()).isEqualTo(3);
    assertThat(missing.err()).contains("web1.vsv").contains("missing");
    Files.createFile(dir.resolve("web1.bin.tmp"));
    Run incomplete = run("saved-state", "verify", dir.toString());
    assertThat(incomplete.exit()).isEqualTo(3);
    assertThat(incomplete.err()).contains("incomplete");
    assertThat(run("saved-state", "verify", dir.resolve("web1.vsv").toString()).err()).contains("incomplete");
  }

  @Test
  void aMemoryFileWithoutAHeaderIsAnIncompleteSaveNotAMissingOne() throws Exception {
    // What a first save killed right after renaming its memory file into place leaves: <vm>.bin alone.
    bench();
    Files.delete(dir.resolve("save-bench.vsv"));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("save-bench.bin",
          "save-bench.lock");
    }

    Run byDirectory = run("saved-state", "verify", dir.toString());
    assertThat(byDirectory.exit()).isEqualTo(3);
    assertThat(byDirectory.err()).isEqualTo("hvcluster: saved state in " + dir.toAbsolutePath().normalize()
        + " is incomplete: save-bench.bin is a memory file without a header (an interrupted save)"
        + System.lineSeparator());
    for (String path : new String[] {dir.resolve("save-bench").toString(), dir.resolve("save-bench.vsv").toString()}) {
      Run byName = run("saved-state", "verify", path);
      assertThat(byName.exit()).isEqualTo(3);
      assertThat(byName.err()).contains("save-bench.vsv")
          .contains("incomplete: a memory file without a header (an interrupted save)").doesNotContain("missing");
    }
  }

  @Test
  void badSizesAreOneLineUsageErrors() {
    Run bad = run("save-bench", "--memory", "1 potato", "--touched", "1MiB", "--dir", dir.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("not a size");
    Run tooMuch = run("save-bench", "--memory", "1MiB", "--touched", "2MiB", "--dir", dir.toString());
    assertThat(tooMuch.exit()).isEqualTo(2);
    assertThat(tooMuch.err()).contains("more than --memory");
  }
}
