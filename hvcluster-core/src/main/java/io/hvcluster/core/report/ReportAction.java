package io.hvcluster.core.report;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One operator action of a run as a report shows it: when it was asked for, what it was, a note, and
 * whether the cluster accepted it. The timeline numbers actions in the order given and links each to its
 * row of the report's Actions table; a refused action is drawn hollow and dashed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param atNanos virtual time of the request, nanoseconds since the simulation started
 * @param action what was asked, for example {@code drain-node node1}
 * @param note why, or empty
 * @param accepted whether the cluster accepted it
 * @param result what the cluster answered, for example {@code done} or the reason of a refusal
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ReportAction(long atNanos, String action, String note, boolean accepted, String result) {
  /**
   * Checks the fields.
   *
   * @param atNanos virtual time of the request, nanoseconds since the simulation started
   * @param action what was asked
   * @param note why, or empty
   * @param accepted whether the cluster accepted it
   * @param result what the cluster answered
   * @throws NullPointerException when a text is null
   * @throws IllegalArgumentException when the time is negative
   */
  public ReportAction {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(result, "result");
    if (atNanos < 0) {
      throw new IllegalArgumentException("atNanos must be 0 or more, was " + atNanos);
    }
  }
}
