package io.hvcluster.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.VmId;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class SavedStateRoundTripTest {
  private static final VmId VM = VmId.of("sql-01");
  private static final long SEED = 20_081_001L;
  private static final int CHUNK = 64 * 1024;

  @TempDir Path lun;
  @TempDir Path source;
  @TempDir Path target;

  /** 4 MiB in 64 KiB chunks: 64 chunks, some full, some partly written, some untouched. */
  private GuestMemory busyMemory(GuestWorkload guest) throws Exception {
    GuestMemory memory = GuestMemories.real(VM, 4 << 20, source, CHUNK);
    guest.fill(memory, 0, 40);
    guest.advanceTo(memory, 2_000_000_000L);
    memory.writePage(700, ByteBuffer.allocate(GuestMemory.PAGE_SIZE));
    return memory;
  }

  @ParameterizedTest
  @EnumSource(RestoreMode.class)
  void restoredMemoryEqualsSavedMemoryPageForPage(RestoreMode mode) throws Exception {
    GuestWorkload guest = GuestWorkload.create(SEED, VM, 1024, 300, 600);
    SavedStateStore store = SavedStateStore.in(lun);
    try (GuestMemory memory = busyMemory(guest)) {
      SaveReport saved = store.save(memory, new byte[] {1, 2, 3});
      assertThat(saved.info().generation()).isEqualTo(1);
      assertThat(saved.zeroPagesSkipped()).isEqualTo(1);
      assertThat(saved.storedPages()).isEqualTo(memory.touchedPageCount() - 1);
      assertThat(saved.memoryBytesWritten()).isEqualTo(saved.storedPages() * GuestMemory.PAGE_SIZE);

      RestoreReport restored = store.restore(VM, mode, target);
      try (GuestMemory back = restored.memory()) {
        assertThat(restored.mode()).isEqualTo(mode);
        assertThat(restored.bytesRead()).isEqualTo(mode == RestoreMode.EAGER ? saved.memoryBytesWritten() : 0);
        assertThat(back.sizeBytes()).isEqualTo(memory.sizeBytes());
        assertThat(GuestMemories.firstDifference(memory, back)).isEqualTo(-1);
        assertThat(guest.verify(back).ok()).isTrue();
        assertThat(back.touchedPageCount()).isEqualTo(saved.storedPages());
        assertThat(back.dirtyPageCount()).isZero();
        assertThat(store.deviceState(VM)).containsExactly(1, 2, 3);
      }
    }
  }

  @Test
  void aLazilyRestoredMemoryIsCopyOnWriteAndCanBeSavedAgain() throws Exception {
    GuestWorkload guest = GuestWorkload.create(SEED, VM, 1024, 500, 600);
    SavedStateStore store = SavedStateStore.in(lun);
    try (GuestMemory memory = busyMemory(guest)) {
      store.save(memory);
    }
    Path bin = lun.resolve("sql-01.bin");
    byte[] before = Files.readAllBytes(bin);
    try (GuestMemory back = store.restore(VM, RestoreMode.LAZY, target).memory()) {
      guest.advanceTo(back, 4_000_000_000L);
      assertThat(guest.verify(back).ok()).isTrue();
      assertThat(back.dirtyPageCount()).isPositive();
      assertThat(Files.readAllBytes(bin)).isEqualTo(before);

      SaveReport second = store.save(back);
      assertThat(second.info().generation()).isEqualTo(2);
      assertThat(second.memoryFile().getFileName()).hasToString("sql-01.bin.1");
      assertThat(bin).doesNotExist();
      assertThat(guest.verify(back).ok()).as("the old file's mapping survives its deletion").isTrue();
      try (GuestMemory again = store.restore(VM, RestoreMode.EAGER, target).memory()) {
        assertThat(GuestMemories.firstDifference(back, again)).isEqualTo(-1);
      }
    }
    assertThat(store.verify(VM).generation()).isEqualTo(2);
  }

  @Test
  void savedStateFilesAreOwnerReadWriteOnly() throws Exception {
    try (GuestMemory memory = GuestMemories.real(VM, 1 << 20, source)) {
      memory.writePage(0, ByteBuffer.allocate(GuestMemory.PAGE_SIZE).putInt(0, 1));
      SaveReport saved = SavedStateStore.in(lun).save(memory);
      if (Files.getFileStore(lun).supportsFileAttributeView("posix")) {
        for (Path file : new Path[] {saved.headerFile(), saved.memoryFile()}) {
          assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
      }
    }
  }

  @Test
  void modeledMemoryCannotBeSaved() {
    try (GuestMemory memory = GuestMemories.modeled(VM, 1 << 20)) {
      assertThatThrownBy(() -> SavedStateStore.in(lun).save(memory))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MODELED");
    }
  }

  @Test
  void anUntouchedMemorySavesAsHolesOnlyAndRestoresAsZeros() throws Exception {
    SavedStateStore store = SavedStateStore.in(lun);
    try (GuestMemory memory = GuestMemories.real(VM, 1 << 20, source)) {
      SaveReport saved = store.save(memory);
      assertThat(saved.storedPages()).isZero();
      try (GuestMemory back = store.restore(VM, RestoreMode.LAZY, target).memory()) {
        assertThat(back.touchedPageCount()).isZero();
        assertThat(GuestMemories.firstDifference(memory, back)).isEqualTo(-1);
      }
    }
  }
}
