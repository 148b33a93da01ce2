package io.hvcluster.testkit.check;

import io.hvcluster.testkit.fault.DurationText;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A violated invariant: which one, how it is classified, what was wrong, and where in the run.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param invariant the invariant's id, for example {@code "S1"}
 * @param failureClass the classification
 * @param message what was wrong, naming the entities involved
 * @param timeNanos virtual time of the violation
 * @param historyIndex the index of the first violating history entry, or -1 when none applies
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Violation(String invariant, FailureClass failureClass, String message, long timeNanos, int historyIndex) {
  /**
   * Creates a violation after checking it.
   *
   * @param invariant the invariant's id
   * @param failureClass the classification
   * @param message what was wrong
   * @param timeNanos virtual time, 0 or more
   * @param historyIndex the first violating history entry, or -1
   */
  public Violation {
    Objects.requireNonNull(invariant, "invariant");
    Objects.requireNonNull(failureClass, "failureClass");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns a copy with another classification, for example {@link FailureClass#OUT_OF_MODEL}.
   *
   * @param newClass the classification
   * @return the copy
   */
  public Violation classifiedAs(FailureClass newClass) {
    return new Violation(invariant, newClass, message, timeNanos, historyIndex);
  }

  /** Returns for example {@code "SAFETY S1 at 12s: vm3 runs on node1 and node2"}. */
  @Override
  public String toString() {
    return failureClass + " " + invariant + " at " + DurationText.formatNanos(Math.max(0, timeNanos)) + ": " + message;
  }
}
