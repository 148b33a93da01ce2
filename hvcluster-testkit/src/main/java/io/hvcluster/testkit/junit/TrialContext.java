package io.hvcluster.testkit.junit;

import io.hvcluster.testkit.check.Coverage;
import io.hvcluster.testkit.property.TryInfo;
import java.util.Objects;

/**
 * What a {@link ScenarioSource} gets when it opens a try: which try it is (with the seed a simulation
 * should use) and the suite's coverage probes.
 *
 * <p>Instances are immutable; the coverage they hold is thread-safe.
 *
 * @param info the try's index and seed; the seed stays the same while the scenario shrinks
 * @param coverage the suite's coverage probes
 */
public record TrialContext(TryInfo info, Coverage coverage) {
  /**
   * Creates a context.
   *
   * @param info the try
   * @param coverage the suite's coverage
   */
  public TrialContext {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(coverage, "coverage");
  }
}
