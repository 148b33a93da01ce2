package io.hvcluster.testkit.check;

import io.hvcluster.testkit.fault.BudgetVerdict;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.history.History;
import io.hvcluster.testkit.property.Seeds;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Renders what a developer needs to act on a violation: the classification and message, the seed, the
 * first violating history entry with a slice of the history around it, the (minimal) fault plan as a
 * timeline and as JSON to paste into a regression test, and a one-line replay.
 *
 * <p>Not thread-safe while being configured; the rendered text is a plain string. Example:
 *
 * <pre>{@code
 * throw ViolationReport.of(violation).seed(seed).plan(plan).verdict(verdict).history(history)
 *     .replay("@ClusterProperty(seed = 0x...L, tries = 1)").toError();
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ViolationReport {
  /** How many history entries the slice shows before and after the violating one. */
  public static final int SLICE = 8;

  private final Violation violation;
  private Long seed;
  private FaultPlan plan;
  private BudgetVerdict verdict;
  private History history;
  private String replay;
  private String note;

  private ViolationReport(Violation violation) {
    this.violation = Objects.requireNonNull(violation, "violation");
  }

  /**
   * Starts a report of the given violation.
   *
   * @param violation the violation
   * @return the report
   */
  public static ViolationReport of(Violation violation) {
    return new ViolationReport(violation);
  }

  /**
   * Adds the run's seed.
   *
   * @param runSeed the seed
   * @return this report
   */
  public ViolationReport seed(long runSeed) {
    this.seed = runSeed;
    return this;
  }

  /**
   * Adds the fault plan.
   *
   * @param faultPlan the plan
   * @return this report
   */
  public ViolationReport plan(FaultPlan faultPlan) {
    this.plan = faultPlan;
    return this;
  }

  /**
   * Adds the plan's budget verdict; an out-of-model plan reclassifies the violation as
   * {@link FailureClass#OUT_OF_MODEL}.
   *
   * @param budgetVerdict the verdict
   * @return this report
   */
  public ViolationReport verdict(BudgetVerdict budgetVerdict) {
    this.verdict = budgetVerdict;
    return this;
  }

  /**
   * Adds the history, from which the report shows a slice around the violating entry.
   *
   * @param runHistory the history
   * @return this report
   */
  public ViolationReport history(History runHistory) {
    this.history = runHistory;
    return this;
  }

  /**
   * Adds the one-line replay instruction.
   *
   * @param line the instruction
   * @return this report
   */
  public ViolationReport replay(String line) {
    this.replay = line;
    return this;
  }

  /**
   * Adds a line printed last, for example when the plan started in virtual time.
   *
   * @param text the line
   * @return this report
   */
  public ViolationReport note(String text) {
    this.note = text;
    return this;
  }

  /**
   * Returns the violation as classified, taking the budget verdict into account.
   *
   * @return the violation
   */
  public Violation classified() {
    if (verdict != null && !verdict.inModel() && violation.failureClass() != FailureClass.OUT_OF_MODEL) {
      return violation.classifiedAs(FailureClass.OUT_OF_MODEL);
    }
    return violation;
  }

  /**
   * Renders the report.
   *
   * @return the text
   */
  public String render() {
    Violation v = classified();
    StringBuilder out = new StringBuilder();
    out.append(v);
    if (v != violation) {
      out.append("\n(classified ").append(violation.failureClass()).append(" but the plan is ").append(verdict).append(')');
    }
    if (seed != null) {
      out.append("\nseed: ").append(Seeds.format(seed));
    }
    if (history != null && violation.historyIndex() >= 0 && violation.historyIndex() < history.size()) {
      out.append("\nfirst violating event: ").append(history.entries().get(violation.historyIndex()));
      out.append("\nhistory around it:\n").append(history.renderAround(violation.historyIndex(), SLICE, SLICE));
    }
    if (plan != null) {
      out.append("\n").append(plan.timeline()).append("\nplan as JSON (FaultPlan.fromJson):\n").append(plan.toJson());
    }
    if (replay != null) {
      out.append(plan == null ? "\n" : "").append("replay: ").append(replay);
    }
    if (note != null) {
      out.append('\n').append(note);
    }
    return out.toString().stripTrailing();
  }

  /**
   * Returns the report as an error to throw.
   *
   * @return the error
   */
  public InvariantViolation toError() {
    return new InvariantViolation(classified(), render());
  }
}
