package io.hvcluster.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a numeric option allows, the ones the library allows where it checks them. {@link OptionRanges}
 * checks a given value before the command runs and names the range in every error about the option,
 * including a value that is not a number at all ({@code --hosts ten}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Range {
  /** Returns the least value allowed (or, with {@link #aboveMin()}, the bound the value must exceed). */
  double min();

  /** Returns the greatest value allowed. */
  double max();

  /** Returns whether {@link #min()} itself is not allowed, as for a duration that must be positive. */
  boolean aboveMin() default false;
}
