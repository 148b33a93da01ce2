package io.hvcluster.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.event.GroupPlaced;
import io.hvcluster.api.event.MigrationStarted;
import io.hvcluster.api.migration.MigrationContext;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.placement.PlacementDecision;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.api.placement.PlacementRequest;
import io.hvcluster.core.migration.QuickMigration;
import io.hvcluster.core.placement.Placements;
import io.hvcluster.testkit.engine.ClusterRun;
import io.hvcluster.testkit.engine.EngineRun;
import io.hvcluster.testkit.engine.EngineScenarios;
import io.hvcluster.testkit.engine.EngineSettings;
import io.hvcluster.testkit.fake.Specs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A user's placement policy and planned-move strategy go into the engine's runs from the first
 * placement on, through {@link EngineRun}, {@link EngineSettings} and {@link ClusterProperty}.
 */
final class StrategiesUnderTestTest {
  /** The default policy under another name, remembering the reasons it was asked for. */
  public static final class Recording implements PlacementPolicy {
    final List<PlacementReason> reasons = new ArrayList<>();

    /** Creates the policy; the extension calls this once per try. */
    public Recording() {}

    @Override
    public PlacementDecision place(PlacementRequest request) {
      reasons.add(request.reason());
      return Placements.wsfcDefault().place(request);
    }

    @Override
    public String name() {
      return "recording";
    }

    long initial() {
      return reasons.stream().filter(r -> r == PlacementReason.INITIAL).count();
    }
  }

  /** Quick Migration under another name. */
  public static final class Renamed implements MigrationStrategy {
    /** Creates the strategy. */
    public Renamed() {}

    @Override
    public String name() {
      return "renamed-quick";
    }

    @Override
    public void start(MigrationContext context) {
      QuickMigration.lazy().start(context);
    }
  }

  /** Returns who decided each placement, as GroupPlaced names it. */
  private static List<String> deciders(List<?> events) {
    List<String> names = new ArrayList<>();
    for (Object e : events) {
      if (e instanceof GroupPlaced placed) {
        names.add(placed.policy());
      }
    }
    return names;
  }

  @Test
  void anEngineRunPlacesTheFirstStartWithTheGivenPolicy() {
    Recording policy = new Recording();
    List<Object> events = new ArrayList<>();
    try (ClusterRun run = EngineRun.of(Specs.cluster(3, 4)).seed(3).placementPolicy(policy)
        .listeners(events::add).start()) {
      assertThat(run.settled()).isTrue();
      assertThat(run.cluster().placementPolicy()).isSameAs(policy);
      assertThat(policy.initial()).isEqualTo(run.cluster().groups().size());
      assertThat(deciders(events)).isNotEmpty().containsOnly("recording");
    }
  }

  @Test
  void settingsMakeANewPolicyForEveryRun() {
    AtomicInteger made = new AtomicInteger();
    Set<Recording> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    EngineSettings settings = EngineSettings.defaults().placementPolicy(() -> {
      made.incrementAndGet();
      return new Recording();
    });
    for (long seed = 1; seed <= 2; seed++) {
      try (ClusterRun run = EngineRun.of(Specs.cluster(3, 4)).seed(seed).settings(settings).start()) {
        Recording policy = (Recording) run.cluster().placementPolicy();
        assertThat(policy.initial()).isEqualTo(run.cluster().groups().size());
        seen.add(policy);
      }
    }
    assertThat(made).hasValue(2);
    assertThat(seen).hasSize(2);
  }

  @Test
  void aDrainMovesRunningVmsWithThePlannedMoveStrategy() {
    List<Object> events = new ArrayList<>();
    try (ClusterRun run = EngineRun.of(Specs.cluster(3, 4)).seed(4).plannedMoves(new Renamed())
        .listeners(events::add).start()) {
      assertThat(run.plannedMoves()).isInstanceOf(Renamed.class);
      Cluster cluster = run.cluster();
      HostId busy = cluster.hosts().stream().filter(h -> !h.vms().isEmpty()).findFirst().orElseThrow().id();
      cluster.drainNode(busy);
      run.simulation().runFor(Duration.ofMinutes(5));
      List<String> strategies = events.stream().filter(MigrationStarted.class::isInstance)
          .map(e -> ((MigrationStarted) e).strategy()).toList();
      assertThat(strategies).isNotEmpty().containsOnly("renamed-quick");
      assertThat(cluster.host(busy).vms()).isEmpty();
    }
  }

  @Test
  void aClusterPropertyPutsItsPolicyAndStrategyIntoEveryTryFromTheFirstPlacement() {
    UnderTest.POLICIES.clear();
    EngineExecutionResults results = EngineRuns.run(UnderTest.class);
    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    Set<Recording> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    distinct.addAll(UnderTest.POLICIES);
    assertThat(UnderTest.POLICIES).hasSize(3);
    assertThat(distinct).as("a new policy for every try").hasSize(3);
  }

  @Test
  void aPolicyOnASourceThatDoesNotRunTheEngineIsRefused() {
    Throwable failure = EngineRuns.firstTestFailure(EngineRuns.run(NotOnTheEngine.class));
    assertThat(failure).hasMessageContaining("names a placement policy or a planned-move strategy")
        .hasMessageContaining("use EngineScenarios");
  }

  @Fixture
  static final class UnderTest {
    static final List<Recording> POLICIES = new ArrayList<>();

    @ClusterProperty(tries = 3, seed = 16, scenarios = EngineScenarios.class, placementPolicy = Recording.class,
        plannedMoves = Renamed.class)
    void thePolicyPlacedEveryGroupOfTheFirstStart(ClusterRun run, Recording policy, MigrationStrategy strategy,
        Cluster cluster) {
      POLICIES.add(policy);
      assertThat(cluster.placementPolicy()).isSameAs(policy);
      assertThat(strategy).isInstanceOf(Renamed.class);
      assertThat(policy.initial()).isGreaterThanOrEqualTo(cluster.groups().size());
      run.runToEnd();
    }
  }

  @Fixture
  static final class NotOnTheEngine {
    @ClusterProperty(tries = 1, placementPolicy = Recording.class)
    void never(Scenario scenario) {
      throw new AssertionError("must not run");
    }
  }
}
