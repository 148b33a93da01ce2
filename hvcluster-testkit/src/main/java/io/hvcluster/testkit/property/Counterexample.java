package io.hvcluster.testkit.property;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A value that falsified a property: as first generated, and after shrinking.
 *
 * <p>Instances are immutable; they are as thread-safe as the values and errors they hold.
 *
 * @param original the value as generated
 * @param shrunk the simplest failing value shrinking found
 * @param failingTry the try that first failed (its seed reproduces {@code original})
 * @param shrinkSteps how many times shrinking moved to a simpler failing value
 * @param shrinkAttempts how many candidates shrinking ran
 * @param shrinkLimitReached true when shrinking stopped at its attempt limit rather than at a local
 *     minimum
 * @param originalError what the original value's run threw
 * @param error what the shrunk value's run threw
 * @param shrinkPath the way from {@code original} to {@code shrunk}, which with the failing try's seed
 *     replays the shrunk value alone
 * @param <T> the value type
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Counterexample<T>(
    T original,
    T shrunk,
    TryInfo failingTry,
    int shrinkSteps,
    int shrinkAttempts,
    boolean shrinkLimitReached,
    Throwable originalError,
    Throwable error,
    ShrinkPath shrinkPath) {
  /**
   * Creates a counterexample after checking it.
   *
   * @param original the value as generated
   * @param shrunk the simplest failing value shrinking found
   * @param failingTry the try that first failed
   * @param shrinkSteps how many times shrinking moved to a simpler failing value
   * @param shrinkAttempts how many candidates shrinking ran
   * @param shrinkLimitReached true when shrinking stopped at its attempt limit
   * @param originalError what the original value's run threw
   * @param error what the shrunk value's run threw
   * @param shrinkPath the way from the original to the shrunk value
   */
  public Counterexample {
    Objects.requireNonNull(failingTry, "failingTry");
    Objects.requireNonNull(shrinkPath, "shrinkPath");
  }
}
