package io.hvcluster.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testkit.fake.Specs;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

final class FaultBudgetTest {
  private static final Heal HEAL = Heal.at(Duration.ofMinutes(2));

  @Test
  void twoNodesWithAWitnessTolerateTheWitnessOrOneNodeButNotBoth() {
    FaultBudget budget = FaultBudget.tolerating(Specs.cluster(2, 1));
    Fault crash = new HostCrash(HostSelector.one(), Timing.atSeconds(10).lasting(Duration.ofSeconds(30)));
    Fault witness = new WitnessLoss(HostSelector.all(), Timing.atSeconds(20).lasting(Duration.ofSeconds(5)));
    Fault laterWitness = new WitnessLoss(HostSelector.all(), Timing.atSeconds(60).lasting(Duration.ofSeconds(5)));
    assertThat(budget.admits(FaultPlan.of(HEAL, crash), 2)).isTrue();
    assertThat(budget.admits(FaultPlan.of(HEAL, witness), 2)).isTrue();
    assertThat(budget.admits(FaultPlan.of(HEAL, crash, laterWitness), 2)).isTrue();
    BudgetVerdict both = budget.classify(FaultPlan.of(HEAL, crash, witness), 2);
    assertThat(both.fit()).isEqualTo(BudgetVerdict.Fit.OUT_OF_MODEL);
    assertThat(both.reasons()).anyMatch(r -> r.contains("witness or one node, not both"));
  }

  @Test
  void concurrentHostFailuresAreCountedFromSelectors() {
    FaultBudget budget = FaultBudget.builder().maxConcurrentHostFailures(2).build();
    Fault minority = new HostCrash(HostSelector.minority(), Timing.atSeconds(0));
    Fault one = new HostHang(HostSelector.one(), Timing.atSeconds(5).lasting(Duration.ofSeconds(1)));
    assertThat(budget.admits(FaultPlan.of(HEAL, minority, one), 5)).isFalse();
    assertThat(budget.admits(FaultPlan.of(HEAL, minority, one), 4)).isTrue();
    assertThat(budget.classify(FaultPlan.of(HEAL, minority, one), 5).reasons())
        .containsExactly("at 5s, 3 concurrent host failures exceed the budget of 2");
  }

  @Test
  void faultsThatHealedNoLongerCount() {
    FaultBudget budget = FaultBudget.builder().maxConcurrentHostFailures(1).build();
    Fault first = new HostCrash(HostSelector.one(), Timing.atSeconds(0).lasting(Duration.ofSeconds(10)));
    Fault second = new HostCrash(HostSelector.one(), Timing.atSeconds(10).lasting(Duration.ofSeconds(10)));
    assertThat(budget.admits(FaultPlan.of(HEAL, first, second), 3)).isTrue();
  }

  @Test
  void kindsOutsideTheModelAreTagged() {
    FaultBudget budget = FaultBudget.builder().kinds(EnumSet.of(FaultKind.HOST_CRASH)).build();
    BudgetVerdict v = budget.classify(FaultPlan.of(HEAL, new BitRot(LunSelector.one(), 1, Timing.atSeconds(1))), 3);
    assertThat(v.inModel()).isFalse();
    assertThat(v).hasToString("OUT_OF_MODEL: bit-rot is not in the model");
  }

  @Test
  void nodeMajorityToleratesAMinority() {
    assertThat(FaultBudget.tolerating(io.hvcluster.api.spec.ClusterSpec.builder("c")
        .quorum(io.hvcluster.api.spec.QuorumModel.NODE_MAJORITY)
        .host(io.hvcluster.api.spec.HostSpec.builder("a").build()).host(io.hvcluster.api.spec.HostSpec.builder("b").build())
        .host(io.hvcluster.api.spec.HostSpec.builder("c").build()).host(io.hvcluster.api.spec.HostSpec.builder("d").build())
        .host(io.hvcluster.api.spec.HostSpec.builder("e").build())
        .storage(io.hvcluster.api.spec.StorageSpec.iscsi(java.util.List.of())).build()).maxConcurrentHostFailures())
        .isEqualTo(2);
  }

  @Test
  void unlimitedAdmitsEverything() {
    FaultPlan plan = new FaultPlan(AllKinds.faults(), HEAL);
    assertThat(FaultBudget.unlimited().admits(plan, 4)).isTrue();
    assertThat(FaultBudget.tolerating(Specs.cluster(4, 2)).admits(plan, 4)).isFalse();
  }
}
