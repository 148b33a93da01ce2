package io.hvcluster.testkit.history;

import io.hvcluster.testkit.fault.DurationText;
import io.hvcluster.testkit.fault.Fault;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * A Jepsen-style history: every operation and fault of a run as invoke / ok / fail / info entries with
 * virtual timestamps and logical process ids, plus cluster events as info entries. It enforces the
 * rules a checker relies on: time never goes backwards; a process has at most one operation in flight;
 * a completion matches its invocation; and a client process that got {@code info} (an indeterminate
 * outcome) is retired and may not invoke again (Knossos' rule), so later work needs a new process id.
 *
 * <p>Not thread-safe: a history belongs to the thread that drives its simulation. Example:
 *
 * <pre>{@code
 * History h = new History();
 * h.invoke(1, t0, "migrate", "vm1 -> node2");
 * h.info(1, t1, "migrate", "acknowledgement lost");
 * h.faultApplied(t2, fault, "node2");
 * System.out.println(h.renderAround(1, 5, 5));
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class History {
  /** The process id of the nemesis, which injects and heals faults. */
  public static final int NEMESIS = -1;
  /** The process id under which cluster events are recorded. */
  public static final int CLUSTER = -2;

  private final List<HistoryEntry> entries = new ArrayList<>();
  private final Map<Integer, HistoryEntry> pending = new TreeMap<>();
  private final Set<Integer> retired = new TreeSet<>();

  /** Creates an empty history. */
  public History() {}

  /**
   * Records that a process invoked an operation.
   *
   * @param process the process, 0 or more, or {@link #NEMESIS}
   * @param timeNanos virtual time
   * @param f the operation
   * @param value its argument
   * @return the entry
   * @throws IllegalStateException when the process has an operation in flight or was retired
   * @throws IllegalArgumentException when time goes backwards or the process is {@link #CLUSTER}
   */
  public HistoryEntry invoke(int process, long timeNanos, String f, String value) {
    if (process == CLUSTER) {
      throw new IllegalArgumentException("cluster events are recorded with event(), not invoked");
    }
    if (retired.contains(process)) {
      throw new IllegalStateException(processName(process) + " was retired after an indeterminate result and may not"
          + " invoke " + f + "; use a new process id");
    }
    HistoryEntry open = pending.get(process);
    if (open != null) {
      throw new IllegalStateException(processName(process) + " invokes " + f + " while " + open.f() + " (entry #"
          + open.index() + ") is still in flight");
    }
    HistoryEntry e = append(timeNanos, process, EntryType.INVOKE, f, value);
    pending.put(process, e);
    return e;
  }

  /**
   * Records that a process's operation definitely happened.
   *
   * @param process the process
   * @param timeNanos virtual time
   * @param f the operation, as invoked
   * @param value its result
   * @return the entry
   * @throws IllegalStateException when the process has no such operation in flight
   */
  public HistoryEntry ok(int process, long timeNanos, String f, String value) {
    return complete(process, timeNanos, EntryType.OK, f, value);
  }

  /**
   * Records that a process's operation definitely did not happen.
   *
   * @param process the process
   * @param timeNanos virtual time
   * @param f the operation, as invoked
   * @param value why
   * @return the entry
   * @throws IllegalStateException when the process has no such operation in flight
   */
  public HistoryEntry fail(int process, long timeNanos, String f, String value) {
    return complete(process, timeNanos, EntryType.FAIL, f, value);
  }

  /**
   * Records that the outcome of a process's operation is unknown; a client process is then retired.
   *
   * @param process the process
   * @param timeNanos virtual time
   * @param f the operation, as invoked
   * @param value what is known
   * @return the entry
   * @throws IllegalStateException when the process has no such operation in flight
   */
  public HistoryEntry info(int process, long timeNanos, String f, String value) {
    HistoryEntry e = complete(process, timeNanos, EntryType.INFO, f, value);
    if (process >= 0) {
      retired.add(process);
    }
    return e;
  }

  /**
   * Records that the nemesis applied a fault, as Jepsen does: an invocation and, at once, an info
   * completion with what the fault hit (the fault stays active afterwards; the nemesis is free to
   * apply others).
   *
   * @param timeNanos virtual time
   * @param fault the fault
   * @param detail what it resolved to, for example {@code "node2"}
   * @return the completion entry
   */
  public HistoryEntry faultApplied(long timeNanos, Fault fault, String detail) {
    String f = fault.kind().id();
    invoke(NEMESIS, timeNanos, f, parameters(fault));
    return info(NEMESIS, timeNanos, f, detail);
  }

  /**
   * Records that the nemesis healed a fault: an invocation of {@code heal-<kind>} and its info
   * completion.
   *
   * @param timeNanos virtual time
   * @param fault the fault
   * @param detail what was healed
   * @return the completion entry
   */
  public HistoryEntry faultHealed(long timeNanos, Fault fault, String detail) {
    String f = "heal-" + fault.kind().id();
    invoke(NEMESIS, timeNanos, f, parameters(fault));
    return info(NEMESIS, timeNanos, f, detail);
  }

  /**
   * Records that the nemesis could not apply a fault (for example, an explicit selector names a node
   * the cluster does not have): an invocation and a fail completion saying why.
   *
   * @param timeNanos virtual time
   * @param fault the fault
   * @param why why it was not applied
   * @return the completion entry
   */
  public HistoryEntry faultFailed(long timeNanos, Fault fault, String why) {
    String f = fault.kind().id();
    invoke(NEMESIS, timeNanos, f, parameters(fault));
    return fail(NEMESIS, timeNanos, f, why);
  }

  private static String parameters(Fault fault) {
    return fault.describe().substring(fault.kind().id().length()).strip();
  }

  /**
   * Records a cluster event as an info entry of {@link #CLUSTER}.
   *
   * @param timeNanos virtual time
   * @param f the event's name, for example {@code "node-state-changed"}
   * @param value its details
   * @return the entry
   */
  public HistoryEntry event(long timeNanos, String f, String value) {
    return append(timeNanos, CLUSTER, EntryType.INFO, f, value);
  }

  /**
   * Returns every entry in order.
   *
   * @return an unmodifiable view
   */
  public List<HistoryEntry> entries() {
    return Collections.unmodifiableList(entries);
  }

  /**
   * Returns the number of entries.
   *
   * @return the size
   */
  public int size() {
    return entries.size();
  }

  /**
   * Returns the invocations still waiting for a completion, by process.
   *
   * @return the open invocations, in process order
   */
  public List<HistoryEntry> pending() {
    return List.copyOf(pending.values());
  }

  /**
   * Returns whether a client process was retired by an indeterminate result.
   *
   * @param process the process
   * @return true once retired
   */
  public boolean isRetired(int process) {
    return retired.contains(process);
  }

  /**
   * Returns the whole history as a timeline, one entry a line.
   *
   * @return the timeline
   */
  public String render() {
    return renderRange(0, entries.size(), -1);
  }

  /**
   * Returns the entries around one, marked with {@code >>}: a slice for a violation report.
   *
   * @param index the entry to mark
   * @param before how many entries to show before it
   * @param after how many entries to show after it
   * @return the slice
   * @throws IndexOutOfBoundsException when there is no such entry
   */
  public String renderAround(int index, int before, int after) {
    if (index < 0 || index >= entries.size()) {
      throw new IndexOutOfBoundsException("history has " + entries.size() + " entries; no entry #" + index);
    }
    int from = Math.max(0, index - Math.max(0, before));
    int to = Math.min(entries.size(), index + Math.max(0, after) + 1);
    return renderRange(from, to, index);
  }

  private String renderRange(int from, int to, int mark) {
    int timeWidth = 0;
    for (int i = from; i < to; i++) {
      timeWidth = Math.max(timeWidth, DurationText.formatNanos(entries.get(i).timeNanos()).length());
    }
    StringBuilder out = new StringBuilder();
    if (from > 0) {
      out.append("     ... ").append(from).append(" earlier entries\n");
    }
    for (int i = from; i < to; i++) {
      HistoryEntry e = entries.get(i);
      String time = DurationText.formatNanos(e.timeNanos());
      out.append(i == mark ? ">> " : "   ")
          .append(String.format(Locale.ROOT, "#%-4d t=%-" + timeWidth + "s  %-8s %-7s %s", e.index(), time,
              e.processName(), e.type().name().toLowerCase(Locale.ROOT), e.f()))
          .append(e.value().isEmpty() ? "" : " " + e.value()).append('\n');
    }
    if (to < entries.size()) {
      out.append("     ... ").append(entries.size() - to).append(" later entries\n");
    }
    return out.toString();
  }

  static String processName(int process) {
    if (process == NEMESIS) {
      return "nemesis";
    }
    if (process == CLUSTER) {
      return "cluster";
    }
    return "p" + process;
  }

  private HistoryEntry complete(int process, long timeNanos, EntryType type, String f, String value) {
    HistoryEntry open = pending.get(process);
    if (open == null) {
      throw new IllegalStateException(processName(process) + " completes " + f + " (" + type + ") without an"
          + " operation in flight");
    }
    if (!open.f().equals(f)) {
      throw new IllegalStateException(processName(process) + " completes " + f + " but invoked " + open.f()
          + " (entry #" + open.index() + ")");
    }
    HistoryEntry e = append(timeNanos, process, type, f, value);
    pending.remove(process);
    return e;
  }

  private HistoryEntry append(long timeNanos, int process, EntryType type, String f, String value) {
    if (!entries.isEmpty() && timeNanos < entries.get(entries.size() - 1).timeNanos()) {
      throw new IllegalArgumentException("history time goes backwards: " + DurationText.formatNanos(timeNanos)
          + " after " + DurationText.formatNanos(entries.get(entries.size() - 1).timeNanos()));
    }
    HistoryEntry e = new HistoryEntry(entries.size(), timeNanos, process, type, f, value);
    entries.add(e);
    return e;
  }
}
