package io.hvcluster.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.CorruptSavedStateException;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.VmId;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CorruptSavedStateTest {
  private static final VmId VM = VmId.of("exch1");
  private static final int CHUNK = 64 * 1024;

  @TempDir Path lun;
  @TempDir Path source;
  @TempDir Path target;

  private SavedStateStore store;
  private GuestWorkload guest;
  private Path header;
  private Path bin;

  @BeforeEach
  void saveOneGeneration() throws Exception {
    store = SavedStateStore.in(lun);
    guest = GuestWorkload.create(99, VM, 256, 0, 1);
    try (GuestMemory memory = GuestMemories.real(VM, 1 << 20, source, CHUNK)) {
      guest.fill(memory, 0, 20);
      guest.fill(memory, 100, 3);
      SaveReport saved = store.save(memory, new byte[] {4, 5, 6});
      header = saved.headerFile();
      bin = saved.memoryFile();
    }
  }

  /** Asserts that every way of reading the saved state rejects it, naming the file, and leaves no memory file. */
  private CorruptSavedStateException rejected(Path file) {
    CorruptSavedStateException first = null;
    for (ThrowingCallable read : new ThrowingCallable[] {
        () -> store.restore(VM, RestoreMode.EAGER, target), () -> store.restore(VM, RestoreMode.LAZY, target),
        () -> store.verify(VM)}) {
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(read);
      assertThat(thrown).isInstanceOf(CorruptSavedStateException.class);
      CorruptSavedStateException e = (CorruptSavedStateException) thrown;
      assertThat(e.file()).isEqualTo(file.toString());
      assertThat(e.getMessage()).contains(file.toString()).contains(e.reason());
      first = first == null ? e : first;
    }
    assertThat(target).isEmptyDirectory();
    return first;
  }

  private static void flip(Path file, long offset, int bit) throws Exception {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ (1 << bit));
    }
  }

  private static void truncate(Path file, long length) throws Exception {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(length);
    }
  }

  @Test
  void aMissingSavedStateIsReportedAsMissing() throws Exception {
    store.delete(VM);
    CorruptSavedStateException e = rejected(header);
    assertThat(e.offset()).isEqualTo(-1);
    assertThat(e.reason()).startsWith("missing");
  }

  @Test
  void aMissingMemoryFileIsNamed() throws Exception {
    Files.delete(bin);
    assertThat(rejected(bin).reason()).startsWith("missing");
  }

  @Test
  void aHeaderTruncatedAtAnyLengthIsRejected() throws Exception {
    long size = Files.size(header);
    byte[] original = Files.readAllBytes(header);
    for (long length = 0; length < size; length++) {
      Files.write(header, original);
      truncate(header, length);
      assertThat(rejected(header).reason()).as("truncated to %d bytes", length).isNotEmpty();
    }
  }

  @Test
  void everySingleBitFlipInTheHeaderIsRejected() throws Exception {
    byte[] original = Files.readAllBytes(header);
    for (int offset = 0; offset < original.length; offset++) {
      Files.write(header, original);
      flip(header, offset, offset % 8);
      assertThat(rejected(header).offset()).as("bit %d of byte %d flipped", offset % 8, offset).isNotNull();
    }
  }

  @Test
  void aTruncatedOrExtendedMemoryFileIsRejected() throws Exception {
    truncate(bin, 4096 * 10);
    CorruptSavedStateException e = rejected(bin);
    assertThat(e.reason()).contains("truncated");
    assertThat(e.offset()).isEqualTo(4096 * 10);
    truncate(bin, (1 << 20) + 1);
    assertThat(rejected(bin).reason()).contains("1048577 bytes");
  }

  @Test
  void aFlippedBitInAStoredPageFailsEagerRestoreAndLazyFirstAccessOfItsChunk() throws Exception {
    long corruptPage = 101;
    flip(bin, corruptPage * 4096 + 123, 3);
    CorruptSavedStateException eager = (CorruptSavedStateException) org.assertj.core.api.Assertions
        .catchThrowable(() -> store.restore(VM, RestoreMode.EAGER, target));
    assertThat(eager.offset()).isEqualTo(6L * CHUNK);
    assertThat(eager.reason()).contains("chunk 6").contains("CRC32C");
    assertThat(target).isEmptyDirectory();
    assertThatThrownBy(() -> store.verify(VM)).isInstanceOf(CorruptSavedStateException.class)
        .hasMessageContaining("chunk 6");

    try (GuestMemory lazy = store.restore(VM, RestoreMode.LAZY, target).memory()) {
      ByteBuffer page = ByteBuffer.allocate(4096);
      lazy.readPage(5, page);
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThatThrownBy(() -> lazy.readPage(100, page.clear()))
            .isInstanceOf(UncheckedIOException.class)
            .hasCauseInstanceOf(CorruptSavedStateException.class)
            .hasMessageContaining("chunk 6");
      }
      assertThatThrownBy(() -> lazy.writePage(102, ByteBuffer.allocate(4096)))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(lazy.isTouched(101)).isTrue();
    }
  }

  @Test
  void bytesInAHoleAreNeverReadSoTheyCannotLeakIntoMemory() throws Exception {
    flip(bin, 200L * 4096 + 5, 0);
    for (RestoreMode mode : RestoreMode.values()) {
      try (GuestMemory back = store.restore(VM, mode, target).memory()) {
        assertThat(guest.verify(back).ok()).isTrue();
        ByteBuffer page = ByteBuffer.allocate(4096);
        back.readPage(200, page);
        assertThat(page.array()).containsOnly(0);
      }
    }
  }

  @Test
  void aHeaderOfAnotherVmIsRejected() throws Exception {
    VmId other = VmId.of("exch2");
    Files.copy(header, lun.resolve("exch2.vsv"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(bin, lun.resolve("exch2.bin"), StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> store.restore(other, RestoreMode.LAZY, target))
        .isInstanceOf(CorruptSavedStateException.class).hasMessageContaining("belongs to VM 'exch1'");
  }

  @Test
  void anOversizedHeaderFileIsRejectedWithoutReadingIt() throws Exception {
    truncate(header, SavedStateDescriptor.MAX_HEADER_LENGTH + 1);
    assertThat(rejected(header).reason()).contains("more than any valid header");
  }

  @Test
  void symbolicLinksAreNotFollowed() throws Exception {
    Path elsewhere = Files.move(header, source.resolve("elsewhere.vsv"));
    try {
      Files.createSymbolicLink(header, elsewhere);
    } catch (UnsupportedOperationException | java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.abort("symbolic links are not supported here: " + e);
    }
    assertThat(rejected(header).reason()).contains("not a regular file");
  }

  @Test
  void aDirectoryInPlaceOfAFileIsAnErrorNotACrash() throws Exception {
    Files.delete(bin);
    Files.createDirectory(bin);
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> store.verify(VM));
    assertThat(thrown).isInstanceOf(java.io.IOException.class);
    try (Stream<Path> left = Files.list(target)) {
      assertThat(left).isEmpty();
    }
  }
}
