package io.hvcluster.testkit.check;

import org.apiguardian.api.API;

/**
 * Thrown when a run violates an invariant; the message is the full {@link ViolationReport}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
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
