package io.hvcluster.cli;

import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts option values to numbers as picocli's built-in converters do, but with messages that say what
 * is allowed: {@code '3.5' is not a whole number; allowed: whole numbers from …} rather than
 * {@code '3.5' is not a long}.
 */
final class NumberOptions {
  private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9]+");

  private NumberOptions() {}

  /** Registers the converters for {@code int}, {@code long} and {@code double} options of every command. */
  static void registerOn(CommandLine cli) {
    cli.registerConverter(Integer.class, NumberOptions::toInt);
    cli.registerConverter(Integer.TYPE, NumberOptions::toInt);
    cli.registerConverter(Long.class, NumberOptions::toLong);
    cli.registerConverter(Long.TYPE, NumberOptions::toLong);
    cli.registerConverter(Double.class, NumberOptions::toDouble);
    cli.registerConverter(Double.TYPE, NumberOptions::toDouble);
  }

  static int toInt(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw notAWholeNumber(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
  }

  static long toLong(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw notAWholeNumber(value, Long.MIN_VALUE, Long.MAX_VALUE);
    }
  }

  static double toDouble(String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a number; allowed: a decimal number such as 2, 0.5"
          + " or 1e-3");
    }
  }

  private static TypeConversionException notAWholeNumber(String value, long min, long max) {
    return new TypeConversionException("'" + value + "' is " + (DIGITS.matcher(value).matches() ? "out of range"
        : "not a whole number") + "; allowed: whole numbers from " + min + " to " + max);
  }
}
