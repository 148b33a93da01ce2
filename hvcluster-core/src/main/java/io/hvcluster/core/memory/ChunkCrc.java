package io.hvcluster.core.memory;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Accumulates the CRC32C of one chunk from its stored runs, in order, counting the gaps between them as
 * zero bytes without reading them. The result equals {@code CRC32C} over every byte of the chunk.
 *
 * <p>Not thread-safe; reusable through {@link #reset()}.
 */
final class ChunkCrc {
  private final CRC32C crc = new CRC32C();
  private int value;
  private long covered;

  void reset() {
    value = 0;
    covered = 0;
  }

  /** Adds the bytes of {@code run}, which starts at {@code offset} within the chunk; its position is kept. */
  void add(long offset, ByteBuffer run) {
    if (offset < covered) {
      throw new IllegalArgumentException("run at " + offset + " overlaps bytes already covered up to " + covered);
    }
    value = Crc32cMath.appendZeros(value, offset - covered);
    int length = run.remaining();
    crc.reset();
    crc.update(run.duplicate());
    value = Crc32cMath.combine(value, (int) crc.getValue(), length);
    covered = offset + length;
  }

  /** Returns the CRC of the whole chunk of {@code chunkLength} bytes, the rest counted as zeros. */
  int finish(long chunkLength) {
    value = Crc32cMath.appendZeros(value, chunkLength - covered);
    covered = chunkLength;
    return value;
  }
}
