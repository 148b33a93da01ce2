package io.hvcluster.cli;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Checks the options annotated with {@link Range} and words their errors: {@code --hosts is 1; allowed:
 * 2 to 100000}, {@code --hosts: 'ten' is not a number; allowed: 2 to 100000}.
 */
final class OptionRanges {
  private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");

  private OptionRanges() {}

  /** Returns the range of an option, if it has one. */
  static Optional<Range> of(ArgSpec arg) {
    return arg.userObject() instanceof Field f ? Optional.ofNullable(f.getAnnotation(Range.class)) : Optional.empty();
  }

  /** Runs a parsed command line after checking every ranged option given on it. */
  static int executeChecked(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      for (OptionSpec option : p.matchedOptions()) {
        Optional<Range> range = of(option);
        if (range.isPresent() && !allows(range.get(), ((Number) option.getValue()).doubleValue())) {
          List<String> given = option.originalStringValues();
          throw new ParameterException(p.commandSpec().commandLine(), option.longestName() + " is "
              + given.get(given.size() - 1) + "; allowed: " + allowed(range.get(), whole(option)), option,
              given.get(given.size() - 1));
        }
      }
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  static boolean allows(Range r, double value) {
    return (r.aboveMin() ? value > r.min() : value >= r.min()) && value <= r.max();
  }

  /**
   * Returns the one-line message for a value of a ranged option that did not convert to a number, or
   * empty when the error is about something else.
   */
  static Optional<String> conversionError(ParameterException ex) {
    ArgSpec arg = ex.getArgSpec();
    if (!(arg instanceof OptionSpec option) || !(ex.getCause() instanceof CommandLine.TypeConversionException)
        || ex.getValue() == null) {
      return Optional.empty();
    }
    return of(arg).map(range -> option.longestName() + ": '" + ex.getValue() + "' is " + why(ex.getValue(), whole(option))
        + "; allowed: " + allowed(range, whole(option)));
  }

  private static String why(String value, boolean whole) {
    String v = value.strip();
    if (WHOLE.matcher(v).matches()) {
      return "out of range";
    }
    try {
      Double.parseDouble(v);
      return whole ? "not a whole number" : "out of range";
    } catch (NumberFormatException e) {
      return "not a number";
    }
  }

  private static boolean whole(OptionSpec option) {
    Class<?> type = option.type();
    return type == int.class || type == Integer.class || type == long.class || type == Long.class;
  }

  /** Returns a range in words, for example {@code 2 to 100000} or {@code more than 0 and at most 3650}. */
  static String allowed(Range r, boolean whole) {
    String min = number(r.min(), whole);
    String max = number(r.max(), whole);
    return r.aboveMin() ? "more than " + min + " and at most " + max : min + " to " + max;
  }

  private static String number(double value, boolean whole) {
    return whole ? Long.toString((long) value) : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
