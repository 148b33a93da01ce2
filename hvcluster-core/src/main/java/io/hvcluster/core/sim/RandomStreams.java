package io.hvcluster.core.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Splits one master seed into named, independent random streams, so that drawing more numbers for one
 * purpose (say, a new fault) does not reshuffle another (say, boot times). A stream's numbers depend only
 * on the master seed and the stream's name.
 *
 * <p>Not thread-safe, like the simulation that owns it.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class RandomStreams {
  private final long seed;

  /**
   * Creates the streams of a master seed.
   *
   * @param seed the master seed
   */
  public RandomStreams(long seed) {
    this.seed = seed;
  }

  /**
   * Returns the master seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns a fresh stream for a name; the same name always yields the same sequence.
   *
   * @param name the stream's name, for example {@code "boot/HV1/web1"}
   * @return a new generator
   */
  public SplittableRandom stream(String name) {
    return new SplittableRandom(mix(seed ^ fnv1a(name)));
  }

  /**
   * Returns a 64-bit value derived from the seed and a name, for keyed draws that need one number.
   *
   * @param name the key
   * @return the value
   */
  public long derive(String name) {
    return mix(seed ^ fnv1a(name) ^ 0x9E3779B97F4A7C15L);
  }

  /** 64-bit FNV-1a over UTF-8: stable across JVMs, unlike identity hashes. */
  static long fnv1a(String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /**
   * The finalizer of SplitMix64: spreads nearby inputs over the whole range.
   *
   * @param z the input
   * @return the mixed value
   */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
