package io.hvcluster.testkit.junit;

import io.hvcluster.testkit.property.Gen;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Supplies the scenarios of a {@link ClusterProperty}: a generator of scenario values, and for each
 * try a {@link Trial} that turns the value into the test method's arguments and checks the outcome.
 * This is the extension point for the engine: a source can build a simulation from the scenario, hand
 * it to the test, and run the invariant checkers in {@link Trial#verify()}.
 *
 * <p>Implementations need a public no-argument constructor and must be stateless (one instance serves
 * every try of a property). Example:
 *
 * <pre>{@code
 * public final class CrashPlans implements ScenarioSource<FaultPlan> {
 *   public Gen<FaultPlan> generator() { return FaultPlans.builder(SPEC).build(); }
 *   public Set<Class<?>> parameterTypes() { return Set.of(FaultPlan.class); }
 *   public Trial open(FaultPlan plan, TrialContext context) { return type -> plan; }
 * }
 * }</pre>
 *
 * @param <S> the scenario type
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface ScenarioSource<S> {
  /**
   * Returns the generator of scenarios; its values are shrunk on failure.
   *
   * @return the generator
   */
  Gen<S> generator();

  /**
   * Returns the parameter types the trials supply.
   *
   * @return the types
   */
  Set<Class<?>> parameterTypes();

  /**
   * Opens one try of a scenario; the trial is closed after the test method and its verification.
   *
   * @param scenario the generated scenario
   * @param context the try's seed and the suite's coverage
   * @return the trial
   */
  Trial open(S scenario, TrialContext context);

  /**
   * Returns whether this source puts the placement policy and planned-move strategy of {@link
   * TrialContext} into its runs. A property that names one ({@link ClusterProperty#placementPolicy()})
   * on a source that does not is refused, rather than passing without ever calling it.
   *
   * @return false by default; true for {@link io.hvcluster.testkit.engine.EngineScenarios}
   */
  default boolean usesStrategiesOfTheContext() {
    return false;
  }

  /**
   * Returns a readable description of a scenario for failure reports.
   *
   * @param scenario the scenario
   * @return the description, possibly over several lines
   */
  default String describe(S scenario) {
    return String.valueOf(scenario);
  }
}
