package io.hvcluster.core.memory;

/**
 * CRC32C arithmetic that {@link java.util.zip.CRC32C} lacks: combining the CRCs of two adjacent byte
 * ranges and extending a CRC by a run of zero bytes without reading them, after zlib's
 * {@code crc32_combine}. With it a chunk's checksum covers every byte of the chunk, holes included, at
 * the cost of the stored pages only.
 *
 * <p>Values are the ones {@code CRC32C.getValue()} returns, as {@code int}. Stateless and thread-safe.
 */
final class Crc32cMath {
  /** The reflected Castagnoli polynomial. */
  private static final int POLY = 0x82F63B78;
  /** {@code X2N[k]} is x^(2^k) modulo the polynomial, in reflected form. */
  private static final int[] X2N = new int[32];

  static {
    int p = 1 << 30; // x^1
    X2N[0] = p;
    for (int n = 1; n < 32; n++) {
      p = multModP(p, p);
      X2N[n] = p;
    }
  }

  private Crc32cMath() {}

  /** Returns the CRC of {@code A || B} from the CRC of A, the CRC of B and the length of B. */
  static int combine(int crcA, int crcB, long lengthB) {
    return multModP(x8nModP(lengthB), crcA) ^ crcB;
  }

  /** Returns the CRC of {@code A} followed by {@code zeros} zero bytes, from the CRC of A. */
  static int appendZeros(int crcA, long zeros) {
    return ~multModP(x8nModP(zeros), ~crcA);
  }

  /** Returns x^(8n) modulo the polynomial: the operator that shifts a CRC register over n zero bytes. */
  private static int x8nModP(long n) {
    int p = 1 << 31; // x^0
    int k = 3;
    while (n != 0) {
      if ((n & 1) != 0) {
        p = multModP(X2N[k & 31], p);
      }
      n >>>= 1;
      k++;
    }
    return p;
  }

  private static int multModP(int a, int b) {
    int m = 1 << 31;
    int p = 0;
    while (a != 0) {
      if ((a & m) != 0) {
        p ^= b;
        a ^= m;
      }
      m >>>= 1;
      b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
    }
    return p;
  }
}
