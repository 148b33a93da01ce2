package io.hvcluster.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cases that crashed the JVM (SIGBUS, SIGSEGV) before the saved file was read with positional reads
 * and close was guarded; they run in a child JVM, so that a regression fails this test instead of
 * killing the build.
 */
final class CrashingCasesInAChildJvmTest {
  @TempDir Path dir;

  private static void assertSucceeds(ChildJvm child) throws Exception {
    int exit = child.finish();
    assertThat(exit).as(child.describe()).isZero();
    assertThat(child.lines()).as(child.describe()).contains("ok");
  }

  @Test
  void aLazilyRestoredMemoryWhoseFileIsTruncatedThrowsInsteadOfCrashing() throws Exception {
    Path lun = Files.createDirectory(dir.resolve("lun"));
    Path host = Files.createDirectory(dir.resolve("host"));
    try (ChildJvm child = ChildJvm.start(dir, SavedStateChild.class, "truncated-lazy", lun.toString(),
        host.toString())) {
      assertSucceeds(child);
      assertThat(child.lines()).anySatisfy(line -> assertThat(line).startsWith("rejected: ").contains("stress.bin"));
    }
  }

  @Test
  void closingAMemoryWhileOtherThreadsReadItNeverCrashes() throws Exception {
    try (ChildJvm child = ChildJvm.start(dir, SavedStateChild.class, "close-race", dir.toString(), "300")) {
      assertSucceeds(child);
    }
  }
}
