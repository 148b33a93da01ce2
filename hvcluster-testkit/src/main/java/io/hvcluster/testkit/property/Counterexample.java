package io.hvcluster.testkit.property;

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
 * @param <T> the value type
 */
public record Counterexample<T>(
    T original,
    T shrunk,
    TryInfo failingTry,
    int shrinkSteps,
    int shrinkAttempts,
    boolean shrinkLimitReached,
    Throwable originalError,
    Throwable error) {
}
