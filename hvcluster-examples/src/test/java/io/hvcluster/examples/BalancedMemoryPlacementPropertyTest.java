package io.hvcluster.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Host;
import io.hvcluster.api.placement.PlacementDecision;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.api.placement.PlacementRequest;
import io.hvcluster.testkit.check.Coverage;
import io.hvcluster.testkit.engine.ClusterRun;
import io.hvcluster.testkit.engine.EngineScenarios;
import io.hvcluster.testkit.engine.EngineSettings;
import io.hvcluster.testkit.gen.FaultPlans;
import io.hvcluster.testkit.gen.Topologies;
import io.hvcluster.testkit.junit.ClusterProperty;
import io.hvcluster.testkit.junit.RequireProbes;
import io.hvcluster.testkit.workload.Workloads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The property test of a custom placement policy: on generated clusters under generated faults, with
 * every invariant of the engine checked after every event (S1–S12) and after healing (L1–L2), the
 * cluster stays safe and live with {@link BalancedMemoryPlacement}, and every node the policy chose was
 * one no other eligible node beat. A failing try prints its seed, the shrunk fault plan and a replay.
 */
@RequireProbes({BalancedMemoryPlacementPropertyTest.PLACED_A_FAILOVER, "failover"})
final class BalancedMemoryPlacementPropertyTest {
  static final String PLACED_A_FAILOVER = "policy-placed-a-failover";

  /**
   * Three to five nodes, two to eight VMs, up to four faults a plan, a few operator actions; every try's
   * cluster places its groups with a new checked {@link BalancedMemoryPlacement} from its first start on.
   */
  public static final class Swarm extends EngineScenarios {
    public Swarm() {
      super(Topologies.builder().nodes(3, 5).vms(2, 8).build(), spec -> FaultPlans.builder(spec).maxFaults(4).swarm()
          .build(), spec -> Workloads.operations(spec, Duration.ofMinutes(2), 3),
          EngineSettings.defaults().placementPolicy(() -> new Checked(new BalancedMemoryPlacement())));
    }
  }

  @ClusterProperty(tries = 80, scenarios = Swarm.class)
  void theClusterStaysSafeAndEveryChoiceIsTheLeastFilledEligibleNode(ClusterRun run, Checked policy,
      Coverage coverage) {
    assertThat(policy.initial).as("the policy placed the first start").isPositive();
    run.runToEnd();
    assertThat(policy.problems).isEmpty();
    coverage.sometimes(PLACED_A_FAILOVER, policy.failovers > 0);
  }

  /** Passes each request to the policy and checks its answer against the policy's promise. */
  private static final class Checked implements PlacementPolicy {
    private final PlacementPolicy policy;
    final List<String> problems = new ArrayList<>();
    int failovers;
    int initial;

    Checked(PlacementPolicy policy) {
      this.policy = policy;
    }

    @Override
    public String name() {
      return policy.name();
    }

    @Override
    public PlacementDecision place(PlacementRequest request) {
      List<Host> eligible = request.candidates().stream().filter(request::meetsHardRequirements).toList();
      PlacementDecision decision = policy.place(request);
      if (decision.host().isEmpty()) {
        if (!eligible.isEmpty()) {
          problems.add("placed " + request.group() + " nowhere although " + eligible.get(0).id() + " was eligible");
        }
        return decision;
      }
      Host chosen = eligible.stream().filter(h -> h.id().equals(decision.host().get())).findFirst().orElse(null);
      if (chosen == null) {
        problems.add("chose " + decision.host().get() + ", which does not meet the hard requirements");
        return decision;
      }
      double share = BalancedMemoryPlacement.shareAfter(chosen, request.memoryBytes());
      for (Host other : eligible) {
        if (BalancedMemoryPlacement.shareAfter(other, request.memoryBytes()) < share) {
          problems.add("chose " + chosen.id() + " (" + share + ") over the less filled " + other.id());
        }
      }
      if (request.reason() == PlacementReason.FAILOVER) {
        failovers++;
      } else if (request.reason() == PlacementReason.INITIAL) {
        initial++;
      }
      return decision;
    }
  }
}
