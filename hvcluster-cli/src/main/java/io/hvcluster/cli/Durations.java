package io.hvcluster.cli;

import java.util.Locale;

/** Words durations for people: {@code 47.5 s}, {@code 1 min 47.5 s}, {@code 3 h 12 min}, {@code 21 d 20 h 3 min}. */
final class Durations {
  private Durations() {}

  /** Returns a duration in its two or three largest units; seconds carry one decimal below an hour. */
  static String words(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("duration is " + seconds + " s; it must be finite and 0 or more");
    }
    double tenths = Math.round(seconds * 10) / 10.0;
    if (tenths < 60) {
      return String.format(Locale.ROOT, "%.1f s", tenths);
    }
    if (tenths < 3_600) {
      long minutes = (long) (tenths / 60);
      return String.format(Locale.ROOT, "%d min %.1f s", minutes, tenths - minutes * 60);
    }
    long minutes = Math.round(seconds / 60);
    long[] values = {minutes / 1_440, minutes / 60 % 24, minutes % 60};
    String[] units = {"d", "h", "min"};
    int first = values[0] == 0 ? 1 : 0;
    int last = values[2] != 0 ? 2 : values[1] != 0 || first == 1 ? 1 : 0;
    StringBuilder text = new StringBuilder();
    for (int i = first; i <= last; i++) {
      text.append(text.length() == 0 ? "" : " ").append(values[i]).append(' ').append(units[i]);
    }
    return text.toString();
  }

  /** Returns a long duration in words with its exact seconds, for example {@code 24 d 1 h 39 min (2,079,551 s)}. */
  static String wordsAndSeconds(double seconds) {
    String words = words(seconds);
    return seconds < 3_600 ? words : String.format(Locale.ROOT, "%s (%,d s)", words, Math.round(seconds));
  }
}
