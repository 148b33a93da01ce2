package io.hvcluster.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.VmId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SparseSavedStateTest {
  private static final VmId VM = VmId.of("big");
  private static final long FOUR_GIB = 4L << 30;

  @TempDir Path lun;
  @TempDir Path host;
  @TempDir Path target;

  /** Returns the bytes a file occupies on disk according to {@code du -k}, or -1 where that is unavailable. */
  static long allocatedBytes(Path file) {
    try {
      Process du = new ProcessBuilder("du", "-k", file.toString()).redirectErrorStream(true).start();
      String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!du.waitFor(30, TimeUnit.SECONDS) || du.exitValue() != 0) {
        return -1;
      }
      return Long.parseLong(out.split("\\s+")[0]) * 1024;
    } catch (IOException | RuntimeException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Test
  void aLargeMemoryWithFewTouchedPagesCostsOnlyThosePages() throws Exception {
    GuestWorkload guest = GuestWorkload.create(5, VM, FOUR_GIB / GuestMemory.PAGE_SIZE, 0, 1);
    SavedStateStore store = SavedStateStore.in(lun);
    try (GuestMemory memory = GuestMemories.real(VM, FOUR_GIB, host)) {
      for (long page : new long[] {0, 1, 262_143, 262_144, 600_000, FOUR_GIB / GuestMemory.PAGE_SIZE - 1}) {
        guest.write(memory, page);
      }
      long memFile = allocatedBytes(host.resolve("big.mem"));
      SaveReport saved = store.save(memory);
      assertThat(saved.info().chunkCount()).isEqualTo(4);
      assertThat(saved.memoryBytesWritten()).isEqualTo(6 * GuestMemory.PAGE_SIZE);
      assertThat(Files.size(saved.memoryFile())).isEqualTo(FOUR_GIB);
      long bin = allocatedBytes(saved.memoryFile());
      if (bin >= 0) {
        assertThat(bin).as("allocated bytes of the saved memory file").isLessThan(1 << 20);
        assertThat(memFile).as("allocated bytes of the memory file").isLessThan(1 << 20);
      }
      for (RestoreMode mode : RestoreMode.values()) {
        try (GuestMemory back = store.restore(VM, mode, target).memory()) {
          assertThat(guest.verify(back).ok()).as("%s restore", mode).isTrue();
          assertThat(back.touchedPageCount()).isEqualTo(6);
        }
      }
    }
  }
}
