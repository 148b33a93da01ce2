package io.hvcluster.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.testkit.check.Coverage;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.fault.HostCrash;
import io.hvcluster.testkit.fault.HostSelector;
import io.hvcluster.testkit.property.PropertyFailure;
import io.hvcluster.testkit.property.Seeds;
import io.hvcluster.testkit.property.TryInfo;
import io.hvcluster.testkit.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.platform.testkit.engine.EngineExecutionResults;

final class ClusterPropertyExtensionTest {
  @BeforeEach
  void resetFixtures() {
    Passing.TRIES.set(0);
    Passing.SEEDS.clear();
    TwoCrashes.FAILURES.clear();
    TwoCrashes.GENERATED.set(0);
    FixedSeed.SEEN.clear();
    Lifecycle.OPENED.set(0);
    Lifecycle.CLOSED.set(0);
  }

  @Test
  void aPassingPropertyRunsEveryTryWithTheScenarioInjected() {
    EngineExecutionResults results = EngineRuns.run(Passing.class);
    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    assertThat(Passing.TRIES).hasValue(20);
    assertThat(Passing.SEEDS).hasSize(20).doesNotHaveDuplicates().first().isEqualTo(42L);
    assertThat(EngineRuns.reportEntry(results, "hvcluster.seed")).isEqualTo(Seeds.format(42));
    assertThat(EngineRuns.reportEntry(results, "hvcluster.tries")).isEqualTo("20");
  }

  @Test
  void aFailingPropertyShrinksToExactlyTheTwoCrashesAtTheStart() {
    EngineExecutionResults results = EngineRuns.run(TwoCrashes.class);
    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
    FaultPlan minimal = TwoCrashes.FAILURES.get(TwoCrashes.FAILURES.size() - 1);
    assertThat(minimal.faults()).hasSize(2).allMatch(f -> f instanceof HostCrash && f.at().isZero());
    HostSelector first = ((HostCrash) minimal.faults().get(0)).hosts();
    assertThat(((HostCrash) minimal.faults().get(1)).hosts()).isEqualTo(first);
    assertThat(((HostSelector.Explicit) first).hosts()).hasSize(1);
    Throwable failure = EngineRuns.firstTestFailure(results);
    assertThat(failure).isInstanceOf(PropertyFailure.class);
    assertThat(failure.getMessage())
        .contains("Property 'io.hvcluster.testkit.junit.ClusterPropertyExtensionTest$TwoCrashes#noNodeCrashesTwice' failed")
        .contains("(seed " + Seeds.format(7) + ")")
        .contains("shrunk counterexample:")
        .contains(minimal.toJson().stripTrailing().replace("\n", "\n  "))
        .contains("replay: @ClusterProperty(seed = 0x")
        .contains("-Dtest='ClusterPropertyExtensionTest$TwoCrashes#noNodeCrashesTwice' -Dhvcluster.replay='0x");
    assertThat(failure.getCause()).hasMessageStartingWith("node crashed twice");
  }

  @Test
  void replayingTheReportedSeedReproducesTheFailureInOneTry() {
    EngineExecutionResults first = EngineRuns.run(TwoCrashes.class);
    FaultPlan minimal = TwoCrashes.FAILURES.get(TwoCrashes.FAILURES.size() - 1);
    FaultPlan original = TwoCrashes.FAILURES.get(0);
    String seed = EngineRuns.reportEntry(first, "hvcluster.failingTrySeed");
    resetFixtures();
    EngineExecutionResults replay = EngineRuns.run(TwoCrashes.class, PropertySettings.REPLAY, seed);
    replay.testEvents().assertStatistics(s -> s.failed(1));
    assertThat(TwoCrashes.GENERATED).hasValue(1);
    assertThat(TwoCrashes.FAILURES.get(0)).isEqualTo(original);
    assertThat(TwoCrashes.FAILURES.get(TwoCrashes.FAILURES.size() - 1)).isEqualTo(minimal);
    assertThat(EngineRuns.reportEntry(replay, "hvcluster.seed")).isEqualTo(seed);
  }

  @Test
  void theReplayLineRunsTheShrunkCounterexampleAloneAndFailsAgain() {
    EngineExecutionResults first = EngineRuns.run(TwoCrashes.class);
    FaultPlan minimal = TwoCrashes.FAILURES.get(TwoCrashes.FAILURES.size() - 1);
    String replayLine = EngineRuns.reportEntry(first, "hvcluster.replay");
    String replay = replayLine.substring(replayLine.indexOf("-D" + PropertySettings.REPLAY + "=")
        + PropertySettings.REPLAY.length() + 3).strip().replace("'", "");
    assertThat(replay).as("seed/shrink path").contains("/");
    assertThat(replayLine).contains("shrinkPath = \"" + replay.substring(replay.indexOf('/') + 1) + "\"");
    resetFixtures();
    EngineExecutionResults again = EngineRuns.run(TwoCrashes.class, PropertySettings.REPLAY, replay);
    again.testEvents().assertStatistics(s -> s.failed(1));
    // One run of the body, with the shrunk plan: no original try, no shrinking.
    assertThat(TwoCrashes.FAILURES).containsExactly(minimal);
    Throwable failure = EngineRuns.firstTestFailure(again);
    assertThat(failure).hasMessageContaining("replayed along its shrink path")
        .hasMessageContaining(minimal.toJson().stripTrailing().replace("\n", "\n  "));
  }

  @Test
  void aFailurePrintsItsReportOnce() {
    Throwable failure = EngineRuns.firstTestFailure(EngineRuns.run(TwoCrashes.class));
    java.io.StringWriter trace = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(trace));
    String printed = trace.toString();
    assertThat(printed.split("node crashed twice", -1)).as("the error's text, in\n" + printed).hasSize(3);
    assertThat(printed).contains("Caused by: java.lang.AssertionError: node crashed twice in (in full above)")
        .containsOnlyOnce("shrunk counterexample:").containsOnlyOnce("replay: ");
  }

  @Test
  void theSameSeedGivesTheSameRun() {
    EngineRuns.run(TwoCrashes.class);
    List<FaultPlan> firstRun = new ArrayList<>(TwoCrashes.FAILURES);
    resetFixtures();
    EngineRuns.run(TwoCrashes.class);
    assertThat(TwoCrashes.FAILURES).isEqualTo(firstRun);
  }

  @Test
  void theTriesMultiplierScalesEveryProperty() {
    EngineRuns.run(Passing.class, PropertySettings.MULTIPLIER, "3").testEvents().assertStatistics(s -> s.succeeded(1));
    assertThat(Passing.TRIES).hasValue(60);
  }

  @Test
  void aBadMultiplierIsReportedWithWhatIsAllowed() {
    Throwable failure = EngineRuns.firstTestFailure(EngineRuns.run(Passing.class, PropertySettings.MULTIPLIER, "lots"));
    assertThat(failure).hasMessageContaining("hvcluster.tries.multiplier is 'lots'").hasMessageContaining("1 or more");
  }

  @Test
  void aSeedInTheAnnotationReplaysThatTry() {
    EngineRuns.run(FixedSeed.class).testEvents().assertStatistics(s -> s.succeeded(1));
    FaultPlan expected = new ClusterScenarios().generator().sample(new SplittableRandom(0x5EEDL)).plan();
    assertThat(FixedSeed.SEEN).containsExactly(expected);
  }

  @Test
  void aDifferentSuiteSeedChangesDerivedSeeds() {
    EngineRuns.run(Derived.class);
    long plain = Derived.seed;
    EngineRuns.run(Derived.class, PropertySettings.SEED, "17");
    assertThat(Derived.seed).isNotEqualTo(plain);
    EngineRuns.run(Derived.class);
    assertThat(Derived.seed).isEqualTo(plain);
  }

  @Test
  void trialsAreOpenedAndClosedForEveryTryAndShrinkStep() {
    EngineExecutionResults results = EngineRuns.run(Lifecycle.class);
    results.testEvents().assertStatistics(s -> s.failed(1));
    assertThat(Lifecycle.OPENED.get()).isGreaterThan(1).isEqualTo(Lifecycle.CLOSED.get());
    assertThat(EngineRuns.firstTestFailure(results).getCause()).hasMessageContaining("verify failed for 1 crash");
  }

  @Test
  void requiredProbesThatWereNeverHitFailTheClass() {
    EngineExecutionResults results = EngineRuns.run(MissingProbe.class);
    results.testEvents().assertStatistics(s -> s.succeeded(1));
    assertThat(EngineRuns.firstContainerFailure(results)).get().asString()
        .contains("coverage probes never hit: [never-hit]").contains("hit  passing-ran");
    EngineRuns.run(AllProbesHit.class).containerEvents().assertStatistics(s -> s.failed(0));
  }

  @Test
  void aScenarioSourceWithoutANoArgumentConstructorIsReported() {
    Throwable failure = EngineRuns.firstTestFailure(EngineRuns.run(BadSource.class));
    assertThat(failure).hasMessageContaining("cannot create scenario source").hasMessageContaining("no-argument constructor");
  }

  @Test
  void parametersNoSourceSuppliesAreLeftToJunit() {
    Throwable failure = EngineRuns.firstTestFailure(EngineRuns.run(UnknownParameter.class));
    assertThat(failure).hasMessageContaining("No ParameterResolver registered for parameter [java.lang.String");
  }

  @Fixture
  static final class Passing {
    static final AtomicInteger TRIES = new AtomicInteger();
    static final List<Long> SEEDS = new ArrayList<>();

    @ClusterProperty(tries = 20, seed = 42)
    void everyPlanStartsByItsHealPhase(Scenario scenario, ClusterSpec spec, FaultPlan plan, Workload workload,
        TryInfo info, Coverage coverage, RandomGenerator random, TestInfo testInfo) {
      TRIES.incrementAndGet();
      SEEDS.add(info.seed());
      assertThat(spec).isSameAs(scenario.spec());
      assertThat(plan).isSameAs(scenario.plan());
      assertThat(workload).isSameAs(scenario.workload());
      assertThat(scenario.verdict().inModel()).isTrue();
      assertThat(plan.faults()).allMatch(f -> f.at().compareTo(plan.heal().at()) <= 0);
      assertThat(random).isNotNull();
      assertThat(testInfo.getTestMethod()).isPresent();
      coverage.reachable("passing-ran");
    }
  }

  @Fixture
  static final class TwoCrashes {
    static final List<FaultPlan> FAILURES = new ArrayList<>();
    static final AtomicInteger GENERATED = new AtomicInteger();

    @ClusterProperty(tries = 300, seed = 7, scenarios = CrashHeavyPlans.class)
    void noNodeCrashesTwice(FaultPlan plan, TryInfo info) {
      if (!info.shrinking()) {
        GENERATED.incrementAndGet();
      }
      if (CrashHeavyPlans.twoCrashesOfOneNode(plan)) {
        FAILURES.add(plan);
        throw new AssertionError("node crashed twice in\n" + plan.timeline());
      }
    }
  }

  @Fixture
  static final class FixedSeed {
    static final List<FaultPlan> SEEN = new ArrayList<>();

    @ClusterProperty(seed = 0x5EEDL, tries = 1)
    void replay(FaultPlan plan) {
      SEEN.add(plan);
    }
  }

  @Fixture
  static final class Derived {
    static long seed;

    @ClusterProperty(tries = 1)
    void recordsItsSeed(TryInfo info) {
      seed = info.seed();
    }
  }

  /** Counts trial lifecycle calls; verify() fails for plans with a host crash. */
  public static final class CountingSource implements ScenarioSource<FaultPlan> {
    private final CrashHeavyPlans plans = new CrashHeavyPlans();

    public CountingSource() {}

    @Override
    public io.hvcluster.testkit.property.Gen<FaultPlan> generator() {
      return plans.generator();
    }

    @Override
    public Set<Class<?>> parameterTypes() {
      return Set.of(FaultPlan.class);
    }

    @Override
    public Trial open(FaultPlan plan, TrialContext context) {
      Lifecycle.OPENED.incrementAndGet();
      return new Trial() {
        @Override
        public Object argument(Class<?> type) {
          return plan;
        }

        @Override
        public void verify() {
          long crashes = plan.faults().stream().filter(f -> f instanceof HostCrash).count();
          if (crashes > 0) {
            throw new AssertionError("verify failed for " + crashes + " crash" + (crashes == 1 ? "" : "es"));
          }
        }

        @Override
        public void close() {
          Lifecycle.CLOSED.incrementAndGet();
        }
      };
    }
  }

  @Fixture
  static final class Lifecycle {
    static final AtomicInteger OPENED = new AtomicInteger();
    static final AtomicInteger CLOSED = new AtomicInteger();

    @ClusterProperty(tries = 50, seed = 3, scenarios = CountingSource.class)
    void bodyPasses(FaultPlan plan) {
      assertThat(plan).isNotNull();
    }
  }

  @Fixture
  @RequireProbes({"passing-ran", "never-hit"})
  static final class MissingProbe {
    @ClusterProperty(tries = 3)
    void hitsOneProbe(Coverage coverage) {
      coverage.reachable("passing-ran");
      coverage.sometimes("never-hit", false);
    }
  }

  @Fixture
  @RequireProbes("hit-by-plain-test")
  static final class AllProbesHit {
    @Test
    void plainTestsGetCoverageToo(Coverage coverage) {
      coverage.reachable("hit-by-plain-test");
    }
  }

  /** A scenario source JUnit cannot create. */
  public static final class NeedsArgument extends ClusterScenarios {
    public NeedsArgument(int unused) {
      super();
    }
  }

  @Fixture
  static final class BadSource {
    @ClusterProperty(scenarios = NeedsArgument.class)
    void neverRuns(FaultPlan plan) {}
  }

  @Fixture
  static final class UnknownParameter {
    @ClusterProperty(tries = 1)
    void wantsAString(String text) {}
  }
}
