package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ScratchDirectoryTest {
  private static final String PREFIX = "save-bench-hosts-";

  @TempDir Path dir;
  @TempDir Path outside;

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Leaves what a run killed mid-way leaves: a scratch folder with files and an unlocked lock file. */
  private Path abandoned(String name, boolean withLockFile) throws IOException {
    Path scratch = Files.createDirectories(dir.resolve(name).resolve("source"));
    Files.write(scratch.resolve("save-bench.mem"), new byte[4096]);
    if (withLockFile) {
      Files.createFile(dir.resolve(name).resolve(ScratchDirectory.LOCK_FILE));
    }
    return dir.resolve(name);
  }

  @Test
  void aScratchDirectoryIsLockedWhileOpenAndDeletedWithItsContentsOnClose() throws IOException {
    Path path;
    try (ScratchDirectory scratch = ScratchDirectory.create(dir, PREFIX)) {
      path = scratch.path();
      assertThat(path.getParent()).isEqualTo(dir);
      assertThat(path.getFileName().toString()).startsWith(PREFIX);
      Files.write(Files.createDirectory(path.resolve("target")).resolve("memory"), new byte[8192]);
      assertThat(ScratchDirectory.removeAbandoned(dir, PREFIX)).isEmpty();
      assertThat(path.resolve("target").resolve("memory")).exists();
    }
    assertThat(path).doesNotExist();
    assertThat(names(dir)).isEmpty();
  }

  @Test
  void foldersThatKilledRunsLeftAreRemovedAndFoldersInUseAreKept() throws IOException {
    Path unlocked = abandoned(PREFIX + "123", true);
    Path beforeLocking = abandoned(PREFIX + "456", false);
    try (ScratchDirectory running = ScratchDirectory.create(dir, PREFIX)) {
      assertThat(ScratchDirectory.removeAbandoned(dir, PREFIX)).containsExactly(unlocked, beforeLocking);
      assertThat(names(dir)).containsExactly(running.path().getFileName().toString());
    }
  }

  @Test
  void nothingButDirectoriesWithThePrefixDirectlyInTheParentIsTouched() throws IOException {
    Files.createDirectories(dir.resolve("save-bench-hosts"));
    Files.createDirectories(dir.resolve("my-save-bench-hosts-1"));
    Files.createDirectories(dir.resolve("keep").resolve(PREFIX + "789"));
    Files.writeString(dir.resolve(PREFIX + "notes.txt"), "mine");
    Files.writeString(dir.resolve("save-bench.vsv"), "not a scratch folder");
    Path precious = Files.writeString(Files.createDirectory(outside.resolve("data")).resolve("precious"), "keep me");
    boolean linked;
    try {
      Files.createSymbolicLink(dir.resolve(PREFIX + "link"), outside.resolve("data"));
      linked = true;
    } catch (UnsupportedOperationException | IOException e) {
      linked = false;
    }

    assertThat(ScratchDirectory.removeAbandoned(dir, PREFIX)).isEmpty();

    assertThat(names(dir)).contains("save-bench-hosts", "my-save-bench-hosts-1", "keep", PREFIX + "notes.txt",
        "save-bench.vsv");
    assertThat(dir.resolve("keep").resolve(PREFIX + "789")).isDirectory();
    assertThat(precious).hasContent("keep me");
    Assumptions.assumeTrue(linked, "symbolic links are not supported here");
    assertThat(Files.isSymbolicLink(dir.resolve(PREFIX + "link"))).isTrue();
  }
}
