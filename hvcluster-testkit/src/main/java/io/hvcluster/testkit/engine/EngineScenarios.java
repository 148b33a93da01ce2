package io.hvcluster.testkit.engine;

import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.Cluster;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.core.Simulation;
import io.hvcluster.testkit.check.Coverage;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.gen.FaultPlans;
import io.hvcluster.testkit.gen.Topologies;
import io.hvcluster.testkit.history.History;
import io.hvcluster.testkit.junit.ClusterScenarios;
import io.hvcluster.testkit.junit.Scenario;
import io.hvcluster.testkit.junit.Trial;
import io.hvcluster.testkit.junit.TrialContext;
import io.hvcluster.testkit.property.Gen;
import io.hvcluster.testkit.property.Seeds;
import io.hvcluster.testkit.workload.Workload;
import io.hvcluster.testkit.workload.Workloads;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A scenario source for {@link io.hvcluster.testkit.junit.ClusterProperty} that runs every generated
 * scenario on the real engine. Each try gets a simulation seeded from the try, its cluster formed and
 * settled, the standard checks attached (S1–S12 after every kernel event, L1–L2 after the heal phase)
 * and the plan and workload scheduled; the method receives it before the faults run. When the method
 * returns, the trial runs the scenario to its end (unless the method already did) and throws the first
 * violation with its full report; the property then shrinks the scenario. The standard
 * {@link Probes} are counted on the suite's {@link Coverage} after every generated try.
 *
 * <p>Injectable parameters: {@link Scenario}, {@link ClusterSpec}, {@link Workload}, {@link FaultPlan},
 * {@link java.util.random.RandomGenerator} (as {@link ClusterScenarios}), plus {@link Simulation},
 * {@link Cluster}, {@link History}, {@link ClusterRun}, and the try's {@link PlacementPolicy} and
 * {@link MigrationStrategy} of planned moves (by their interface or by the class the property names).
 * The policy and strategy come from {@link EngineSettings#placementPolicy} and {@link
 * EngineSettings#plannedMoves}, or from {@link io.hvcluster.testkit.junit.ClusterProperty#placementPolicy()}
 * and {@link io.hvcluster.testkit.junit.ClusterProperty#plannedMoves()}, which win; either way a new
 * instance serves each try from its first placement on. Subclass it with a public no-argument
 * constructor to choose the generators and {@link EngineSettings}; override {@link #configure} to add
 * invariants or listeners. Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * public static final class Swarm extends EngineScenarios {
 *   public Swarm() {
 *     super(Topologies.builder().nodes(3, 5).vms(2, 8).build(),
 *         spec -> FaultPlans.builder(spec).maxFaults(4).swarm().build(),
 *         spec -> Workloads.operations(spec, Duration.ofMinutes(2), 3), EngineSettings.defaults());
 *   }
 * }
 *
 * @ClusterProperty(tries = 40, scenarios = Swarm.class)
 * void safetyHolds(ClusterRun run, Cluster cluster) {
 *   RunResult result = run.runToEnd();          // throws the violation report, if any
 *   assertThat(result.faultsInjected()).isEqualTo(run.plan().size());
 * }
 * }</pre>
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class EngineScenarios extends ClusterScenarios {
  private static final Set<Class<?>> TYPES;

  static {
    Set<Class<?>> types = new HashSet<>(new ClusterScenarios().parameterTypes());
    types.add(Simulation.class);
    types.add(Cluster.class);
    types.add(History.class);
    types.add(ClusterRun.class);
    types.add(PlacementPolicy.class);
    types.add(MigrationStrategy.class);
    TYPES = Set.copyOf(types);
  }

  private final EngineSettings settings;

  /**
   * Creates the default source: 3 to 5 nodes, 2 to 8 VMs, swarm-mode plans of up to 4 faults within the
   * budget the quorum model tolerates, and up to 3 operator operations, on modeled memory.
   */
  public EngineScenarios() {
    this(Topologies.builder().nodes(3, 5).vms(2, 8).build(), spec -> FaultPlans.builder(spec).maxFaults(4).swarm()
        .build(), spec -> Workloads.operations(spec, Duration.ofMinutes(2), 3), EngineSettings.defaults());
  }

  /**
   * Creates a source from generators and engine settings.
   *
   * @param topologies generates the clusters
   * @param plans generates fault plans for a cluster
   * @param workloads generates operator workloads for a cluster
   * @param settings how the engine is set up
   */
  protected EngineScenarios(Gen<ClusterSpec> topologies, Function<ClusterSpec, Gen<FaultPlan>> plans,
      Function<ClusterSpec, Gen<Workload>> workloads, EngineSettings settings) {
    super(topologies, plans, workloads);
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** {@inheritDoc} */
  @Override
  public Set<Class<?>> parameterTypes() {
    return TYPES;
  }

  /**
   * Returns true: the placement policy and planned-move strategy a property names go into every try's
   * cluster, from its first placement on.
   *
   * @return true
   */
  @Override
  public boolean usesStrategiesOfTheContext() {
    return true;
  }

  /**
   * Adds to a try's run before it starts: extra invariants or listeners. Does nothing by default.
   *
   * @param run the run being set up
   * @param scenario the scenario
   * @param context the try
   */
  protected void configure(EngineRun run, Scenario scenario, TrialContext context) {}

  /**
   * Starts the try's run on the engine and returns a trial that hands it to the method, runs it to its
   * end afterwards and throws the first violation.
   *
   * @param scenario the scenario
   * @param context the try
   * @return the trial
   */
  @Override
  public Trial open(Scenario scenario, TrialContext context) {
    long seed = context.info().seed();
    Trial plain = super.open(scenario, context);
    EngineSettings chosen = settings;
    if (context.placementPolicy().isPresent()) {
      chosen = chosen.placementPolicy(context.placementPolicy().get());
    }
    if (context.plannedMoves().isPresent()) {
      chosen = chosen.plannedMoves(context.plannedMoves().get());
    }
    EngineRun setup = EngineRun.of(scenario.spec()).seed(seed).plan(scenario.plan()).workload(scenario.workload())
        .settings(chosen);
    configure(setup, scenario, context);
    ClusterRun run = setup.start();
    if (!context.info().shrinking()) {
      run.onEnd(result -> count(context.coverage(), result));
    }
    // The property's report shows the scenario and its replay; the violation's own shows the rest.
    run.failOnViolation();
    return new Trial() {
      @Override
      public Object argument(Class<?> type) {
        if (type == Simulation.class) {
          return run.simulation();
        }
        if (type == Cluster.class) {
          return run.cluster();
        }
        if (type == History.class) {
          return run.history();
        }
        if (type == ClusterRun.class) {
          return run;
        }
        if (type == PlacementPolicy.class) {
          return run.cluster().placementPolicy();
        }
        if (type == MigrationStrategy.class) {
          return run.plannedMoves();
        }
        return plain.argument(type);
      }

      @Override
      public void verify() {
        run.runToEnd();
      }

      @Override
      public void close() {
        run.close();
      }
    };
  }

  private static void count(Coverage coverage, RunResult result) {
    for (String probe : Probes.all()) {
      coverage.sometimes(probe, result.probes().contains(probe));
    }
  }
}
