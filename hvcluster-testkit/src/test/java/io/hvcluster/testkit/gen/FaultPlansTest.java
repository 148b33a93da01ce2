package io.hvcluster.testkit.gen;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.fake.FakeCluster;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.testkit.fake.Specs;
import io.hvcluster.testkit.fault.Fault;
import io.hvcluster.testkit.fault.FaultBudget;
import io.hvcluster.testkit.fault.FaultKind;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.fault.HostSelector;
import io.hvcluster.testkit.fault.LunSelector;
import io.hvcluster.testkit.fault.VmSelector;
import io.hvcluster.testkit.property.Gen;
import io.hvcluster.testkit.property.Property;
import io.hvcluster.testkit.property.Shrinkable;
import java.lang.reflect.RecordComponent;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class FaultPlansTest {
  private static final ClusterSpec SPEC = Specs.cluster(4, 3);

  private static List<FaultPlan> sample(Gen<FaultPlan> gen, long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    return IntStream.range(0, count).mapToObj(i -> gen.sample(random)).collect(Collectors.toList());
  }

  @Test
  void generatedPlansAndTheirShrinksStayWithinTheBudget() {
    FaultBudget budget = FaultBudget.tolerating(SPEC);
    Gen<FaultPlan> gen = FaultPlans.builder(SPEC).maxFaults(8).build();
    Property.forAll(gen.map(p -> p)).named("in budget").seed(3).tries(200).check((plan, info) -> {
      assertThat(budget.classify(plan, 4).reasons()).isEmpty();
    }).assertPassed();
    Shrinkable<FaultPlan> s = gen.generate(new SplittableRandom(4));
    assertThat(s.shrinks().limit(200)).allMatch(c -> budget.admits(c.value(), 4));
  }

  @Test
  void everyApplicableKindIsGenerated() {
    Set<FaultKind> seen = sample(FaultPlans.builder(SPEC).budget(FaultBudget.unlimited()).maxFaults(6).build(), 5, 600)
        .stream().flatMap(p -> p.faults().stream()).map(Fault::kind).collect(Collectors.toSet());
    assertThat(seen).isEqualTo(FaultPlans.applicableKinds(SPEC));
  }

  @Test
  void targetsOnlyNameEntitiesOfTheCluster() {
    FakeCluster cluster = new FakeCluster(SPEC).run("vm1", "node1").run("vm2", "node3").own("csv1", "node2")
        .own("witness", "node4");
    SplittableRandom random = new SplittableRandom(0);
    for (FaultPlan plan : sample(FaultPlans.builder(SPEC).exceedBudget().maxFaults(6).build(), 6, 300)) {
      for (Fault f : plan.faults()) {
        for (RecordComponent c : f.getClass().getRecordComponents()) {
          Object v = read(c, f);
          if (v instanceof HostSelector) {
            ((HostSelector) v).resolve(cluster, random);
          } else if (v instanceof LunSelector) {
            ((LunSelector) v).resolve(cluster, random);
          } else if (v instanceof VmSelector) {
            ((VmSelector) v).resolve(cluster, random);
          }
        }
      }
    }
  }

  private static Object read(RecordComponent c, Fault f) {
    try {
      return c.getAccessor().invoke(f);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void exceedingTheBudgetProducesOutOfModelPlans() {
    FaultBudget budget = FaultBudget.tolerating(SPEC);
    List<FaultPlan> plans = sample(FaultPlans.builder(SPEC).exceedBudget().maxFaults(8).build(), 7, 300);
    assertThat(plans).anyMatch(p -> !budget.admits(p, 4));
  }

  private static double distinctKindsPerPlan(Gen<FaultPlan> gen) {
    return sample(gen, 8, 300).stream().filter(p -> p.size() >= 6)
        .mapToInt(p -> (int) p.faults().stream().map(Fault::kind).distinct().count()).average().orElseThrow();
  }

  @Test
  void swarmModeConcentratesEachPlanOnASubsetOfKinds() {
    FaultPlans.Builder b = FaultPlans.builder(SPEC).budget(FaultBudget.unlimited()).maxFaults(10);
    double plain = distinctKindsPerPlan(b.build());
    double swarm = distinctKindsPerPlan(b.swarm().build());
    assertThat(swarm).isLessThan(plain);
    Map<FaultKind, Integer> w = FaultPlans.swarmWeights(EnumSet.allOf(FaultKind.class), new SplittableRandom(1));
    assertThat(w).isNotEmpty().hasSizeLessThan(FaultKind.values().length);
    assertThat(w.values()).allMatch(v -> v >= 1 && v <= 10);
    assertThat(FaultPlans.swarmWeights(EnumSet.allOf(FaultKind.class), new SplittableRandom(2))).isNotEqualTo(w);
  }

  @Test
  void plansRoundTripThroughJson() {
    for (FaultPlan plan : sample(FaultPlans.builder(SPEC).exceedBudget().build(), 9, 200)) {
      assertThat(FaultPlan.fromJson(plan.toJson())).isEqualTo(plan);
    }
  }

  @Test
  void kindsCanBeRestrictedAndWeighted() {
    List<FaultPlan> plans = sample(FaultPlans.builder(SPEC).kinds(Set.of(FaultKind.HOST_CRASH, FaultKind.BIT_ROT))
        .weights(Map.of(FaultKind.BIT_ROT, 0)).budget(FaultBudget.unlimited()).build(), 10, 100);
    assertThat(plans.stream().flatMap(p -> p.faults().stream()).map(Fault::kind).distinct())
        .containsExactly(FaultKind.HOST_CRASH);
  }

  @Test
  void smallClustersGetOnlyApplicableKinds() {
    assertThat(FaultPlans.applicableKinds(Specs.cluster(2, 0))).doesNotContain(FaultKind.MAJORITIES_RING,
        FaultKind.BRIDGE, FaultKind.VM_CRASH, FaultKind.MIGRATION_SOURCE_CRASH).contains(FaultKind.WITNESS_LOSS);
  }
}
