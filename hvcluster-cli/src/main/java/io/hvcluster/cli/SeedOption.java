package io.hvcluster.cli;

import io.hvcluster.testkit.property.Seeds;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads the value of every {@code --seed}: a decimal long, as every {@code --json} output prints seeds,
 * or hex with a {@code 0x} prefix, as the testkit's replay lines and property failures print them.
 */
final class SeedOption implements CommandLine.ITypeConverter<Long> {
  private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9]+|0[xX][0-9a-fA-F]+");
  private static final String ALLOWED = "allowed: whole numbers from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
      + ", or hex from 0x0 to 0xFFFFFFFFFFFFFFFF";

  @Override
  public Long convert(String value) {
    try {
      return Seeds.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is " + (DIGITS.matcher(value.strip()).matches()
          ? "out of range" : "not a whole number") + "; " + ALLOWED);
    }
  }
}
