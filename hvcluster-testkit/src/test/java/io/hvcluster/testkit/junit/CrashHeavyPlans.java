package io.hvcluster.testkit.junit;

import io.hvcluster.api.HostId;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.testkit.fake.Specs;
import io.hvcluster.testkit.fault.Fault;
import io.hvcluster.testkit.fault.FaultBudget;
import io.hvcluster.testkit.fault.FaultKind;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.fault.HostCrash;
import io.hvcluster.testkit.fault.HostSelector;
import io.hvcluster.testkit.gen.FaultPlans;
import io.hvcluster.testkit.property.Gen;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Fault plans for a fixed four-node cluster, rich in host crashes; a scenario source of plain plans. */
public final class CrashHeavyPlans implements ScenarioSource<FaultPlan> {
  static final ClusterSpec SPEC = Specs.cluster(4, 2);

  public CrashHeavyPlans() {}

  @Override
  public Gen<FaultPlan> generator() {
    Map<FaultKind, Integer> weights = new EnumMap<>(FaultKind.class);
    weights.put(FaultKind.HOST_CRASH, 6);
    return FaultPlans.builder(SPEC).budget(FaultBudget.unlimited()).maxFaults(6).weights(weights).build();
  }

  @Override
  public Set<Class<?>> parameterTypes() {
    return Set.of(FaultPlan.class);
  }

  @Override
  public Trial open(FaultPlan plan, TrialContext context) {
    return type -> plan;
  }

  @Override
  public String describe(FaultPlan plan) {
    return plan.timeline() + "\n" + plan.toJson();
  }

  /** Returns whether some node is named explicitly by two or more host crashes. */
  static boolean twoCrashesOfOneNode(FaultPlan plan) {
    Map<HostId, Integer> crashes = new TreeMap<>();
    for (Fault f : plan.faults()) {
      if (f instanceof HostCrash && ((HostCrash) f).hosts() instanceof HostSelector.Explicit) {
        ((HostSelector.Explicit) ((HostCrash) f).hosts()).hosts().forEach(h -> crashes.merge(h, 1, Integer::sum));
      }
    }
    return crashes.values().stream().anyMatch(c -> c >= 2);
  }
}
