package io.hvcluster.testkit.junit;

import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.placement.PlacementPolicy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.apiguardian.api.API;

/**
 * Runs a test method as a property over generated scenarios: each try draws a scenario from the
 * {@link #scenarios()} source with a seed derived from the run's seed, opens a {@link Trial}, injects
 * its values as parameters, runs the method, then {@link Trial#verify()} (the invariant checks). The
 * first failing try is shrunk by re-running the method with simpler scenarios, and the failure reports
 * the seed, the shrunk scenario and a one-line replay.
 *
 * <p>Configuration parameters (or system properties): {@code hvcluster.tries.multiplier=N} multiplies
 * every property's tries (a nightly run is one flag away); {@code hvcluster.replay=0x...} runs every
 * selected property once from that seed, and {@code hvcluster.replay=0x.../0.3.1} runs the shrunk
 * counterexample at the end of that {@linkplain #shrinkPath() shrink path}; {@code hvcluster.seed=S} varies the default seeds of the whole
 * suite. Injectable parameters: the types the source declares, {@link io.hvcluster.testkit.property.TryInfo}
 * and {@link io.hvcluster.testkit.check.Coverage}; other parameters are resolved by JUnit as usual.
 *
 * <p>{@code @BeforeEach} and {@code @AfterEach} run once around the whole property, not around each
 * try; per-try state belongs in the scenario source's {@link Trial}. Example:
 *
 * <pre>{@code
 * @ClusterProperty(tries = 200)
 * void planStaysInBudget(ClusterSpec spec, FaultPlan plan) {
 *   assertThat(FaultBudget.tolerating(spec).admits(plan, spec.hosts().size())).isTrue();
 * }
 *
 * @ClusterProperty(seed = 0x5EEDL, tries = 1) // replaying a reported failure
 * void regression(FaultPlan plan) { ... }
 * }</pre>
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith({ClusterPropertyExtension.class, CoverageExtension.class})
public @interface ClusterProperty {
  /** The value of {@link #seed()} that derives the seed from the test's class and method names. */
  long AUTO_SEED = Long.MIN_VALUE;

  /**
   * Returns how many tries to run, before the multiplier.
   *
   * @return the tries, 1 or more
   */
  int tries() default 100;

  /**
   * Returns the run's seed; try 0 uses it as is, so the seed of a reported failing try with
   * {@code tries = 1} replays it.
   *
   * @return the seed, or {@link #AUTO_SEED} to derive one from the test's name
   */
  long seed() default AUTO_SEED;

  /**
   * Returns the source of scenarios; it needs a no-argument constructor.
   *
   * @return the scenario source class
   */
  Class<? extends ScenarioSource<?>> scenarios() default ClusterScenarios.class;

  /**
   * Returns the placement policy to put under test: every try's cluster places its groups with a new
   * instance of it from the first placement on (the initial start of every VM). The class needs a public
   * no-argument constructor; a test method receives the try's instance as a {@code PlacementPolicy} (or
   * its own class) parameter. Needs a source that runs on the engine ({@link
   * io.hvcluster.testkit.engine.EngineScenarios}).
   *
   * @return the policy's class, or {@code PlacementPolicy.class} for the source's own
   */
  Class<? extends PlacementPolicy> placementPolicy() default PlacementPolicy.class;

  /**
   * Returns the strategy of planned moves to put under test: every try's cluster moves running VMs in
   * drains and failbacks with a new instance of it. The class needs a public no-argument constructor; a
   * test method receives the try's instance as a {@code MigrationStrategy} (or its own class) parameter.
   * Needs a source that runs on the engine.
   *
   * @return the strategy's class, or {@code MigrationStrategy.class} for the source's own
   */
  Class<? extends MigrationStrategy> plannedMoves() default MigrationStrategy.class;

  /**
   * Returns the shrink path of a reported counterexample: with {@link #seed()} and {@code tries = 1}, the
   * try runs the shrunk counterexample alone, as the failure report's replay line prints it (a regression
   * test pins the minimal case this way). Empty (the default) runs the try as generated, and shrinks it
   * if it fails.
   *
   * @return positions joined by dots, for example {@code "0.3.1"}, or empty
   */
  String shrinkPath() default "";

  /**
   * Returns how many simpler candidates shrinking may run.
   *
   * @return the limit, 0 to turn shrinking off
   */
  int maxShrinkAttempts() default 1000;
}
