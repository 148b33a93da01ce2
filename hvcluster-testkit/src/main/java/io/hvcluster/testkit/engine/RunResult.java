package io.hvcluster.testkit.engine;

import io.hvcluster.testkit.check.InvariantViolation;
import io.hvcluster.testkit.check.Trace;
import io.hvcluster.testkit.check.Violation;
import io.hvcluster.testkit.check.ViolationReport;
import io.hvcluster.testkit.fault.DurationText;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.history.History;
import io.hvcluster.testkit.property.Seeds;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What one engine run found: its violations (the first is the one to report), its history, trace hash
 * (and lines, when kept), the faults injected, the coverage probes hit, and what it cost.
 *
 * <p>Not thread-safe (the history is the run's own); read it on one thread.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class RunResult {
  private final long seed;
  private final FaultPlan plan;
  private final History history;
  private final List<Violation> violations;
  private final String traceHash;
  private final List<String> traceLines;
  private final int faultsInjected;
  private final Set<String> probes;
  private final long events;
  private final long steps;
  private final long endNanos;
  private final boolean settled;
  private final long planStartNanos;
  private final long healAtNanos;

  RunResult(long seed, FaultPlan plan, History history, List<Violation> violations, String traceHash,
      List<String> traceLines, int faultsInjected, Set<String> probes, long events, long steps, long endNanos,
      boolean settled, long planStartNanos, long healAtNanos) {
    this.seed = seed;
    this.plan = plan;
    this.history = history;
    this.violations = List.copyOf(violations);
    this.traceHash = traceHash;
    this.traceLines = List.copyOf(traceLines);
    this.faultsInjected = faultsInjected;
    this.probes = Set.copyOf(probes);
    this.events = events;
    this.steps = steps;
    this.endNanos = endNanos;
    this.settled = settled;
    this.planStartNanos = planStartNanos;
    this.healAtNanos = healAtNanos;
  }

  /**
   * Returns the first violation: a step invariant's, else a final check's, else none.
   *
   * @return the violation
   */
  public Optional<Violation> violation() {
    return violations.isEmpty() ? Optional.empty() : Optional.of(violations.get(0));
  }

  /**
   * Returns every violation found.
   *
   * @return the violations
   */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * Returns whether the run found no violation.
   *
   * @return true when every check passed
   */
  public boolean passed() {
    return violations.isEmpty();
  }

  /**
   * Returns the seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the fault plan.
   *
   * @return the plan
   */
  public FaultPlan plan() {
    return plan;
  }

  /**
   * Returns the history of the run.
   *
   * @return the history
   */
  public History history() {
    return history;
  }

  /**
   * Returns the trace hash of the simulation.
   *
   * @return 32 hex digits
   */
  public String traceHash() {
    return traceHash;
  }

  /**
   * Returns the trace: its hash and, when the run kept them, its JSON lines.
   *
   * @return the trace
   */
  public Trace trace() {
    return Trace.of(traceHash, traceLines);
  }

  /**
   * Returns how many faults were applied.
   *
   * @return the count
   */
  public int faultsInjected() {
    return faultsInjected;
  }

  /**
   * Returns the coverage probes the run hit (see {@link Probes}).
   *
   * @return the probe names
   */
  public Set<String> probes() {
    return probes;
  }

  /**
   * Returns how many cluster events the run emitted.
   *
   * @return the count
   */
  public long events() {
    return events;
  }

  /**
   * Returns how many kernel events the run processed (each followed by the step invariants).
   *
   * @return the count
   */
  public long steps() {
    return steps;
  }

  /**
   * Returns the virtual time at which the run ended.
   *
   * @return nanoseconds
   */
  public long endNanos() {
    return endNanos;
  }

  /**
   * Returns whether the cluster settled before the plan started.
   *
   * @return true when it settled
   */
  public boolean settled() {
    return settled;
  }

  /**
   * Returns the report of the first violation with the seed, the plan (timeline and JSON), the first
   * violating event with a slice of the history, and the given replay line.
   *
   * @param replay the one-line replay instruction, or null to leave the plan and the replay out (a
   *     property's report shows them)
   * @return the report
   * @throws IllegalStateException when the run passed
   */
  public ViolationReport report(String replay) {
    Violation v = violation().orElseThrow(() -> new IllegalStateException("the run passed; nothing to report"));
    String timing = "(plan started at " + DurationText.formatNanos(planStartNanos) + " of virtual time, heal phase at "
        + DurationText.formatNanos(healAtNanos) + ")";
    ViolationReport report = ViolationReport.of(v).seed(seed).history(history);
    return replay == null ? report.note(timing) : report.plan(plan).replay(replay + "\n" + timing);
  }

  /**
   * Returns the first violation as an error to throw, with its full report.
   *
   * @param replay the one-line replay instruction
   * @return the error
   */
  public InvariantViolation toError(String replay) {
    return report(replay).toError();
  }

  /** Returns a one-line summary. */
  @Override
  public String toString() {
    return "run " + Seeds.format(seed) + ": " + (passed() ? "passed" : violation().orElseThrow().toString()) + "; "
        + faultsInjected + " faults, " + events + " events, " + steps + " steps, ended at "
        + DurationText.formatNanos(endNanos);
  }
}
