package io.hvcluster.testkit.junit;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.testkit.check.ViolationReport;
import io.hvcluster.testkit.fake.Specs;
import io.hvcluster.testkit.fault.FaultBudget;
import io.hvcluster.testkit.fault.FaultKind;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.gen.FaultPlans;
import io.hvcluster.testkit.property.Gen;
import java.util.Set;

/**
 * Scenario sources that run plans against the toy failover model, the way an engine-backed source will:
 * the trial builds the model from the try's seed, the test method may look at it, and
 * {@link Trial#verify()} runs the plan and throws a violation report.
 */
abstract class ToyScenarios implements ScenarioSource<FaultPlan> {
  static final ClusterSpec SPEC = Specs.cluster(5, 4);

  private final boolean ignoreQuorum;

  ToyScenarios(boolean ignoreQuorum) {
    this.ignoreQuorum = ignoreQuorum;
  }

  @Override
  public Gen<FaultPlan> generator() {
    return FaultPlans.builder(SPEC).kinds(Set.of(FaultKind.HOST_CRASH, FaultKind.ISOLATE, FaultKind.SPLIT))
        .budget(FaultBudget.tolerating(SPEC)).maxFaults(6).build();
  }

  @Override
  public Set<Class<?>> parameterTypes() {
    return Set.of(FaultPlan.class, ToyFailover.class);
  }

  @Override
  public Trial open(FaultPlan plan, TrialContext context) {
    ToyFailover toy = new ToyFailover(SPEC, ignoreQuorum, context.info().seed());
    return new Trial() {
      @Override
      public Object argument(Class<?> type) {
        return type == FaultPlan.class ? plan : toy;
      }

      @Override
      public void verify() {
        toy.run(plan);
        toy.violation().ifPresent(v -> {
          context.coverage().reachable("toy-violation-found");
          throw ViolationReport.of(v).seed(context.info().seed()).plan(plan)
              .verdict(FaultBudget.tolerating(SPEC).classify(plan, SPEC.hosts().size())).history(toy.history())
              .toError();
        });
      }
    };
  }

  @Override
  public String describe(FaultPlan plan) {
    return plan.timeline() + "\n" + plan.toJson();
  }

  /** The correct policy: only a partition with quorum runs VMs. */
  public static final class Correct extends ToyScenarios {
    public Correct() {
      super(false);
    }
  }

  /** The broken policy: every partition restarts what it cannot see, quorum or not. */
  public static final class IgnoresQuorum extends ToyScenarios {
    public IgnoresQuorum() {
      super(true);
    }
  }
}
