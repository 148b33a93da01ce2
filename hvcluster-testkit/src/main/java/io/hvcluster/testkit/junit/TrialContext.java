package io.hvcluster.testkit.junit;

import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.testkit.check.Coverage;
import io.hvcluster.testkit.property.TryInfo;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * What a {@link ScenarioSource} gets when it opens a try: which try it is (with the seed a simulation
 * should use), the suite's coverage probes, and the placement policy and planned-move strategy the
 * property asks for ({@link ClusterProperty#placementPolicy()}, {@link ClusterProperty#plannedMoves()}),
 * each a factory to call once per try.
 *
 * <p>Instances are immutable; the coverage they hold is thread-safe.
 *
 * @param info the try's index and seed; the seed stays the same while the scenario shrinks
 * @param coverage the suite's coverage probes
 * @param placementPolicy makes the placement policy the property puts under test, if it names one
 * @param plannedMoves makes the strategy of planned moves the property puts under test, if it names one
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record TrialContext(TryInfo info, Coverage coverage, Optional<Supplier<PlacementPolicy>> placementPolicy,
    Optional<Supplier<MigrationStrategy>> plannedMoves) {
  /**
   * Creates a context.
   *
   * @param info the try
   * @param coverage the suite's coverage
   * @param placementPolicy makes the policy under test, if any
   * @param plannedMoves makes the strategy of planned moves under test, if any
   */
  public TrialContext {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(coverage, "coverage");
    Objects.requireNonNull(placementPolicy, "placementPolicy");
    Objects.requireNonNull(plannedMoves, "plannedMoves");
  }

  /**
   * Creates a context that names no policy or strategy: the source's own are used.
   *
   * @param info the try
   * @param coverage the suite's coverage
   */
  public TrialContext(TryInfo info, Coverage coverage) {
    this(info, coverage, Optional.empty(), Optional.empty());
  }
}
