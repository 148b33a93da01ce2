package io.hvcluster.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

final class Crc32cMathTest {
  private static int crc(byte[] bytes, int from, int to) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, from, to - from);
    return (int) crc.getValue();
  }

  @Test
  void combiningTheCrcsOfTwoRangesEqualsTheCrcOfBoth() {
    long seed = 0x5EED_C0DEL;
    SplittableRandom random = new SplittableRandom(seed);
    for (int trial = 0; trial < 200; trial++) {
      byte[] data = new byte[1 + random.nextInt(20_000)];
      random.nextBytes(data);
      int split = random.nextInt(data.length + 1);
      int combined = Crc32cMath.combine(crc(data, 0, split), crc(data, split, data.length), data.length - split);
      assertThat(combined)
          .as("seed %d trial %d; replay: Crc32cMathTest with seed %d", seed, trial, seed)
          .isEqualTo(crc(data, 0, data.length));
    }
  }

  @Test
  void appendingZerosEqualsTheCrcOverExplicitZeros() {
    byte[] data = new byte[70_000];
    new SplittableRandom(7).nextBytes(data);
    for (int zeros : new int[] {0, 1, 7, 4096, 65_536}) {
      byte[] padded = new byte[100 + zeros];
      System.arraycopy(data, 0, padded, 0, 100);
      assertThat(Crc32cMath.appendZeros(crc(data, 0, 100), zeros)).isEqualTo(crc(padded, 0, padded.length));
    }
    assertThat(Crc32cMath.appendZeros(0, 12_345)).isEqualTo(crc(new byte[12_345], 0, 12_345));
  }

  @Test
  void aChunkCrcWithGapsEqualsTheCrcOfTheWholeChunk() {
    byte[] chunk = new byte[16 * 4096];
    SplittableRandom random = new SplittableRandom(11);
    ChunkCrc crc = new ChunkCrc();
    crc.reset();
    for (int page : new int[] {1, 2, 5, 15}) {
      byte[] content = new byte[4096];
      random.nextBytes(content);
      System.arraycopy(content, 0, chunk, page * 4096, 4096);
      crc.add(page * 4096L, ByteBuffer.wrap(content));
    }
    assertThat(crc.finish(chunk.length)).isEqualTo(crc(chunk, 0, chunk.length));
  }
}
