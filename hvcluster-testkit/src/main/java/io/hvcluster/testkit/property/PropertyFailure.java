package io.hvcluster.testkit.property;

/**
 * Thrown when a property does not hold. The message is the run's report: seed, shrunk counterexample,
 * error and a one-line replay; the cause is what the shrunk counterexample's run threw.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PropertyFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param report the run's report
   * @param cause what the shrunk counterexample's run threw, or null
   */
  public PropertyFailure(String report, Throwable cause) {
    super(report, cause);
  }
}
