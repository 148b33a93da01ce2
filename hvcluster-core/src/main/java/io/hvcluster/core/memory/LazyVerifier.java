package io.hvcluster.core.memory;

import io.hvcluster.api.CorruptSavedStateException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Verifies the chunks of a lazily restored memory against the saved header's CRC32C, each on its first
 * access. A chunk that fails stays failed: every access to it throws the same
 * {@link CorruptSavedStateException}, wrapped in an {@link UncheckedIOException}.
 *
 * <p>Not thread-safe.
 */
final class LazyVerifier {
  private final Path bin;
  private final int[] expectedCrc;
  private final boolean[] verified;
  private final CorruptSavedStateException[] failures;
  private final ChunkCrc crc = new ChunkCrc();

  LazyVerifier(Path bin, int[] expectedCrc) {
    this.bin = bin;
    this.expectedCrc = expectedCrc.clone();
    this.verified = new boolean[expectedCrc.length];
    this.failures = new CorruptSavedStateException[expectedCrc.length];
  }

  /**
   * Checks chunk {@code index} unless done before. Only the pages in {@code present} are read; the others
   * count as zeros, which is what a reader of this memory sees for them.
   */
  void ensureVerified(int index, ByteBuffer chunk, long firstPage, int chunkLength, PageBitmap present) {
    if (verified[index]) {
      return;
    }
    if (failures[index] == null) {
      int actual = SavedStateIo.chunkCrc(chunk, firstPage, chunkLength, present, crc);
      if (actual == expectedCrc[index]) {
        verified[index] = true;
        return;
      }
      failures[index] = new CorruptSavedStateException(bin, firstPage * io.hvcluster.api.GuestMemory.PAGE_SIZE,
          "chunk " + index + " CRC32C mismatch on first access: header has "
              + Integer.toHexString(expectedCrc[index]) + ", data gives " + Integer.toHexString(actual));
    }
    throw new UncheckedIOException(failures[index]);
  }

  int verifiedChunks() {
    int n = 0;
    for (boolean v : verified) {
      n += v ? 1 : 0;
    }
    return n;
  }
}
