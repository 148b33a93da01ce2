package io.hvcluster.testkit.property;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Seed arithmetic and formatting for property runs. The seed of try {@code i} is a pure function of the
 * run's seed and {@code i}, and try 0 uses the run's seed itself, so running a failing try's seed with
 * one try reproduces that try exactly.
 *
 * <p>This class is stateless and thread-safe. Example:
 *
 * <pre>{@code
 * long seed = Seeds.parse("0x1234ABCD");
 * long third = Seeds.forTry(seed, 2);
 * String text = Seeds.format(third); // 16 hex digits, for example "0x5F0E1D2C3B4A5968"
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Seeds {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /**
   * Returns the seed of the given try of a run.
   *
   * @param runSeed the run's seed
   * @param tryIndex the try, 0 or more
   * @return {@code runSeed} for try 0, otherwise a well-mixed seed derived from both
   * @throws IllegalArgumentException when {@code tryIndex} is negative
   */
  public static long forTry(long runSeed, int tryIndex) {
    if (tryIndex < 0) {
      throw new IllegalArgumentException("try index is " + tryIndex + "; it must be 0 or more");
    }
    return tryIndex == 0 ? runSeed : mix(runSeed + GOLDEN_GAMMA * tryIndex);
  }

  /**
   * Returns a seed derived from a name, so that every property has its own stable default seed.
   *
   * @param base a base seed that varies the whole suite (for example a nightly run number), or 0
   * @param name the property's name, for example {@code "com.example.FooTest#bar"}
   * @return the derived seed
   */
  public static long derive(long base, String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(h ^ mix(base));
  }

  /**
   * Returns the seed as 16 upper-case hex digits with a {@code 0x} prefix.
   *
   * @param seed the seed
   * @return for example {@code "0x00000000075BCD15"}
   */
  public static String format(long seed) {
    return String.format(Locale.ROOT, "0x%016X", seed);
  }

  /**
   * Returns the seed as a Java {@code long} literal that can be pasted into source code.
   *
   * @param seed the seed
   * @return for example {@code "0x00000000075BCD15L"}
   */
  public static String literal(long seed) {
    return format(seed) + "L";
  }

  /**
   * Parses a seed written as hex with a {@code 0x} prefix (up to 16 digits, optionally with a trailing
   * {@code L}) or as a signed decimal number.
   *
   * @param text the seed text
   * @return the seed
   * @throws IllegalArgumentException when the text is not a seed
   */
  public static long parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("seed is missing; write it as hex (0x1234ABCD) or decimal");
    }
    String t = text.strip().replace("_", "");
    if (t.endsWith("L") || t.endsWith("l")) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      if (t.startsWith("0x") || t.startsWith("0X")) {
        String digits = t.substring(2);
        if (digits.isEmpty() || digits.length() > 16) {
          throw new NumberFormatException();
        }
        return Long.parseUnsignedLong(digits, 16);
      }
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a seed; write it as hex (0x1234ABCD, at most 16"
          + " digits) or as a decimal long", e);
    }
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
