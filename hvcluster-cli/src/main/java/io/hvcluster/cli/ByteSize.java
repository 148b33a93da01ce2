package io.hvcluster.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses sizes such as {@code 4096}, {@code 64MiB}, {@code 1GiB} or {@code 4G}; units are binary. A decimal
 * unit ({@code 2GB}) is refused with the binary one it probably means, rather than read as either.
 */
final class ByteSize implements CommandLine.ITypeConverter<Long> {
  private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*(?:([KMGT])(IB)?|B)?");
  private static final Pattern DECIMAL = Pattern.compile("(\\d{1,19})\\s*([KMGT])B");

  @Override
  public Long convert(String value) {
    return parse(value);
  }

  static long parse(String value) {
    String upper = value.trim().toUpperCase(Locale.ROOT);
    Matcher decimal = DECIMAL.matcher(upper);
    if (decimal.matches()) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a size; did you mean " + decimal.group(1)
          + decimal.group(2) + "iB? (units are binary: KiB, MiB, GiB and TiB, or K, M, G and T)");
    }
    Matcher m = SIZE.matcher(upper);
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException("'" + value
          + "' is not a size; use a number of bytes with an optional unit K, M, G or T (KiB, MiB, GiB, TiB)");
    }
    int shift = switch (m.group(2) == null ? "" : m.group(2)) {
      case "K" -> 10;
      case "M" -> 20;
      case "G" -> 30;
      case "T" -> 40;
      default -> 0;
    };
    try {
      long number = Long.parseLong(m.group(1));
      if (number > (Long.MAX_VALUE >> shift)) {
        throw new NumberFormatException();
      }
      return number << shift;
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("size '" + value + "' is too large");
    }
  }

  static String format(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    double value = bytes;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
