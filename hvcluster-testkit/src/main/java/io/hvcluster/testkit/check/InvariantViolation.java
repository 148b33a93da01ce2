package io.hvcluster.testkit.check;

/**
 * Thrown when a run violates an invariant; the message is the full {@link ViolationReport}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class InvariantViolation extends AssertionError {
  private static final long serialVersionUID = 1L;

  /** The violation; transient because records of the api are not serializable. */
  private final transient Violation violation;

  /**
   * Creates the error.
   *
   * @param violation the violation
   * @param report the rendered report
   */
  public InvariantViolation(Violation violation, String report) {
    super(report);
    this.violation = violation;
  }

  /**
   * Returns the violation.
   *
   * @return the violation, or null after deserialization
   */
  public Violation violation() {
    return violation;
  }
}
