package io.hvcluster.testkit.engine;

import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.testkit.check.DeterminismReport;
import io.hvcluster.testkit.check.Determinism;
import io.hvcluster.testkit.check.StepInvariant;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.fault.Heal;
import io.hvcluster.testkit.workload.Workload;
import io.hvcluster.api.MemoryBacking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Sets up one scenario against the real engine: a simulation with the given seed, the cluster formed
 * and its VMs started and settled, the standard invariants (S1–S12 after every kernel event) and any
 * extra ones attached, then the fault plan and the operator workload scheduled from that moment.
 * {@link #start()} returns the prepared {@link ClusterRun}; {@link #run()} also runs it to the end.
 *
 * <p>Not thread-safe; the run it starts belongs to the calling thread. Example:
 *
 * <pre>{@code
 * RunResult result = EngineRun.of(spec).seed(42).plan(plan).workload(workload).run();
 * result.violation().ifPresent(v -> { throw result.toError("seed 42"); });
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class EngineRun {
  private final ClusterSpec spec;
  private long seed;
  private FaultPlan plan = FaultPlan.empty(Heal.at(Duration.ZERO));
  private Workload workload = Workload.none();
  private EngineSettings settings = EngineSettings.defaults();
  private Path workDirectory;
  private final List<StepInvariant> invariants = new ArrayList<>();
  private final List<ClusterListener> listeners = new ArrayList<>();

  private EngineRun(ClusterSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  /**
   * Starts describing a run of a cluster.
   *
   * @param spec the cluster
   * @return the run's builder
   */
  public static EngineRun of(ClusterSpec spec) {
    return new EngineRun(spec);
  }

  /**
   * Sets the seed of the simulation; the plan's and workload's random choices derive from it too.
   *
   * @param newSeed the seed
   * @return this
   */
  public EngineRun seed(long newSeed) {
    this.seed = newSeed;
    return this;
  }

  /**
   * Sets the fault plan; by default none, with the heal phase at once.
   *
   * @param newPlan the plan
   * @return this
   */
  public EngineRun plan(FaultPlan newPlan) {
    this.plan = Objects.requireNonNull(newPlan, "plan");
    return this;
  }

  /**
   * Sets the operator workload; by default none.
   *
   * @param newWorkload the workload
   * @return this
   */
  public EngineRun workload(Workload newWorkload) {
    this.workload = Objects.requireNonNull(newWorkload, "workload");
    return this;
  }

  /**
   * Sets how the engine is set up.
   *
   * @param newSettings the settings
   * @return this
   */
  public EngineRun settings(EngineSettings newSettings) {
    this.settings = Objects.requireNonNull(newSettings, "settings");
    return this;
  }

  /**
   * Sets the placement policy of this run, used from the first placement on (the initial start of every
   * VM); shorthand for {@code settings(settings.placementPolicy(() -> policy))}, so call it after
   * {@link #settings}.
   *
   * @param policy the policy
   * @return this
   */
  public EngineRun placementPolicy(PlacementPolicy policy) {
    Objects.requireNonNull(policy, "placement policy");
    this.settings = settings.placementPolicy(() -> policy);
    return this;
  }

  /**
   * Sets the strategy that moves running VMs in this run's planned moves (drain, failback); shorthand for
   * {@code settings(settings.plannedMoves(() -> strategy))}, so call it after {@link #settings}.
   *
   * @param strategy the strategy
   * @return this
   */
  public EngineRun plannedMoves(MigrationStrategy strategy) {
    Objects.requireNonNull(strategy, "planned-move strategy");
    this.settings = settings.plannedMoves(() -> strategy);
    return this;
  }

  /**
   * Sets the directory under which a run with real memory keeps its files (in a subdirectory named
   * after the seed, removed when the run is closed); by default a new temporary directory.
   *
   * @param directory an existing directory
   * @return this
   */
  public EngineRun workDirectory(Path directory) {
    this.workDirectory = Objects.requireNonNull(directory, "directory");
    return this;
  }

  /**
   * Adds step invariants, run after the standard ones after every kernel event.
   *
   * @param more the invariants
   * @return this
   */
  public EngineRun invariants(StepInvariant... more) {
    invariants.addAll(List.of(more));
    return this;
  }

  /**
   * Adds listeners that see every event of the run from its start.
   *
   * @param more the listeners
   * @return this
   */
  public EngineRun listeners(ClusterListener... more) {
    listeners.addAll(List.of(more));
    return this;
  }

  /**
   * Builds the simulation, forms the cluster, starts and settles its VMs, and schedules the plan and
   * workload; the run is then ready to be driven (or run to its end).
   *
   * @return the prepared run; close it when done
   */
  public ClusterRun start() {
    return ClusterRun.start(spec, seed, plan, workload, settings, workDirectory, invariants, listeners);
  }

  /**
   * Starts the run, runs it to its end (heal phase, recovery bound, final checks) and closes it.
   *
   * @return the result
   */
  public RunResult run() {
    try (ClusterRun r = start()) {
      return r.runToEnd();
    }
  }

  /**
   * Runs the scenario twice from scratch and compares the trace hashes and, where they differ, the first
   * differing trace line (meta-invariant M1). With real memory both runs use the same work directory
   * (saved-state paths appear in event reasons), a temporary one unless {@link #workDirectory} set it.
   *
   * @return the comparison
   */
  public DeterminismReport determinism() {
    EngineSettings keep = settings;
    Path keepDirectory = workDirectory;
    Path temporary = null;
    settings = settings.traceLines();
    try {
      if (settings.memory() == MemoryBacking.REAL && workDirectory == null) {
        temporary = Files.createTempDirectory("hvcluster-determinism-");
        workDirectory = temporary;
      }
      return Determinism.compare(() -> run().trace());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a work directory for the determinism check", e);
    } finally {
      settings = keep;
      workDirectory = keepDirectory;
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // Left behind in the temporary directory; nothing depends on it.
        }
      }
    }
  }
}
