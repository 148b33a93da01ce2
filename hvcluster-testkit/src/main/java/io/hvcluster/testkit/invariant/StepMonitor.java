package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.core.Simulation;
import io.hvcluster.testkit.check.FailureClass;
import io.hvcluster.testkit.check.FinalCheck;
import io.hvcluster.testkit.check.StepInvariant;
import io.hvcluster.testkit.check.Violation;
import io.hvcluster.testkit.history.History;
import io.hvcluster.testkit.history.HistoryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Watches one run of the engine: records every cluster event in the history, shows it to the checks,
 * and runs the step invariants after every kernel event through the simulation's step observer, once
 * the event's effects are complete (DESIGN §7). It keeps the first violation, marked at the last event
 * delivered before it, and stops checking then; events are still recorded so that a report can show
 * what followed. After the heal phase, {@link #runFinalChecks} adds the liveness checks.
 *
 * <p>An invariant that throws is reported as a {@link FailureClass#CRASH} of that invariant rather than
 * breaking the simulation. Not thread-safe: attach it on the simulation's thread. Example:
 *
 * <pre>{@code
 * History history = new History();
 * StepMonitor monitor = StepMonitor.attach(sim, cluster, history, Invariants.standard(sim, cluster));
 * ... run ...
 * monitor.firstViolation().ifPresent(v -> { throw ViolationReport.of(v).history(history).toError(); });
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class StepMonitor implements ClusterListener {
  /**
   * How many kernel events may run at one instant of virtual time before the run counts as a livelock:
   * far more than any real cascade of reactions, since each reaction is one event.
   */
  public static final int LIVELOCK_STEPS = 20_000;

  private final Simulation simulation;
  private final Cluster cluster;
  private final History history;
  private final CheckSet checks;
  private final List<StepInvariant> invariants;
  private final Runnable observer = this::step;
  private final List<Violation> violations = new ArrayList<>();
  private ClusterEvent lastEvent;
  private int lastEventEntry = -1;
  private boolean stepViolated;
  private long instant = -1;
  private int stepsAtInstant;

  private StepMonitor(Simulation simulation, Cluster cluster, History history, CheckSet checks) {
    this.simulation = simulation;
    this.cluster = cluster;
    this.history = history;
    this.checks = checks;
    this.invariants = checks.stepInvariants();
  }

  /**
   * Attaches a monitor to a simulation: it listens to its events and observes its steps from now on.
   *
   * @param simulation the simulation
   * @param cluster the cluster whose state the checks read
   * @param history where events are recorded
   * @param checks the checks, made for this run
   * @return the monitor
   */
  public static StepMonitor attach(Simulation simulation, Cluster cluster, History history, CheckSet checks) {
    StepMonitor m = new StepMonitor(Objects.requireNonNull(simulation, "simulation"),
        Objects.requireNonNull(cluster, "cluster"), Objects.requireNonNull(history, "history"),
        Objects.requireNonNull(checks, "checks"));
    simulation.addListener(m);
    simulation.addStepObserver(m.observer);
    return m;
  }

  /** Stops listening and observing. */
  public void detach() {
    simulation.removeListener(this);
    simulation.removeStepObserver(observer);
  }

  /**
   * Records the event and shows it to the checks.
   *
   * @param event the event
   */
  @Override
  public void onEvent(ClusterEvent event) {
    HistoryEntry e = history.event(event.timeNanos(), EventText.name(event), EventText.detail(event));
    lastEvent = event;
    lastEventEntry = e.index();
    checks.facts().onEvent(event);
    if (stepViolated) {
      return;
    }
    for (int i = 0; i < invariants.size(); i++) {
      invariants.get(i).observe(event);
    }
  }

  private void step() {
    long now = simulation.nowNanos();
    if (now != instant) {
      instant = now;
      stepsAtInstant = 0;
    } else if (++stepsAtInstant == LIVELOCK_STEPS) {
      Violation v = new Violation("livelock", FailureClass.LIVENESS, "the engine ran " + LIVELOCK_STEPS + " kernel events"
          + " at one instant without virtual time advancing (a reaction that keeps rescheduling itself); the run was"
          + " stopped", now, Math.max(lastEventEntry, history.size() - 1));
      violations.add(stepViolated ? violations.size() : 0, v);
      stepViolated = true;
      throw new Livelock(v.message());
    }
    if (stepViolated || lastEvent == null) {
      return;
    }
    for (int i = 0; i < invariants.size(); i++) {
      StepInvariant invariant = invariants.get(i);
      Optional<String> message;
      FailureClass failure = FailureClass.SAFETY;
      try {
        message = invariant.check(cluster, lastEvent);
      } catch (RuntimeException e) {
        message = Optional.of("the check threw " + e);
        failure = FailureClass.CRASH;
      }
      if (message.isPresent()) {
        stepViolated = true;
        violations.add(new Violation(invariant.id(), failure, message.get(), simulation.nowNanos(), lastEventEntry));
        return;
      }
    }
  }

  /**
   * Runs the final checks now (after the heal phase and quiet period) and records their failures.
   *
   * @param healAtNanos the virtual time of the heal phase
   * @param bound the liveness bounds
   * @return the failures
   */
  public List<Violation> runFinalChecks(long healAtNanos, LivenessBound bound) {
    List<Violation> found = new ArrayList<>();
    for (FinalCheck check : checks.finalChecks(healAtNanos, bound)) {
      Optional<String> message;
      try {
        message = check.check(cluster, history);
      } catch (RuntimeException e) {
        message = Optional.of("the check threw " + e);
      }
      message.ifPresent(m -> found.add(new Violation(check.id(), check.failureClass(), m, simulation.nowNanos(),
          history.size() - 1)));
    }
    violations.addAll(found);
    return found;
  }

  /**
   * Records a crash of the run itself (the engine threw) as a violation.
   *
   * @param error what was thrown
   * @return the violation
   */
  public Violation recordCrash(Throwable error) {
    if (error instanceof Livelock) {
      return violations.get(0);
    }
    Violation v = new Violation("engine", FailureClass.CRASH, "the engine threw " + error, simulation.nowNanos(),
        Math.max(lastEventEntry, history.size() - 1));
    violations.add(0, v);
    stepViolated = true;
    return v;
  }

  /**
   * Returns the first violation: a step violation if any, else the first final-check failure.
   *
   * @return the violation
   */
  public Optional<Violation> firstViolation() {
    return violations.isEmpty() ? Optional.empty() : Optional.of(violations.get(0));
  }

  /**
   * Returns every violation recorded: at most one from the steps, then final-check failures.
   *
   * @return the violations
   */
  public List<Violation> violations() {
    return List.copyOf(violations);
  }

  /** Stops a run that livelocked; the violation is already recorded. */
  static final class Livelock extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Livelock(String message) {
      super(message, null, false, false);
    }
  }
}
