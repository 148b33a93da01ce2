package io.hvcluster.testkit.check;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.testkit.history.History;
import io.hvcluster.testkit.history.HistoryEntry;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Listens to a cluster's events, records each in the history, and runs the step invariants after each
 * one; keeps the first violation (later events are still recorded, so the report can show what
 * followed). After the run, {@link #runFinalChecks} adds the final checks.
 *
 * <p>Not thread-safe: register it with the simulation it watches and use it on that thread. Example:
 *
 * <pre>{@code
 * InvariantMonitor monitor = new InvariantMonitor(cluster, history, List.of(s1, s2, s5));
 * simulation.addListener(monitor);
 * ... run ...
 * monitor.runFinalChecks(List.of(l1, l2));
 * monitor.firstViolation().ifPresent(v -> { throw ViolationReport.of(v).history(history).toError(); });
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class InvariantMonitor implements ClusterListener {
  private final Cluster cluster;
  private final History history;
  private final List<StepInvariant> invariants;
  private final List<Violation> violations = new ArrayList<>();

  /**
   * Creates a monitor.
   *
   * @param cluster the cluster whose state the invariants read
   * @param history where events are recorded
   * @param invariants the step invariants, run in this order
   */
  public InvariantMonitor(Cluster cluster, History history, List<StepInvariant> invariants) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.history = Objects.requireNonNull(history, "history");
    this.invariants = List.copyOf(invariants);
  }

  /**
   * Records the event and, until the first violation, runs every step invariant.
   *
   * @param event the event
   */
  @Override
  public void onEvent(ClusterEvent event) {
    HistoryEntry entry = history.event(event.timeNanos(), eventName(event), eventDetail(event));
    if (!violations.isEmpty()) {
      return;
    }
    for (StepInvariant invariant : invariants) {
      invariant.observe(event);
    }
    for (StepInvariant invariant : invariants) {
      Optional<String> message = invariant.check(cluster, event);
      if (message.isPresent()) {
        violations.add(new Violation(invariant.id(), FailureClass.SAFETY, message.get(), event.timeNanos(), entry.index()));
        return;
      }
    }
  }

  /**
   * Runs the final checks and records their failures.
   *
   * @param checks the checks, run in this order
   * @return the failures they reported
   */
  public List<Violation> runFinalChecks(List<FinalCheck> checks) {
    List<Violation> found = new ArrayList<>();
    int last = history.size() - 1;
    long time = last >= 0 ? history.entries().get(last).timeNanos() : 0;
    for (FinalCheck check : checks) {
      check.check(cluster, history).ifPresent(message ->
          found.add(new Violation(check.id(), check.failureClass(), message, time, last)));
    }
    violations.addAll(found);
    return found;
  }

  /**
   * Returns the first violation, if any.
   *
   * @return the first violation
   */
  public Optional<Violation> firstViolation() {
    return violations.isEmpty() ? Optional.empty() : Optional.of(violations.get(0));
  }

  /**
   * Returns every violation recorded: at most one step violation, then final-check failures.
   *
   * @return the violations
   */
  public List<Violation> violations() {
    return List.copyOf(violations);
  }

  /**
   * Returns an event's name for the history: its record name in kebab case, for example
   * {@code "node-state-changed"}.
   *
   * @param event the event
   * @return the name
   */
  public static String eventName(ClusterEvent event) {
    return eventName(event.getClass());
  }

  /**
   * Returns the history name of an event type: its record name in kebab case, for example
   * {@code "node-state-changed"} for {@link io.hvcluster.api.event.NodeStateChanged}.
   *
   * @param type the event type
   * @return the name
   */
  public static String eventName(Class<? extends ClusterEvent> type) {
    String simple = type.getSimpleName();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < simple.length(); i++) {
      char c = simple.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        out.append('-');
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns an event's details for the history: its components other than time and cluster, as
   * {@code name=value} pairs in declaration order.
   *
   * @param event the event
   * @return the details
   */
  public static String eventDetail(ClusterEvent event) {
    RecordComponent[] components = event.getClass().getRecordComponents();
    if (components == null) {
      return event.toString();
    }
    StringBuilder out = new StringBuilder();
    for (RecordComponent c : components) {
      if (c.getName().equals("timeNanos") || c.getName().equals("cluster")) {
        continue;
      }
      try {
        out.append(out.length() == 0 ? "" : " ").append(c.getName()).append('=').append(c.getAccessor().invoke(event));
      } catch (ReflectiveOperationException e) {
        out.append(out.length() == 0 ? "" : " ").append(c.getName()).append("=?");
      }
    }
    return out.toString();
  }
}
