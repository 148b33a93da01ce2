package io.hvcluster.testkit.engine;

import io.hvcluster.testkit.check.Violation;
import io.hvcluster.testkit.fault.FaultPlan;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A violation a {@link Torture} run found, with the plan shrunk to a minimal one that still breaks the
 * same invariant.
 *
 * <p>Instances are immutable and thread-safe (the report text is a plain string).
 *
 * @param scenario the index of the scenario that failed first
 * @param seed the scenario's seed
 * @param violation the violation the original plan caused
 * @param plan the original plan
 * @param minimalPlan the shrunk plan
 * @param minimalViolation the violation the shrunk plan causes
 * @param shrinkRuns how many runs shrinking took
 * @param replay the one-line command that replays the scenario
 * @param report the full report of the shrunk plan's violation (history slice, plan JSON)
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Finding(int scenario, long seed, Violation violation, FaultPlan plan, FaultPlan minimalPlan,
    Violation minimalViolation, int shrinkRuns, String replay, String report) {
  /**
   * Creates a finding.
   *
   * @param scenario the index of the failing scenario
   * @param seed its seed
   * @param violation the original violation
   * @param plan the original plan
   * @param minimalPlan the shrunk plan
   * @param minimalViolation the shrunk plan's violation
   * @param shrinkRuns runs spent shrinking
   * @param replay the replay command
   * @param report the full report
   */
  public Finding {
    Objects.requireNonNull(violation, "violation");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(minimalPlan, "minimalPlan");
    Objects.requireNonNull(minimalViolation, "minimalViolation");
    Objects.requireNonNull(replay, "replay");
    Objects.requireNonNull(report, "report");
  }
}
