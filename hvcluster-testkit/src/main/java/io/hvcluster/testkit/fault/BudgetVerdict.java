package io.hvcluster.testkit.fault;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Whether a plan stays inside a {@link FaultBudget}, and if not, why. A failure under an
 * {@link Fit#OUT_OF_MODEL} plan is graceful unavailability to report, not a product bug.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param fit in or out of the model
 * @param reasons why the plan is out of the model; empty when it is in
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record BudgetVerdict(Fit fit, List<String> reasons) {
  /**
   * Whether a plan is within what the design claims to tolerate.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Fit {
    /** Within the budget: the design claims to survive it. */
    IN_MODEL,
    /** Beyond the budget: runs are tagged and failures classified as out of model. */
    OUT_OF_MODEL
  }

  /**
   * Creates a verdict.
   *
   * @param fit in or out of the model
   * @param reasons why the plan is out of the model
   */
  public BudgetVerdict {
    Objects.requireNonNull(fit, "fit");
    reasons = List.copyOf(reasons);
  }

  /**
   * Returns whether the plan is within the budget.
   *
   * @return true for {@link Fit#IN_MODEL}
   */
  public boolean inModel() {
    return fit == Fit.IN_MODEL;
  }

  /** Returns {@code "IN_MODEL"} or {@code "OUT_OF_MODEL: reason; reason"}. */
  @Override
  public String toString() {
    return reasons.isEmpty() ? fit.name() : fit + ": " + String.join("; ", reasons);
  }
}
