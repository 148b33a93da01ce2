package io.hvcluster.testkit.junit;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.gen.FaultPlans;
import io.hvcluster.testkit.gen.Topologies;
import io.hvcluster.testkit.property.Gen;
import io.hvcluster.testkit.property.Seeds;
import io.hvcluster.testkit.workload.Workload;
import io.hvcluster.testkit.workload.Workloads;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * The default scenario source: a topology of 3 to 5 nodes with 2 to 8 VMs, an operator workload, and a
 * fault plan within the budget the topology's quorum model tolerates. Trials supply {@link Scenario},
 * {@link ClusterSpec}, {@link Workload}, {@link FaultPlan}, and a {@link RandomGenerator} seeded from
 * the try for the test's own randomness. {@link Trial#verify()} does nothing here; an engine-backed
 * subclass overrides {@link #open} to build a simulation and check invariants.
 *
 * <p>Subclass it with a no-argument constructor to change the generators. Instances are immutable and
 * thread-safe. Example:
 *
 * <pre>{@code
 * public static final class SmallClusters extends ClusterScenarios {
 *   public SmallClusters() {
 *     super(Topologies.builder().nodes(2, 3).vms(1, 4).build(),
 *         spec -> FaultPlans.builder(spec).maxFaults(3).swarm().build(),
 *         spec -> Workloads.operations(spec, Duration.ofMinutes(2), 4));
 *   }
 * }
 *
 * @ClusterProperty(scenarios = SmallClusters.class)
 * void somethingHolds(Scenario scenario) { ... }
 * }</pre>
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class ClusterScenarios implements ScenarioSource<Scenario> {
  private static final Set<Class<?>> TYPES = Set.of(Scenario.class, ClusterSpec.class, Workload.class,
      FaultPlan.class, RandomGenerator.class);

  private final Gen<ClusterSpec> topologies;
  private final Function<ClusterSpec, Gen<FaultPlan>> plans;
  private final Function<ClusterSpec, Gen<Workload>> workloads;

  /** Creates the default source. */
  public ClusterScenarios() {
    this(Topologies.builder().nodes(3, 5).vms(2, 8).build(), spec -> FaultPlans.builder(spec).build(),
        spec -> Workloads.operations(spec, Duration.ofMinutes(2), 5));
  }

  /**
   * Creates a source from generators.
   *
   * @param topologies generates the clusters
   * @param plans generates fault plans for a cluster
   * @param workloads generates operator workloads for a cluster
   */
  protected ClusterScenarios(Gen<ClusterSpec> topologies, Function<ClusterSpec, Gen<FaultPlan>> plans,
      Function<ClusterSpec, Gen<Workload>> workloads) {
    this.topologies = Objects.requireNonNull(topologies, "topologies");
    this.plans = Objects.requireNonNull(plans, "plans");
    this.workloads = Objects.requireNonNull(workloads, "workloads");
  }

  /** {@inheritDoc} */
  @Override
  public Gen<Scenario> generator() {
    return topologies.flatMap(spec -> Gen.zip(workloads.apply(spec), plans.apply(spec),
        (workload, plan) -> Scenario.of(spec, workload, plan)));
  }

  /** {@inheritDoc} */
  @Override
  public Set<Class<?>> parameterTypes() {
    return TYPES;
  }

  /**
   * Opens a trial that supplies the scenario's parts and a random source seeded from the try.
   *
   * @param scenario the scenario
   * @param context the try
   * @return the trial
   */
  @Override
  public Trial open(Scenario scenario, TrialContext context) {
    long bodySeed = Seeds.derive(context.info().seed(), "test-body");
    return type -> {
      if (type == Scenario.class) {
        return scenario;
      }
      if (type == ClusterSpec.class) {
        return scenario.spec();
      }
      if (type == Workload.class) {
        return scenario.workload();
      }
      if (type == FaultPlan.class) {
        return scenario.plan();
      }
      if (type == RandomGenerator.class) {
        return new SplittableRandom(bodySeed);
      }
      throw new IllegalArgumentException("ClusterScenarios supplies no " + type.getName());
    };
  }

  /** {@inheritDoc} */
  @Override
  public String describe(Scenario scenario) {
    return scenario.describe();
  }
}
