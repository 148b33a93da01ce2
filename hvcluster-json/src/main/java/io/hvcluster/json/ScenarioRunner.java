package io.hvcluster.json;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.HvClusterException;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.VmState;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.migration.ColdMigration;
import io.hvcluster.core.migration.LiveMigration;
import io.hvcluster.core.migration.QuickMigration;
import io.hvcluster.core.report.RunRecorder;
import io.hvcluster.core.report.Timeline;
import io.hvcluster.testkit.engine.FaultInjection;
import io.hvcluster.testkit.history.History;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Runs a {@link Scenario}: creates its cluster, forms it and starts its VMs at time 0, schedules every
 * action and fault at its time, and runs for the scenario's duration in virtual time. An action the
 * cluster refuses (for example starting a VM in a partition without quorum) is recorded as refused and
 * the run goes on, as it would for an operator. The same scenario and seed always give the same trace.
 *
 * <p>A run is confined to the calling thread; the class is stateless and thread-safe. Example:
 *
 * <pre>{@code
 * ScenarioResult result = ScenarioRunner.run(ScenarioFiles.read(Path.of("split-brain.json")));
 * double availability = result.record().availability().availability();
 * }</pre>
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ScenarioRunner {
  /** Follows a run's progress; called on the thread that runs the scenario. */
  @FunctionalInterface
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public interface Progress {
    /**
     * Reports how far the run is.
     *
     * @param doneNanos virtual time run so far, in nanoseconds
     * @param label the same in words, for example {@code 0:10:00 of 1:00:00 simulated}
     */
    void update(long doneNanos, String label);
  }

  /** The run advances in this many slices, so that a progress bar can follow it; the history does not depend on it. */
  private static final int SLICES = 200;

  private final Scenario scenario;
  private final List<ActionOutcome> outcomes = new ArrayList<>();
  private final History history = new History();
  private Simulation sim;
  private Cluster cluster;

  private ScenarioRunner(Scenario scenario) {
    this.scenario = scenario;
  }

  /**
   * Runs a scenario.
   *
   * @param scenario the scenario
   * @return what happened
   * @throws InvalidInputException when a fault-plan selector names something the cluster does not have
   */
  public static ScenarioResult run(Scenario scenario) {
    return run(scenario, (done, label) -> { });
  }

  /**
   * Runs a scenario, reporting progress in virtual time; the history does not depend on the reporting.
   *
   * @param scenario the scenario
   * @param progress told about progress about 200 times in a run
   * @return what happened
   * @throws InvalidInputException when a fault-plan selector names something the cluster does not have
   */
  public static ScenarioResult run(Scenario scenario, Progress progress) {
    return new ScenarioRunner(scenario).run(progress);
  }

  private ScenarioResult run(Progress progress) {
    StringBuilder trace = new StringBuilder();
    try (Simulation s = Simulation.builder().seed(scenario.seed()).traceTo(trace).build()) {
      sim = s;
      cluster = sim.createCluster(scenario.spec());
      scenario.faults().ifPresent(plan -> PlanChecks.check(plan, cluster, scenario.file()));
      RunRecorder recorder = RunRecorder.attach(sim, cluster);
      cluster.form();
      if (scenario.startVms()) {
        cluster.startAllVms();
      }
      for (ScenarioAction a : scenario.actions()) {
        sim.schedule(a.at(), () -> outcomes.add(perform(a)));
      }
      // The testkit's binding, the same one property tests and torture use: one format, one meaning.
      scenario.faults().ifPresent(plan -> FaultInjection.apply(plan, sim, cluster, scenario.seed(), history));
      long total = scenario.duration().toNanos();
      long slice = Math.max(1, total / SLICES);
      for (long done = 0; done < total; ) {
        long step = Math.min(slice, total - done);
        sim.runFor(Duration.ofNanos(step));
        done += step;
        progress.update(done, clock(done) + " of " + clock(total) + " simulated");
      }
      int running = (int) cluster.vms().stream().filter(v -> v.state() == VmState.RUNNING).count();
      return new ScenarioResult(scenario, recorder.finish(), outcomes, running, trace.toString(), history.entries());
    }
  }

  private ActionOutcome perform(ScenarioAction a) {
    long now = sim.nowNanos();
    try {
      return new ActionOutcome(a, now, true, act(a));
    } catch (HvClusterException | IllegalStateException | IllegalArgumentException e) {
      return new ActionOutcome(a, now, false, String.valueOf(e.getMessage()).replace('\n', ' '));
    }
  }

  private String act(ScenarioAction a) {
    var faults = sim.faults(cluster);
    ScenarioAction.Target t = a.target();
    switch (a.kind()) {
      case CRASH_HOST -> faults.crashHost(host(t));
      case POWER_ON -> faults.powerOnHost(host(t));
      case HANG_HOST -> faults.hangHost(host(t));
      case RESUME_HOST -> faults.resumeHost(host(t));
      case PAUSE_NODE -> cluster.pauseNode(host(t));
      case RESUME_NODE -> cluster.resumeNode(host(t));
      case DRAIN_NODE -> cluster.drainNode(host(t));
      case FORCE_QUORUM -> cluster.forceQuorum(host(t));
      case START_CLUSTER_SERVICE -> cluster.startClusterService(host(t));
      case STOP_CLUSTER_SERVICE -> cluster.stopClusterService(host(t));
      case START_VM -> cluster.startVm(((ScenarioAction.OnVm) t).vm());
      case STOP_VM -> cluster.stopVm(((ScenarioAction.OnVm) t).vm());
      case CRASH_VM -> faults.crashVm(((ScenarioAction.OnVm) t).vm());
      case START_ALL_VMS -> cluster.startAllVms();
      case QUICK_MIGRATE, LIVE_MIGRATE, COLD_MIGRATE -> {
        ScenarioAction.Move m = (ScenarioAction.Move) t;
        MigrationHandle h = cluster.migrate(m.vm(), m.to(), strategy(a.kind()));
        return h.strategy() + " migration of " + m.vm() + " to " + m.to() + " started";
      }
      case MOVE_GROUP -> {
        ScenarioAction.MoveGroup m = (ScenarioAction.MoveGroup) t;
        if (m.to().isPresent()) {
          cluster.moveGroup(m.group(), m.to().get());
          return "group " + m.group() + " moving to " + m.to().get();
        }
        return "group " + m.group() + " moving to the best possible node, " + cluster.moveGroupToBestNode(m.group());
      }
      case PARTITION -> faults.partition(((ScenarioAction.Sides) t).sides());
      case HEAL -> faults.healNetwork();
      case CUT_LINK -> faults.cutLink(((ScenarioAction.OnLink) t).from(), ((ScenarioAction.OnLink) t).to());
      case RESTORE_LINK -> faults.restoreLink(((ScenarioAction.OnLink) t).from(), ((ScenarioAction.OnLink) t).to());
      case CUT_NETWORK -> faults.cutNetwork(((ScenarioAction.OnNetwork) t).host(), ((ScenarioAction.OnNetwork) t).network());
      case RESTORE_NETWORK -> faults.restoreNetwork(((ScenarioAction.OnNetwork) t).host(),
          ((ScenarioAction.OnNetwork) t).network());
      case LOSE_WITNESS -> faults.loseWitness();
      case RESTORE_WITNESS -> faults.restoreWitness();
      case LUN_OFFLINE -> faults.takeLunOffline(((ScenarioAction.OnLun) t).lun());
      case LUN_ONLINE -> faults.bringLunOnline(((ScenarioAction.OnLun) t).lun());
      default -> throw new AssertionError(a.kind());
    }
    return "done";
  }

  private static HostId host(ScenarioAction.Target t) {
    return ((ScenarioAction.OnHost) t).host();
  }

  private static MigrationStrategy strategy(ActionKind kind) {
    return switch (kind) {
      case QUICK_MIGRATE -> QuickMigration.lazy();
      case LIVE_MIGRATE -> LiveMigration.withDefaults();
      case COLD_MIGRATE -> ColdMigration.instance();
      default -> throw new IllegalArgumentException(kind.id() + " is not a migration");
    };
  }

  /** Returns virtual time as h:mm:ss, for the progress bar. */
  private static String clock(long nanos) {
    String t = Timeline.time(nanos);
    return t.substring(0, t.length() - 4);
  }
}
