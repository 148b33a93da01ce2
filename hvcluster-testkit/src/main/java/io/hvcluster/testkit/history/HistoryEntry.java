package io.hvcluster.testkit.history;

import io.hvcluster.testkit.fault.DurationText;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One entry of a {@link History}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param index the entry's position in the history, from 0
 * @param timeNanos virtual time in nanoseconds
 * @param process the logical process: 0 or more for clients, {@link History#NEMESIS} for faults,
 *     {@link History#CLUSTER} for cluster events
 * @param type invoke, ok, fail or info
 * @param f the operation, fault or event name, for example {@code "migrate"} or {@code "host-crash"}
 * @param value what it was applied to or returned
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record HistoryEntry(int index, long timeNanos, int process, EntryType type, String f, String value) {
  /**
   * Creates an entry after checking it.
   *
   * @param index the entry's position, 0 or more
   * @param timeNanos virtual time, 0 or more
   * @param process the logical process
   * @param type the kind of entry
   * @param f the operation name
   * @param value the value
   * @throws IllegalArgumentException when the index or time is negative or the process id is unknown
   */
  public HistoryEntry {
    if (index < 0 || timeNanos < 0) {
      throw new IllegalArgumentException("history entry index " + index + " and time " + timeNanos + " must be 0 or more");
    }
    if (process < History.CLUSTER) {
      throw new IllegalArgumentException("process " + process + " is not a client (0 or more), NEMESIS or CLUSTER");
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(f, "f");
    Objects.requireNonNull(value, "value");
  }

  /**
   * Returns the process's display name: {@code "nemesis"}, {@code "cluster"} or {@code "p3"}.
   *
   * @return the name
   */
  public String processName() {
    return History.processName(process);
  }

  /** Returns the entry in one line, for example {@code "#4 t=5s p1 invoke migrate vm1"}. */
  @Override
  public String toString() {
    return "#" + index + " t=" + DurationText.formatNanos(timeNanos) + " " + processName() + " "
        + type.name().toLowerCase(java.util.Locale.ROOT) + " " + f + (value.isEmpty() ? "" : " " + value);
  }
}
