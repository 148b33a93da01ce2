package io.hvcluster.testkit.suites;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testkit.engine.ClusterRun;
import io.hvcluster.testkit.engine.EngineScenarios;
import io.hvcluster.testkit.engine.EngineSettings;
import io.hvcluster.testkit.engine.Probes;
import io.hvcluster.testkit.engine.RunResult;
import io.hvcluster.testkit.fault.FaultKind;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.gen.FaultPlans;
import io.hvcluster.testkit.gen.Topologies;
import io.hvcluster.testkit.junit.ClusterProperty;
import io.hvcluster.testkit.junit.RequireProbes;
import io.hvcluster.testkit.workload.Workloads;
import java.time.Duration;
import java.util.Set;

/**
 * Safety under random faults (swarm mode): every generated scenario, with any fault kind the quorum
 * model's budget admits and an operator workload, keeps S1–S12 after every kernel event and recovers
 * (L1, L2) after healing. A second property concentrates on partitions, so that losing quorum in a
 * partition is reached on purpose.
 */
@RequireProbes({Probes.FAILOVER, Probes.NODE_REMOVED, Probes.QUORUM_LOST, Probes.QUORUM_LOST_IN_PARTITION,
    Probes.RESTART_IN_PLACE, Probes.MIGRATION_COMPLETED, Probes.VM_FENCED})
final class SafetyUnderRandomFaultsTest {
  /** 3 to 5 nodes, 2 to 8 VMs, up to 5 faults of a random subset of kinds, up to 4 operations. */
  public static final class Swarm extends EngineScenarios {
    public Swarm() {
      super(Topologies.builder().nodes(3, 5).vms(2, 8).build(),
          spec -> FaultPlans.builder(spec).maxFaults(5).horizon(Duration.ofSeconds(90)).swarm().build(),
          spec -> Workloads.operations(spec, Duration.ofSeconds(90), 4), EngineSettings.defaults());
    }
  }

  /** Partitions of every shape, crashes and witness loss, on 3 to 5 nodes. */
  public static final class Partitions extends EngineScenarios {
    public Partitions() {
      super(Topologies.builder().nodes(3, 5).vms(2, 6).build(),
          spec -> FaultPlans.builder(spec).maxFaults(4).kinds(Set.of(FaultKind.SPLIT, FaultKind.ISOLATE,
              FaultKind.MAJORITIES_RING, FaultKind.BRIDGE, FaultKind.ONE_WAY_LINK, FaultKind.SWIZZLE_CLOG,
              FaultKind.WITNESS_LOSS, FaultKind.HOST_CRASH, FaultKind.HOST_HANG)).build(),
          spec -> Workloads.operations(spec, Duration.ofMinutes(2), 2), EngineSettings.defaults());
    }
  }

  @ClusterProperty(tries = 1500, scenarios = Swarm.class)
  void everyInvariantHoldsUnderSwarmFaults(ClusterRun run, FaultPlan plan) {
    RunResult result = run.runToEnd();
    assertThat(result.faultsInjected()).isLessThanOrEqualTo(plan.size() * 2);
  }

  @ClusterProperty(tries = 800, scenarios = Partitions.class)
  void everyInvariantHoldsUnderPartitions(ClusterRun run) {
    run.runToEnd();
  }
}
