package io.hvcluster.json;

import io.hvcluster.testkit.fault.DurationText;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * The durations of a scenario run (its {@code duration}, action times, fault-plan times and the
 * {@code --duration} option): the compact form of {@link DurationText}, at most {@link #MAX}. The bound is
 * checked on the parsed {@link Duration} before anything converts it to nanoseconds, so a run of
 * {@code "24000000h"} is refused with the field and the maximum rather than overflowing later.
 *
 * <p>This class is stateless and thread-safe.
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class RunDurations {
  /** The longest run, and the latest time of anything in it: 3650 days, as for {@code simulate --days}. */
  public static final Duration MAX = Duration.ofDays(3650);
  /** {@link #MAX} in words, for messages. */
  public static final String MAX_TEXT = "87600h (3650 days)";

  private RunDurations() {}

  /**
   * Parses a duration of at most {@link #MAX}.
   *
   * @param text the text, for example {@code "1h30m"}
   * @return the duration
   * @throws IllegalArgumentException saying what is wrong and what is allowed, for example
   *     {@code '24000000h' is longer than the maximum, 87600h (3650 days)}
   */
  public static Duration parse(String text) {
    Duration d;
    try {
      d = DurationText.parse(text);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof NumberFormatException || e.getCause() instanceof ArithmeticException) {
        throw tooLong("'" + text + "'", e);
      }
      throw e;
    }
    check("'" + text + "'", d);
    return d;
  }

  /** Checks a duration that was parsed elsewhere (a fault plan's) against {@link #MAX}. */
  static void check(String shown, Duration d) {
    if (d.compareTo(MAX) > 0) {
      throw tooLong(shown, null);
    }
  }

  /** Returns a duration for a message without converting it to nanoseconds (which a huge one overflows). */
  static String show(Duration d) {
    return d.compareTo(MAX) > 0 ? d.toHours() + "h" : DurationText.format(d);
  }

  private static IllegalArgumentException tooLong(String shown, Throwable cause) {
    return new IllegalArgumentException(shown + " is longer than the maximum, " + MAX_TEXT, cause);
  }
}
