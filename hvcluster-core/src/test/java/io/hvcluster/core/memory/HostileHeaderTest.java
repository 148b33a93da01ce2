package io.hvcluster.core.memory;

import static io.hvcluster.core.memory.SavedStateDescriptor.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hvcluster.api.CorruptSavedStateException;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.VmId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers crafted with a valid CRC but lying fields: every length, count and offset must be checked
 * before use, and the rejection must name the offending field's offset.
 */
final class HostileHeaderTest {
  private static final VmId VM = VmId.of("dc01");
  /** 100 pages in 64 KiB chunks: 7 chunks, the last one partial, and a partial last bitmap word. */
  private static final long MEMORY = 100 * 4096;

  @TempDir Path lun;
  @TempDir Path source;
  @TempDir Path target;

  private SavedStateStore store;
  private Path header;
  private byte[] valid;

  @BeforeEach
  void saveOneGeneration() throws Exception {
    store = SavedStateStore.in(lun);
    try (GuestMemory memory = GuestMemories.real(VM, MEMORY, source, 64 * 1024)) {
      GuestWorkload.create(1, VM, 100, 0, 1).fill(memory, 90, 10);
      header = store.save(memory).headerFile();
    }
    valid = Files.readAllBytes(header);
  }

  /** Writes the valid header changed by {@code edit}, with its CRC recomputed, and returns the rejection. */
  private CorruptSavedStateException craft(Consumer<ByteBuffer> edit) throws Exception {
    ByteBuffer bytes = ByteBuffer.wrap(valid.clone()).order(BYTE_ORDER);
    edit.accept(bytes);
    reseal(bytes);
    Files.write(header, bytes.array());
    Throwable thrown = catchThrowable(() -> store.restore(VM, RestoreMode.LAZY, target));
    assertThat(thrown).isInstanceOf(CorruptSavedStateException.class);
    return (CorruptSavedStateException) thrown;
  }

  private static void reseal(ByteBuffer bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes.array(), 0, bytes.capacity() - 4);
    bytes.putInt(bytes.capacity() - 4, (int) crc.getValue());
  }

  @Test
  void eachLyingFieldIsRejectedAtItsOffset() throws Exception {
    assertThat(craft(b -> b.putLong(MAGIC_OFFSET, 0x4D5A90L)).offset()).isEqualTo(MAGIC_OFFSET);
    assertThat(craft(b -> b.putInt(VERSION_OFFSET, 2)).offset()).isEqualTo(VERSION_OFFSET);
    assertThat(craft(b -> b.putInt(HEADER_LENGTH_OFFSET, -1)).offset()).isEqualTo(HEADER_LENGTH_OFFSET);
    assertThat(craft(b -> b.putLong(GENERATION_OFFSET, 0)).offset()).isEqualTo(GENERATION_OFFSET);
    assertThat(craft(b -> b.putLong(GENERATION_OFFSET, Long.MIN_VALUE)).offset()).isEqualTo(GENERATION_OFFSET);
    for (long size : new long[] {0, -4096, 4097, Long.MAX_VALUE, Long.MIN_VALUE, MAX_MEMORY_BYTES + 4096}) {
      assertThat(craft(b -> b.putLong(MEMORY_BYTES_OFFSET, size)).offset()).isEqualTo(MEMORY_BYTES_OFFSET);
    }
    assertThat(craft(b -> b.putInt(PAGE_SIZE_OFFSET, 8192)).offset()).isEqualTo(PAGE_SIZE_OFFSET);
    for (int chunk : new int[] {0, 3000, 2048, Integer.MIN_VALUE, -1, 1 << 31}) {
      assertThat(craft(b -> b.putInt(CHUNK_BYTES_OFFSET, chunk)).offset()).isEqualTo(CHUNK_BYTES_OFFSET);
    }
    for (int count : new int[] {0, 6, 8, -1}) {
      assertThat(craft(b -> b.putInt(CHUNK_COUNT_OFFSET, count)).offset()).isEqualTo(CHUNK_COUNT_OFFSET);
    }
    assertThat(craft(b -> b.putInt(SLOT_OFFSET, 2)).offset()).isEqualTo(SLOT_OFFSET);
    assertThat(craft(b -> b.putLong(STORED_PAGES_OFFSET, 11)).offset()).isEqualTo(STORED_PAGES_OFFSET);
    assertThat(craft(b -> b.putInt(BITMAP_LENGTH_OFFSET, -8)).offset()).isEqualTo(BITMAP_LENGTH_OFFSET);
    assertThat(craft(b -> b.putInt(DEVICE_STATE_LENGTH_OFFSET, -1)).offset()).isEqualTo(DEVICE_STATE_LENGTH_OFFSET);
    assertThat(craft(b -> b.putInt(DEVICE_STATE_LENGTH_OFFSET, 4)).reason()).contains("sections need");
    assertThat(craft(b -> b.putShort(VM_NAME_LENGTH_OFFSET, (short) 0)).offset()).isEqualTo(VM_NAME_LENGTH_OFFSET);
    assertThat(craft(b -> b.putShort(VM_NAME_LENGTH_OFFSET, (short) -1)).offset()).isEqualTo(VM_NAME_LENGTH_OFFSET);
    assertThat(craft(b -> b.put(VM_NAME_OFFSET, (byte) '/')).offset()).isEqualTo(VM_NAME_OFFSET);
    assertThat(craft(b -> b.put(VM_NAME_OFFSET + 40, (byte) 'x')).offset()).isEqualTo(VM_NAME_OFFSET + 40);
  }

  @Test
  void aGenerationPastTheBoundIsRejected() throws Exception {
    for (long generation : new long[] {Long.MAX_VALUE, MAX_GENERATION + 1}) {
      CorruptSavedStateException e = craft(b -> b.putLong(GENERATION_OFFSET, generation));
      assertThat(e.offset()).isEqualTo(GENERATION_OFFSET);
      assertThat(e.reason()).contains("is not 1 to " + MAX_GENERATION);
    }
  }

  @Test
  void aSaveAfterTheLargestGenerationFailsWithAMessageAndKeepsIt() throws Exception {
    ByteBuffer bytes = ByteBuffer.wrap(valid.clone()).order(BYTE_ORDER);
    bytes.putLong(GENERATION_OFFSET, MAX_GENERATION);
    reseal(bytes);
    Files.write(header, bytes.array());
    assertThat(store.verify(VM).generation()).isEqualTo(MAX_GENERATION);
    try (GuestMemory memory = GuestMemories.real(VM, MEMORY, source, 64 * 1024)) {
      GuestWorkload.create(2, VM, 100, 0, 1).fill(memory, 0, 10);
      assertThatThrownBy(() -> store.save(memory)).isInstanceOf(IOException.class)
          .hasMessageContaining("the largest allowed").hasMessageContaining("dc01.vsv");
    }
    assertThat(store.verify(VM).generation()).isEqualTo(MAX_GENERATION);
  }

  @Test
  void aStoredPageOfZerosIsRejectedAtTheFirstOneSoAHeaderOverHolesCannotMakeVerifySlow() throws Exception {
    // Page 0 is a hole; marking it stored keeps every CRC valid, since a hole reads as zeros.
    CorruptSavedStateException one = craftVerify(b -> {
      b.put(FIXED_LENGTH, (byte) (b.get(FIXED_LENGTH) | 1));
      b.putLong(STORED_PAGES_OFFSET, 11);
    });
    assertThat(one.offset()).isZero();
    assertThat(one.reason()).contains("page 0 is marked stored but holds only zeros");
    // Every page marked stored: verify would read all of a (sparse, huge) file; it stops at the first.
    CorruptSavedStateException all = craftVerify(b -> {
      b.putLong(FIXED_LENGTH, -1L);
      b.putLong(FIXED_LENGTH + 8, (1L << 36) - 1);
      b.putLong(STORED_PAGES_OFFSET, 100);
    });
    assertThat(all.offset()).isZero();
    for (RestoreMode mode : RestoreMode.values()) {
      Throwable thrown = catchThrowable(() -> {
        try (GuestMemory back = store.restore(VM, mode, target).memory()) {
          back.readPage(0, ByteBuffer.allocate(4096));
        }
      });
      assertThat(thrown instanceof java.io.UncheckedIOException ? thrown.getCause() : thrown).as("%s", mode)
          .isInstanceOf(CorruptSavedStateException.class).hasMessageContaining("holds only zeros");
    }
  }

  /** Writes the valid header changed by {@code edit}, with its CRC recomputed, and returns verify's rejection. */
  private CorruptSavedStateException craftVerify(Consumer<ByteBuffer> edit) throws Exception {
    ByteBuffer bytes = ByteBuffer.wrap(valid.clone()).order(BYTE_ORDER);
    edit.accept(bytes);
    reseal(bytes);
    Files.write(header, bytes.array());
    Throwable thrown = catchThrowable(() -> store.verify(VM));
    assertThat(thrown).isInstanceOf(CorruptSavedStateException.class);
    return (CorruptSavedStateException) thrown;
  }

  @Test
  void aBitmapMarkingPagesPastTheEndOfMemoryIsRejected() throws Exception {
    CorruptSavedStateException e = craft(b -> b.put(FIXED_LENGTH + 8 + 7, (byte) 0x80));
    assertThat(e.reason()).contains("past the end");
    assertThat(e.offset()).isEqualTo(FIXED_LENGTH + 8);
  }

  @Test
  void aHeaderClaimingAHugeMemoryOverAShortFileIsRejectedWithoutLargeAllocations() throws Exception {
    CorruptSavedStateException e = craft(b -> {
      b.putLong(MEMORY_BYTES_OFFSET, MAX_MEMORY_BYTES);
      b.putInt(CHUNK_BYTES_OFFSET, MAX_CHUNK_BYTES);
      b.putInt(CHUNK_COUNT_OFFSET, 1024);
      b.putInt(BITMAP_LENGTH_OFFSET, (int) bitmapLength(MAX_MEMORY_BYTES / 4096));
    });
    assertThat(e.reason()).contains("sections need");
  }

  @Test
  void randomMutationsAreEitherHarmlessOrRejectedAsCorrupt() throws Exception {
    long seed = 0xBADC0DEL;
    SplittableRandom random = new SplittableRandom(seed);
    for (int trial = 0; trial < 300; trial++) {
      ByteBuffer bytes = ByteBuffer.wrap(valid.clone()).order(BYTE_ORDER);
      int edits = 1 + random.nextInt(4);
      for (int i = 0; i < edits; i++) {
        int at = random.nextInt(FIXED_LENGTH + 8);
        bytes.put(at, (byte) random.nextInt(256));
      }
      if (random.nextBoolean()) {
        reseal(bytes);
      }
      Files.write(header, bytes.array());
      Throwable thrown = catchThrowable(() -> {
        try (GuestMemory back = store.restore(VM, RestoreMode.EAGER, target).memory()) {
          assertThat(back.sizeBytes()).isEqualTo(MEMORY);
        }
      });
      assertThat(thrown)
          .as("trial %d; replay: HostileHeaderTest.randomMutations... with seed %d", trial, seed)
          .satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(CorruptSavedStateException.class));
    }
  }
}
