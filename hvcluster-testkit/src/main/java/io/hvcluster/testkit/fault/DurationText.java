package io.hvcluster.testkit.fault;

import io.hvcluster.api.Durations;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Writes and reads durations in the compact form fault plans use, the library's one form
 * ({@link io.hvcluster.api.Durations}): {@code "0s"}, {@code "250ms"},
 * {@code "1m30s"}, {@code "2h"}, {@code "1s500ms"}; units are {@code h}, {@code m}, {@code s},
 * {@code ms}, {@code us} and {@code ns}, largest first. Reading also accepts ISO-8601
 * ({@code "PT1M30S"}).
 *
 * <p>This class is stateless and thread-safe. Example:
 *
 * <pre>{@code
 * DurationText.format(Duration.ofSeconds(90));   // "1m30s"
 * DurationText.parse("1m30s");                   // PT1M30S
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DurationText {
  private static final Pattern COMPACT = Pattern.compile(
      "(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?(?:(\\d+)us)?(?:(\\d+)ns)?");
  private static final long[] UNIT_NANOS = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};

  private DurationText() {}

  /**
   * Returns the compact form of a duration that is zero or positive.
   *
   * @param duration the duration
   * @return the text, for example {@code "1m30s"}
   * @throws IllegalArgumentException when the duration is negative or longer than about 292 years
   */
  public static String format(Duration duration) {
    return Durations.format(duration);
  }

  /**
   * Returns the compact form of a number of nanoseconds that is zero or positive.
   *
   * @param nanos the nanoseconds
   * @return the text, for example {@code "1m30s"}
   * @throws IllegalArgumentException when {@code nanos} is negative
   */
  public static String formatNanos(long nanos) {
    return Durations.formatNanos(nanos);
  }

  /**
   * Reads a duration written in the compact form or in ISO-8601.
   *
   * @param text the text
   * @return the duration, zero or positive
   * @throws IllegalArgumentException when the text is not a duration of zero or more
   */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("duration is missing; write it like \"5s\", \"250ms\" or \"1m30s\"");
    }
    String t = text.strip();
    if (t.startsWith("PT") || t.startsWith("P")) {
      try {
        Duration d = Duration.parse(t);
        if (d.isNegative()) {
          throw new IllegalArgumentException("duration '" + text + "' is negative; plans use durations of 0 or more");
        }
        return d;
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration", e);
      }
    }
    Matcher m = COMPACT.matcher(t);
    if (t.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration; write it like \"5s\", \"250ms\", \"1m30s\""
          + " (units h, m, s, ms, us, ns, largest first)");
    }
    try {
      Duration total = Duration.ZERO;
      for (int i = 0; i < UNIT_NANOS.length; i++) {
        String group = m.group(i + 1);
        if (group != null) {
          total = total.plus(Duration.ofNanos(UNIT_NANOS[i]).multipliedBy(Long.parseLong(group)));
        }
      }
      return total;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("duration '" + text + "' is too long", e);
    }
  }
}
