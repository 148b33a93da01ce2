package io.hvcluster.testkit.engine;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.MemoryBacking;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.core.defect.Defect;
import io.hvcluster.core.Simulation;
import io.hvcluster.testkit.check.StepInvariant;
import io.hvcluster.testkit.fault.DurationText;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.history.History;
import io.hvcluster.testkit.invariant.CheckSet;
import io.hvcluster.testkit.invariant.Invariants;
import io.hvcluster.testkit.invariant.LivenessBound;
import io.hvcluster.testkit.invariant.StepMonitor;
import io.hvcluster.testkit.property.Seeds;
import io.hvcluster.testkit.workload.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * One prepared scenario on the real engine (see {@link EngineRun}): the simulation, its cluster formed
 * and settled, the checks attached, the plan and workload scheduled. A test may look at it, drive it,
 * or add to it, then {@link #runToEnd()} runs the faults, the heal phase and the recovery bound, runs
 * the final checks and returns the {@link RunResult}.
 *
 * <p>Not thread-safe: it belongs to the thread that started it. Close it to release the simulation
 * (and, with real memory, its files).
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ClusterRun implements AutoCloseable {
  private final Simulation simulation;
  private final Cluster cluster;
  private final History history;
  private final StepMonitor monitor;
  private final Probes probes;
  private final StringBuilder trace;
  private final RunDirectory directory;
  private final FaultPlan plan;
  private final Workload workload;
  private final long seed;
  private final LivenessBound bound;
  private final boolean settled;
  private final long settledAt;
  private InjectedPlan injected;
  private RunResult result;
  private boolean closed;
  private final List<Consumer<RunResult>> onEnd = new ArrayList<>();
  private String replayOnViolation;
  private boolean failOnViolation;
  private MigrationStrategy plannedMoves;

  private ClusterRun(Simulation simulation, Cluster cluster, History history, StepMonitor monitor, Probes probes,
      StringBuilder trace, RunDirectory directory, FaultPlan plan, Workload workload, long seed, boolean settled) {
    this.simulation = simulation;
    this.cluster = cluster;
    this.history = history;
    this.monitor = monitor;
    this.probes = probes;
    this.trace = trace;
    this.directory = directory;
    this.plan = plan;
    this.workload = workload;
    this.seed = seed;
    this.bound = LivenessBound.of(cluster.spec(), plan);
    this.settled = settled;
    this.settledAt = simulation.nowNanos();
  }

  static ClusterRun start(ClusterSpec spec, long seed, FaultPlan plan, Workload workload, EngineSettings settings,
      Path workDirectory, List<StepInvariant> extra, List<ClusterListener> listeners) {
    RunDirectory dir = settings.memory() == MemoryBacking.REAL ? RunDirectory.create(workDirectory, seed) : null;
    StringBuilder trace = settings.keepsTraceLines() ? new StringBuilder() : null;
    Simulation.Builder b = Simulation.builder().seed(seed).heartbeatMode(settings.heartbeatMode())
        .memoryBacking(settings.memory()).defects(settings.defects().toArray(new Defect[0]));
    if (dir != null) {
      b.workDirectory(dir.path());
    }
    if (trace != null) {
      b.traceTo(trace);
    }
    Simulation sim = b.build();
    try {
      PlacementPolicy placement = settings.newPlacementPolicy();
      MigrationStrategy plannedMoves = settings.newPlannedMoves();
      Cluster cluster = sim.createCluster(spec, placement, plannedMoves);
      History history = new History();
      CheckSet checks = Invariants.standard(sim, cluster, dir == null ? null : dir.path())
          .with(extra.toArray(new StepInvariant[0]));
      StepMonitor monitor = StepMonitor.attach(sim, cluster, history, checks);
      Probes probes = new Probes();
      sim.addListener(probes);
      listeners.forEach(sim::addListener);
      Settling settling = new Settling(cluster);
      sim.addListener(settling);
      boolean settled = false;
      try {
        cluster.form();
        cluster.startAllVms();
        settled = sim.runUntil(settling::settled, settings.settleLimit());
        sim.removeListener(settling);
        history.event(sim.nowNanos(), settled ? "settled" : "not-settled", (settled ? "every node is a member and every"
            + " VM runs; the plan starts now" : "the cluster did not settle within "
            + DurationText.format(settings.settleLimit()) + "; the plan starts anyway") + " (seed " + Seeds.format(seed) + ")");
      } catch (RuntimeException e) {
        monitor.recordCrash(e);
      }
      ClusterRun run = new ClusterRun(sim, cluster, history, monitor, probes, trace, dir, plan, workload, seed, settled);
      run.plannedMoves = plannedMoves;
      if (monitor.violations().isEmpty()) {
        run.injected = FaultInjection.apply(plan, sim, cluster, Seeds.derive(seed, "nemesis"), history);
        OperationInjection.apply(workload, sim, cluster, Seeds.derive(seed, "operations"), history, settings.strategies());
      }
      return run;
    } catch (RuntimeException | Error e) {
      sim.close();
      if (dir != null) {
        dir.delete();
      }
      throw e;
    }
  }

  /**
   * Runs the scenario to its end: the faults and operations up to the heal phase, the heal phase, then
   * the longer of the plan's quiet period and the recovery bound; then the final checks (L1, L2, open
   * migrations). An exception thrown by the engine ends the run as a crash. Calling it again returns the
   * same result. After {@link #failOnViolation}, a run that found a violation throws it instead.
   *
   * @return the result
   * @throws io.hvcluster.testkit.check.InvariantViolation after {@link #failOnViolation}, when a check failed
   */
  public RunResult runToEnd() {
    if (result == null) {
      result = finish();
      onEnd.forEach(c -> c.accept(result));
    }
    if (failOnViolation && !result.passed()) {
      throw replayOnViolation == null ? result.report(null).toError() : result.toError(replayOnViolation);
    }
    return result;
  }

  /**
   * Makes {@link #runToEnd()} throw the report of the first violation, with the given replay line, so
   * that a violation is reported before anything a test asserts afterwards.
   *
   * @param replay the one-line replay instruction
   */
  public void failOnViolation(String replay) {
    this.replayOnViolation = Objects.requireNonNull(replay, "replay");
    this.failOnViolation = true;
  }

  /**
   * Makes {@link #runToEnd()} throw the report of the first violation without the plan or a replay line:
   * for a caller whose own report shows the scenario and how to replay it (a property's).
   */
  public void failOnViolation() {
    this.replayOnViolation = null;
    this.failOnViolation = true;
  }

  /**
   * Adds an action that receives the result when the run ends (before any violation is thrown).
   *
   * @param action the action
   */
  public void onEnd(Consumer<RunResult> action) {
    onEnd.add(Objects.requireNonNull(action, "action"));
  }

  private RunResult finish() {
    long healAt = healAtNanos();
    if (monitor.violations().isEmpty()) {
      try {
        simulation.runFor(Duration.ofNanos(Math.max(0, healAt - simulation.nowNanos())));
        if (!injected.healed()) {
          injected.healNow();
        }
        Duration quiet = plan.heal().quiet().compareTo(bound.recovery()) > 0 ? plan.heal().quiet() : bound.recovery();
        simulation.runFor(quiet.plusMillis(1));
        monitor.runFinalChecks(healAt, bound);
      } catch (RuntimeException e) {
        monitor.recordCrash(e);
      }
    }
    return new RunResult(seed, plan, history, monitor.violations(), simulation.traceHash(),
        trace == null ? List.of() : List.of(trace.toString().split("\n")), injected == null ? 0 : injected.faultsInjected(),
        probes.hit(), simulation.eventCount(), simulation.stepsRun(), simulation.nowNanos(), settled, settledAt, healAt);
  }

  /**
   * Returns the simulation.
   *
   * @return the simulation
   */
  public Simulation simulation() {
    return simulation;
  }

  /**
   * Returns the cluster.
   *
   * @return the cluster
   */
  public Cluster cluster() {
    return cluster;
  }

  /**
   * Returns the history: cluster events, faults and operations so far.
   *
   * @return the history
   */
  public History history() {
    return history;
  }

  /**
   * Returns the strategy this run's cluster moves running VMs with in planned moves (drain, failback),
   * made for this run by {@link EngineSettings#plannedMoves}; the placement policy is the cluster's
   * {@link Cluster#placementPolicy()}.
   *
   * @return the strategy
   */
  public MigrationStrategy plannedMoves() {
    return plannedMoves;
  }

  /**
   * Returns the fault plan.
   *
   * @return the plan
   */
  public FaultPlan plan() {
    return plan;
  }

  /**
   * Returns the operator workload.
   *
   * @return the workload
   */
  public Workload workload() {
    return workload;
  }

  /**
   * Returns the seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns whether the cluster settled (every node a member, every VM running) before the plan started.
   *
   * @return true when it settled
   */
  public boolean settled() {
    return settled;
  }

  /**
   * Returns the virtual time at which the plan started (its time 0).
   *
   * @return nanoseconds of simulation time
   */
  public long planStartNanos() {
    return settledAt;
  }

  /**
   * Returns the virtual time of the plan's heal phase.
   *
   * @return nanoseconds of simulation time
   */
  public long healAtNanos() {
    return settledAt + plan.heal().at().toNanos();
  }

  /**
   * Returns the liveness bounds the final checks apply.
   *
   * @return the bounds
   */
  public LivenessBound bound() {
    return bound;
  }

  /**
   * Returns the work directory of a run with real memory.
   *
   * @return the directory, or null for modeled memory
   */
  public Path workDirectory() {
    return directory == null ? null : directory.path();
  }

  /** Closes the simulation and removes the run's files. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    simulation.close();
    if (directory != null) {
      directory.delete();
    }
  }
}
