package io.hvcluster.testkit.property;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The result of running a {@link Property}: passed, failed with a shrunk counterexample, or exhausted
 * (too many tries discarded). {@link #report()} renders what a developer needs to reproduce a failure:
 * the run's seed, the failing try's seed, the shrunk value, the error and a one-line replay that runs
 * the shrunk value alone (the try's seed and the {@link ShrinkPath} to it).
 *
 * <p>Instances are immutable; they are as thread-safe as the values they hold.
 *
 * @param <T> the value type
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class PropertyResult<T> {
  /**
   * What became of a run.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Status {
    /** Every try passed. */
    PASSED,
    /** A try failed; see {@link #counterexample()}. */
    FAILED,
    /** Too many tries were discarded by failed assumptions. */
    EXHAUSTED
  }

  private final Property<T> property;
  private final Status status;
  private final long seed;
  private final int tries;
  private final int discarded;
  private final Counterexample<T> counterexample;

  private PropertyResult(Property<T> property, Status status, long seed, int tries, int discarded,
      Counterexample<T> counterexample) {
    this.property = property;
    this.status = status;
    this.seed = seed;
    this.tries = tries;
    this.discarded = discarded;
    this.counterexample = counterexample;
  }

  static <T> PropertyResult<T> passed(Property<T> property, long seed, int tries, int discarded) {
    return new PropertyResult<>(property, Status.PASSED, seed, tries, discarded, null);
  }

  static <T> PropertyResult<T> failed(Property<T> property, long seed, int tries, int discarded, Counterexample<T> c) {
    return new PropertyResult<>(property, Status.FAILED, seed, tries, discarded, c);
  }

  static <T> PropertyResult<T> exhausted(Property<T> property, long seed, int tries, int discarded) {
    return new PropertyResult<>(property, Status.EXHAUSTED, seed, tries, discarded, null);
  }

  /**
   * Returns what became of the run.
   *
   * @return the status
   */
  public Status status() {
    return status;
  }

  /**
   * Returns whether every try passed.
   *
   * @return true when passed
   */
  public boolean passed() {
    return status == Status.PASSED;
  }

  /**
   * Returns the seed the run started from.
   *
   * @return the run's seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns how many tries ran to a verdict (discarded tries not counted).
   *
   * @return tries
   */
  public int tries() {
    return tries;
  }

  /**
   * Returns how many tries were discarded by failed assumptions.
   *
   * @return discarded tries
   */
  public int discarded() {
    return discarded;
  }

  /**
   * Returns the counterexample of a failed run.
   *
   * @return the counterexample, empty unless the run failed
   */
  public Optional<Counterexample<T>> counterexample() {
    return Optional.ofNullable(counterexample);
  }

  /**
   * Returns the one-line instruction that reruns the failing try, or the whole run when it did not
   * fail.
   *
   * @return the replay line, starting with {@code "replay: "}
   */
  public String replayLine() {
    if (counterexample == null) {
      return "replay: " + property.replayLine(seed, ShrinkPath.NONE);
    }
    return "replay: " + property.replayLine(counterexample.failingTry().seed(), counterexample.shrinkPath());
  }

  /**
   * Returns a readable multi-line report of the run.
   *
   * @return the report
   */
  public String report() {
    StringBuilder out = new StringBuilder();
    out.append("Property '").append(property.name()).append("' ");
    switch (status) {
      case PASSED:
        out.append("passed ").append(tries).append(tries == 1 ? " try" : " tries");
        break;
      case EXHAUSTED:
        out.append("gave up: ").append(discarded).append(" tries discarded by assumptions after ").append(tries)
            .append(" ran");
        break;
      default:
        out.append("failed after ").append(tries).append(tries == 1 ? " try" : " tries");
        break;
    }
    out.append(" (seed ").append(Seeds.format(seed)).append(")\n");
    if (counterexample != null) {
      Counterexample<T> c = counterexample;
      out.append("failing ").append(c.failingTry());
      if (property.replays()) {
        out.append(", replayed along its shrink path").append(c.shrinkPath().isEmpty() ? " (none)"
            : " " + c.shrinkPath()).append('\n');
      } else {
        out.append(", shrunk in ").append(c.shrinkSteps()).append(" steps (").append(c.shrinkAttempts())
            .append(" attempts").append(c.shrinkLimitReached() ? ", attempt limit reached" : "")
            .append(c.shrinkSteps() > 0 ? "; the try as generated replays from its seed alone" : "").append(")\n");
      }
      out.append("shrunk counterexample:\n").append(indent(property.describe(c.shrunk()))).append('\n');
      out.append("error: ").append(fullText(c.error())).append('\n');
    }
    out.append(replayLine());
    return out.toString();
  }

  /**
   * Throws unless every try passed.
   *
   * @throws PropertyFailure with the {@link #report()} and the shrunk counterexample's error as cause
   */
  public void assertPassed() {
    if (!passed()) {
      throw new PropertyFailure(report(), counterexample != null ? counterexample.error() : null);
    }
  }

  /**
   * The error's text in full: an invariant violation's report (first violating event, history slice,
   * plan) belongs in the property's own message, indented under its first line.
   */
  private static String fullText(Throwable error) {
    String text = String.valueOf(error).stripTrailing();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline) + "\n" + indent(text.substring(newline + 1));
  }

  private static String indent(String text) {
    return "  " + text.stripTrailing().replace("\n", "\n  ");
  }

  /** Returns the {@link #report()}. */
  @Override
  public String toString() {
    return report();
  }
}
