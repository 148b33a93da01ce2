package io.hvcluster.api.spec;

import io.hvcluster.api.InvalidConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Argument checks shared by the specs, each failing with a message that says what is allowed. */
final class Checks {
  static final long GIB = 1L << 30;
  static final long MIB = 1L << 20;

  private Checks() {}

  static <T> T notNull(String what, T value) {
    if (value == null) {
      throw new InvalidConfigurationException(what + " is missing");
    }
    return value;
  }

  static long positive(String what, long value) {
    if (value <= 0) {
      throw new InvalidConfigurationException(what + " is " + value + "; it must be positive");
    }
    return value;
  }

  static int range(String what, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidConfigurationException(what + " is " + value + "; allowed: " + min + " to " + max);
    }
    return value;
  }

  static Duration positive(String what, Duration value) {
    notNull(what, value);
    if (value.isNegative() || value.isZero()) {
      throw new InvalidConfigurationException(what + " is " + value + "; it must be positive");
    }
    return value;
  }

  static double range(String what, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new InvalidConfigurationException(what + " is " + value + "; allowed: " + min + " to " + max);
    }
    return value;
  }

  static <T> List<T> list(String what, List<T> values) {
    notNull(what, values);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new InvalidConfigurationException(what + " has a missing entry at index " + i);
      }
    }
    return List.copyOf(values);
  }

  static String size(long bytes) {
    if (bytes % GIB == 0) {
      return bytes / GIB + " GiB";
    }
    if (bytes % MIB == 0) {
      return bytes / MIB + " MiB";
    }
    return bytes + " bytes";
  }

  static boolean same(Object a, Object b) {
    return Objects.equals(a, b);
  }
}
