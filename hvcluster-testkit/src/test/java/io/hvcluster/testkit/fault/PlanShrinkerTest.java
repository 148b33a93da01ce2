package io.hvcluster.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.HostId;
import io.hvcluster.testkit.property.Shrinkable;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class PlanShrinkerTest {
  private static final Heal HEAL = Heal.at(Duration.ofMinutes(2));

  /** Greedy shrinking, as the property runner does it. */
  private static FaultPlan shrink(FaultPlan plan, Predicate<FaultPlan> fails) {
    Shrinkable<FaultPlan> current = Shrinkable.unfold(plan, FaultPlan::shrinks);
    for (int attempts = 0; attempts < 10_000; ) {
      boolean moved = false;
      for (Iterator<Shrinkable<FaultPlan>> it = current.shrinks().iterator(); it.hasNext(); ) {
        Shrinkable<FaultPlan> c = it.next();
        attempts++;
        if (fails.test(c.value())) {
          current = c;
          moved = true;
          break;
        }
      }
      if (!moved) {
        return current.value();
      }
    }
    throw new AssertionError("shrinking did not converge");
  }

  static boolean twoCrashesOfOneNode(FaultPlan plan) {
    Map<HostId, Integer> crashes = new TreeMap<>();
    for (Fault f : plan.faults()) {
      if (f instanceof HostCrash && ((HostCrash) f).hosts() instanceof HostSelector.Explicit) {
        ((HostSelector.Explicit) ((HostCrash) f).hosts()).hosts().forEach(h -> crashes.merge(h, 1, Integer::sum));
      }
    }
    return crashes.values().stream().anyMatch(c -> c >= 2);
  }

  @Test
  void twoCrashesOfTheSameNodeShrinkToExactlyThoseAtTheStart() {
    FaultPlan plan = FaultPlan.of(HEAL,
        new Split(HostSelector.minority(), Timing.atSeconds(3).lasting(Duration.ofSeconds(20))),
        new HostCrash(HostSelector.explicit("node1", "node2"), Timing.atSeconds(17).lasting(Duration.ofSeconds(41))),
        new BitRot(LunSelector.one(), 12, Timing.atSeconds(30)),
        new HostCrash(HostSelector.explicit("node3"), Timing.atSeconds(44)),
        new HostCrash(HostSelector.explicit("node2", "node3"), Timing.atSeconds(75).lasting(Duration.ofSeconds(9))));
    FaultPlan minimal = shrink(plan, PlanShrinkerTest::twoCrashesOfOneNode);
    assertThat(minimal.faults()).hasSize(2).allMatch(f -> f instanceof HostCrash && f.at().isZero());
    List<HostSelector> targets = minimal.faults().stream().map(f -> ((HostCrash) f).hosts()).collect(Collectors.toList());
    assertThat(targets.get(0)).isEqualTo(targets.get(1));
    assertThat(((HostSelector.Explicit) targets.get(0)).hosts()).hasSize(1);
    assertThat(minimal.heal().at()).isZero();
  }

  @Test
  void shrinkingIsDeterministic() {
    FaultPlan plan = new FaultPlan(AllKinds.faults(), HEAL);
    Predicate<FaultPlan> fails = p -> p.faults().stream().anyMatch(f -> f instanceof PathDown);
    assertThat(shrink(plan, fails)).isEqualTo(shrink(plan, fails));
    FaultPlan minimal = shrink(plan, fails);
    assertThat(minimal.faults()).hasSize(1);
    assertThat(minimal.faults().get(0).at()).isZero();
    assertThat(minimal.faults().get(0).duration()).contains(Duration.ofMillis(1));
  }

  @Test
  void candidatesAreValidAndFirstTryRemovingEverything() {
    FaultPlan plan = new FaultPlan(AllKinds.faults(), HEAL);
    assertThat(plan.shrinks().findFirst()).contains(FaultPlan.empty(HEAL));
    assertThat(plan.shrinks().limit(100)).allSatisfy(c -> assertThat(FaultPlan.fromJson(c.toJson())).isEqualTo(c));
  }

  @Test
  void parametersShrinkWithinTheirValidRange() {
    FaultPlan plan = FaultPlan.of(HEAL, new HeartbeatLoss(HostSelector.one(), 80, Timing.atSeconds(0)));
    FaultPlan minimal = shrink(plan, p -> !p.faults().isEmpty());
    assertThat(((HeartbeatLoss) minimal.faults().get(0)).lossPercent()).isEqualTo(1);
  }

  @Test
  void anEmptyPlanHasNoCandidatesButAnEarlierHeal() {
    assertThat(FaultPlan.empty(HEAL).shrinks().map(p -> p.heal().at()).findFirst()).contains(Duration.ZERO);
    assertThat(FaultPlan.empty(Heal.at(Duration.ZERO)).shrinks()).isEmpty();
  }
}
