package io.hvcluster.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.testkit.check.Coverage;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.gen.ClusterSpecJson;
import io.hvcluster.testkit.property.TryInfo;
import io.hvcluster.testkit.workload.Workload;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

final class ClusterScenariosTest {
  private final ClusterScenarios source = new ClusterScenarios();

  @Test
  void trialsSupplyEveryDeclaredType() {
    Scenario scenario = source.generator().sample(new SplittableRandom(1));
    Trial trial = source.open(scenario, new TrialContext(new TryInfo(1, 0, 0), new Coverage()));
    assertThat(source.parameterTypes()).containsExactlyInAnyOrder(Scenario.class, ClusterSpec.class, Workload.class,
        FaultPlan.class, RandomGenerator.class);
    for (Class<?> type : source.parameterTypes()) {
      assertThat(trial.argument(type)).isInstanceOf(type);
    }
  }

  @Test
  void theBodysRandomSourceDependsOnlyOnTheTrySeed() {
    Scenario scenario = source.generator().sample(new SplittableRandom(2));
    TrialContext context = new TrialContext(new TryInfo(99, 3, 0), new Coverage());
    RandomGenerator a = (RandomGenerator) source.open(scenario, context).argument(RandomGenerator.class);
    RandomGenerator b = (RandomGenerator) source.open(scenario, new TrialContext(new TryInfo(99, 3, 7), new Coverage()))
        .argument(RandomGenerator.class);
    assertThat(a.nextLong()).isEqualTo(b.nextLong());
  }

  @Test
  void descriptionsShowTheClusterAsJsonThenWorkloadTimelineBudgetAndPlanAsJson() {
    Scenario scenario = source.generator().sample(new SplittableRandom(3));
    String text = source.describe(scenario);
    assertThat(text).startsWith("cluster as JSON (ClusterSpecJson.fromJson):\n{\n  \"name\": \"HV1\"")
        .contains("\nworkload: ").contains("\nfault plan: ").contains("\nbudget: IN_MODEL")
        .contains("plan as JSON (FaultPlan.fromJson):\n{");
    String cluster = text.substring(text.indexOf('{'), text.indexOf("\n}") + 2);
    assertThat(ClusterSpecJson.fromJson(cluster)).isEqualTo(scenario.spec());
    String plan = text.substring(text.indexOf("plan as JSON (FaultPlan.fromJson):\n") + 35);
    assertThat(FaultPlan.fromJson(plan)).isEqualTo(scenario.plan());
  }
}
