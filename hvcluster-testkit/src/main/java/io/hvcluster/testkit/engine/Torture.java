package io.hvcluster.testkit.engine;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.core.defect.Defect;
import io.hvcluster.testkit.check.Violation;
import io.hvcluster.testkit.fault.FaultBudget;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.gen.FaultPlans;
import io.hvcluster.testkit.gen.Topologies;
import io.hvcluster.testkit.junit.Scenario;
import io.hvcluster.testkit.property.Gen;
import io.hvcluster.testkit.property.Seeds;
import io.hvcluster.testkit.workload.Workload;
import io.hvcluster.testkit.workload.Workloads;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;

/**
 * Runs many generated scenarios against the real engine, one after another: each a cluster of the
 * given size (64 GiB nodes, any quorum model, layout and storage), up to a few operator operations, and
 * a swarm-mode fault plan within the quorum model's budget, with every invariant checked. Scenario
 * {@code i} is generated entirely from {@code Seeds.forTry(seed, i)} (scenario 0 from the seed itself),
 * so a failing scenario replays alone with its seed. The first failing scenario's plan is shrunk to a
 * minimal one that still breaks the same invariant.
 *
 * <p>Scenarios are short on purpose: faults start within the first minute and last 1 to 30 s, then
 * everything heals and the run continues for the recovery bound; guests keep working sets of at most
 * 4 MiB, so that migrations stay cheap to simulate (memory sizes are as generated). Not thread-safe:
 * call {@link #run()} from one thread; with {@link Builder#threads} it uses worker threads of its own.
 * Example:
 *
 * <pre>{@code
 * TortureReport report = Torture.builder().nodes(4).vms(20).scenarios(2000).seed(1).build().run();
 * }</pre>
 *
 * <p>It is longer than 400 lines because its public {@link Builder} documents every setting; running,
 * tallying and shrinking are a few short methods.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Torture {
  private final int nodes;
  private final int vms;
  private final int scenarios;
  private final long seed;
  private final EngineSettings settings;
  private final int maxFaults;
  private final int maxShrinkRuns;
  private final TortureListener listener;
  private final int threads;
  private final boolean wide;
  private final Gen<Scenario> generator;

  private Torture(Builder b) {
    this.nodes = b.nodes;
    this.vms = b.vms;
    this.scenarios = b.scenarios;
    this.seed = b.seed;
    this.settings = b.settings;
    this.maxFaults = b.maxFaults;
    this.maxShrinkRuns = b.maxShrinkRuns;
    this.listener = b.listener;
    this.threads = b.threads;
    this.wide = b.wide;
    if (wide) {
      this.generator = WideScenarios.generator(maxFaults, MAX_WORKING_SET_MIB);
      return;
    }
    Gen<ClusterSpec> topologies = Topologies.builder().nodes(nodes, nodes).vms(vms, vms).hostMemoryGiB(64L)
        .maxWorkingSetMiB(MAX_WORKING_SET_MIB).build();
    Duration horizon = Duration.ofMinutes(1);
    this.generator = topologies.flatMap(spec -> Gen.zip(Workloads.operations(spec, horizon, 3),
        FaultPlans.builder(spec).maxFaults(maxFaults).horizon(horizon).durations(Duration.ofSeconds(1),
            Duration.ofSeconds(30)).quiet(Duration.ofMinutes(1)).swarm().build(),
        (workload, plan) -> Scenario.of(spec, workload, plan)));
  }

  /** The most memory a torture scenario's guest writes: migrations then save and restore at most this much. */
  static final long MAX_WORKING_SET_MIB = 4;

  /**
   * Returns a builder: 4 nodes, 20 VMs, 100 scenarios, seed 0, at most 4 faults per plan.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the scenario a seed generates: the one {@link #run()} runs for that scenario seed.
   *
   * @param scenarioSeed the scenario's seed
   * @return the scenario
   */
  public Scenario scenario(long scenarioSeed) {
    return generator.sample(new SplittableRandom(scenarioSeed));
  }

  /**
   * Returns the command line that replays one scenario.
   *
   * @param scenarioSeed the scenario's seed
   * @return the command
   */
  public String replayLine(long scenarioSeed) {
    StringBuilder out = new StringBuilder("hvcluster torture --nodes " + nodes + " --vms " + vms
        + " --scenarios 1 --seed " + Seeds.format(scenarioSeed) + " --max-faults " + maxFaults);
    if (wide) {
      out.append(" --wide");
    }
    for (Defect d : settings.defects()) {
      out.append(" --defect ").append(d.name());
    }
    return out.toString();
  }

  /**
   * Runs every scenario, then shrinks the first failure. With more than one thread, scenarios run in
   * parallel, each confined to one worker thread; results are taken, and the listener told, in scenario
   * order, so the report does not depend on the threads.
   *
   * @return the report
   */
  public TortureReport run() {
    Tally tally = new Tally();
    if (threads <= 1) {
      for (int i = 0; i < scenarios; i++) {
        tally.add(runScenario(i));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "hvcluster-torture");
        t.setDaemon(true);
        return t;
      });
      try {
        Deque<Future<Outcome>> window = new ArrayDeque<>();
        int next = 0;
        while (next < scenarios || !window.isEmpty()) {
          while (next < scenarios && window.size() < threads * 4) {
            int index = next++;
            window.add(pool.submit(() -> runScenario(index)));
          }
          tally.add(take(window.poll()));
        }
      } finally {
        pool.shutdownNow();
      }
    }
    List<Finding> findings = new ArrayList<>();
    if (tally.firstFailure != null) {
      Outcome f = tally.firstFailure;
      findings.add(shrink(f.index, f.seed, f.scenario, f.result));
    }
    return new TortureReport(scenarios, tally.failed, new TreeMap<>(tally.byInvariant), tally.faults,
        new TreeMap<>(tally.probes), tally.events,
        tally.steps, findings);
  }

  private static Outcome take(Future<Outcome> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a scenario", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    }
  }

  private Outcome runScenario(int index) {
    long s = Seeds.forTry(seed, index);
    Scenario scenario = scenario(s);
    return new Outcome(index, s, scenario, run(scenario, scenario.plan(), s));
  }

  /** One finished scenario. */
  private static final class Outcome {
    private final int index;
    private final long seed;
    private final Scenario scenario;
    private final RunResult result;

    Outcome(int index, long seed, Scenario scenario, RunResult result) {
      this.index = index;
      this.seed = seed;
      this.scenario = scenario;
      this.result = result;
    }
  }

  /** Sums the outcomes, in scenario order. */
  private final class Tally {
    private int failed;
    private long faults;
    private long events;
    private long steps;
    private final Map<String, Integer> byInvariant = new TreeMap<>();
    private final Map<String, Integer> probes = new TreeMap<>();
    private Outcome firstFailure;

    void add(Outcome o) {
      RunResult r = o.result;
      faults += r.faultsInjected();
      events += r.events();
      steps += r.steps();
      for (String p : r.probes()) {
        probes.merge(p, 1, Integer::sum);
      }
      if (!r.passed()) {
        failed++;
        byInvariant.merge(r.violation().orElseThrow().invariant(), 1, Integer::sum);
        if (firstFailure == null) {
          firstFailure = o;
        }
      }
      listener.scenarioFinished(o.index, scenarios, r);
    }
  }

  private RunResult run(Scenario scenario, FaultPlan plan, long s) {
    return EngineRun.of(scenario.spec()).seed(s).plan(plan).workload(scenario.workload()).settings(settings).run();
  }

  /** Greedily shrinks the plan: takes the first simpler plan that still breaks the same invariant. */
  private Finding shrink(int index, long s, Scenario scenario, RunResult original) {
    Violation first = original.violation().orElseThrow();
    FaultBudget budget = FaultBudget.tolerating(scenario.spec());
    int n = scenario.spec().hosts().size();
    boolean inModel = scenario.verdict().inModel();
    FaultPlan best = scenario.plan();
    RunResult bestResult = original;
    int runs = 0;
    boolean progress = true;
    while (progress && runs < maxShrinkRuns) {
      progress = false;
      Iterator<FaultPlan> candidates = best.shrinks().iterator();
      while (candidates.hasNext() && runs < maxShrinkRuns) {
        FaultPlan candidate = candidates.next();
        if (inModel && !budget.admits(candidate, n)) {
          continue;
        }
        runs++;
        RunResult r = run(scenario, candidate, s);
        if (r.violation().map(v -> v.invariant().equals(first.invariant())).orElse(false)) {
          best = candidate;
          bestResult = r;
          progress = true;
          break;
        }
      }
    }
    String replay = replayLine(s);
    String report = bestResult.report(replay + (best.equals(scenario.plan()) ? ""
        : "   (replays the original plan; the minimal plan above is the shrunk one)")).render();
    return new Finding(index, s, first, scenario.plan(), best, bestResult.violation().orElseThrow(), runs, replay, report);
  }

  /**
   * Configures a {@link Torture} run; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private int nodes = 4;
    private int vms = 20;
    private int scenarios = 100;
    private long seed;
    private EngineSettings settings = EngineSettings.defaults();
    private int maxFaults = 4;
    private int maxShrinkRuns = 300;
    private TortureListener listener = TortureListener.NONE;
    private int threads = 1;
    private boolean wide;

    private Builder() {}

    /**
     * Widens the generator, in swarm fashion: each scenario draws its own topology (2 to 16 nodes), memory
     * pressure (hosts of 16 to 64 GiB, up to six VMs a node), fault count (up to twice {@link #maxFaults}),
     * spacing (within 1 to 10 minutes, lasting up to 5 minutes) and failover policies (restart and failover
     * thresholds and windows, failback), so that a long campaign reaches what the fixed topology never
     * does. The node and VM counts of {@link #nodes} and {@link #vms} are then ignored.
     *
     * @param enabled whether to widen
     * @return this
     */
    public Builder wide(boolean enabled) {
      this.wide = enabled;
      return this;
    }

    /**
     * Sets how many scenarios run at once, each on a worker thread of its own; 1 runs them on the
     * calling thread.
     *
     * @param n 1 to 64
     * @return this
     * @throws IllegalArgumentException when out of range
     */
    public Builder threads(int n) {
      if (n < 1 || n > 64) {
        throw new IllegalArgumentException("--threads is " + n + "; allowed: 1 to 64");
      }
      this.threads = n;
      return this;
    }

    /**
     * Sets the number of nodes.
     *
     * @param n 2 to 16
     * @return this
     * @throws IllegalArgumentException when out of range
     */
    public Builder nodes(int n) {
      if (n < ClusterSpec.MIN_NODES || n > ClusterSpec.MAX_NODES) {
        throw new IllegalArgumentException("--nodes is " + n + "; a failover cluster has " + ClusterSpec.MIN_NODES
            + " to " + ClusterSpec.MAX_NODES + " nodes");
      }
      this.nodes = n;
      return this;
    }

    /**
     * Sets the number of VMs.
     *
     * @param n 1 to 1000
     * @return this
     * @throws IllegalArgumentException when out of range
     */
    public Builder vms(int n) {
      if (n < 1 || n > 1000) {
        throw new IllegalArgumentException("--vms is " + n + "; allowed: 1 to 1000");
      }
      this.vms = n;
      return this;
    }

    /**
     * Sets the number of scenarios.
     *
     * @param n 1 or more
     * @return this
     * @throws IllegalArgumentException when less than 1
     */
    public Builder scenarios(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("--scenarios is " + n + "; run at least 1");
      }
      this.scenarios = n;
      return this;
    }

    /**
     * Sets the seed; scenario {@code i} uses {@code Seeds.forTry(seed, i)}.
     *
     * @param newSeed the seed
     * @return this
     */
    public Builder seed(long newSeed) {
      this.seed = newSeed;
      return this;
    }

    /**
     * Sets the most faults per plan.
     *
     * @param max 0 to 20
     * @return this
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxFaults(int max) {
      if (max < 0 || max > 20) {
        throw new IllegalArgumentException("--max-faults is " + max + "; allowed: 0 to 20");
      }
      this.maxFaults = max;
      return this;
    }

    /**
     * Enables deliberate engine defects (to see the checkers catch them). {@link Defect} is exported only
     * to the testkit and the command-line tool, so only they can call this.
     *
     * @param defects the defects
     * @return this
     */
    @SuppressWarnings("exports")
    public Builder defects(Defect... defects) {
      this.settings = settings.defects(defects);
      return this;
    }

    /**
     * Sets how many runs shrinking the first failure may take.
     *
     * @param runs 0 or more
     * @return this
     */
    public Builder maxShrinkRuns(int runs) {
      this.maxShrinkRuns = Math.max(0, runs);
      return this;
    }

    /**
     * Sets the listener that hears about each finished scenario (for a progress display).
     *
     * @param newListener the listener
     * @return this
     */
    public Builder listener(TortureListener newListener) {
      this.listener = Objects.requireNonNull(newListener, "listener");
      return this;
    }

    /**
     * Builds the run.
     *
     * @return the torture run
     */
    public Torture build() {
      return new Torture(this);
    }
  }
}
