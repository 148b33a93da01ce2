package io.hvcluster.api;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Writes durations in the one compact form the library uses wherever it shows or reads one (fault plans,
 * scenario timing, cluster specs as JSON, failure reports, messages): {@code "0s"}, {@code "250ms"},
 * {@code "1m30s"}, {@code "24h"}, {@code "4s385ms"}; units {@code h}, {@code m}, {@code s}, {@code ms},
 * {@code us} and {@code ns}, largest first, each at most once.
 *
 * <p>This class is stateless and thread-safe. Example:
 *
 * <pre>{@code
 * Durations.format(Duration.ofSeconds(90));   // "1m30s"
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Durations {
  private static final long[] UNIT_NANOS = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
  private static final String[] UNIT_NAMES = {"h", "m", "s", "ms", "us", "ns"};

  private Durations() {}

  /**
   * Returns the compact form of a duration that is zero or positive.
   *
   * @param duration the duration
   * @return the text, for example {@code "1m30s"}
   * @throws IllegalArgumentException when the duration is negative or longer than about 292 years
   */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration " + duration + " is negative; durations are 0 or more");
    }
    long nanos;
    try {
      nanos = duration.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration " + duration + " is too long to write in nanoseconds", e);
    }
    return formatNanos(nanos);
  }

  /**
   * Returns the compact form of a number of nanoseconds that is zero or positive.
   *
   * @param nanos the nanoseconds
   * @return the text, for example {@code "1m30s"}
   * @throws IllegalArgumentException when {@code nanos} is negative
   */
  public static String formatNanos(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("duration of " + nanos + " ns is negative");
    }
    if (nanos == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long rest = nanos;
    for (int i = 0; i < UNIT_NANOS.length; i++) {
      long count = rest / UNIT_NANOS[i];
      if (count > 0) {
        out.append(count).append(UNIT_NAMES[i]);
        rest -= count * UNIT_NANOS[i];
      }
    }
    return out.toString();
  }
}
