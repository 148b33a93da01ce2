package io.hvcluster.testkit.suites;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmState;
import io.hvcluster.testkit.engine.ClusterRun;
import io.hvcluster.testkit.engine.EngineScenarios;
import io.hvcluster.testkit.engine.EngineSettings;
import io.hvcluster.testkit.engine.Probes;
import io.hvcluster.testkit.fault.FaultKind;
import io.hvcluster.testkit.gen.FaultPlans;
import io.hvcluster.testkit.gen.Topologies;
import io.hvcluster.testkit.junit.ClusterProperty;
import io.hvcluster.testkit.junit.RequireProbes;
import io.hvcluster.testkit.property.Gen;
import io.hvcluster.testkit.workload.Workload;
import java.time.Duration;
import java.util.Set;

/**
 * Liveness after healing: faults that last until the heal phase (crashes, hangs, cluster-service
 * crashes, partitions, heartbeat faults, storage paths and LUNs), then everything heals; within the bound
 * the cluster's policies imply, quorum is back, every node is a member again and every VM runs (L1, L2,
 * checked by the scenario source, and stated again here on the final state).
 */
@RequireProbes({Probes.FAILOVER, Probes.NODE_REMOVED, Probes.QUORUM_LOST, Probes.RESTART_IN_PLACE})
final class LivenessAfterHealingTest {
  /** Faults that last until the heal phase, no operator: every VM should run again at the end. */
  public static final class LongFaults extends EngineScenarios {
    public LongFaults() {
      super(Topologies.builder().nodes(2, 5).vms(1, 8).hostMemoryGiB(32L, 64L).build(),
          spec -> FaultPlans.builder(spec).maxFaults(4).durations(Duration.ofSeconds(20), Duration.ofMinutes(2))
              .kinds(Set.of(FaultKind.HOST_CRASH, FaultKind.POWER_LOSS, FaultKind.HOST_HANG,
                  FaultKind.CLUSTER_SERVICE_CRASH, FaultKind.ISOLATE, FaultKind.SPLIT, FaultKind.HEARTBEAT_DELAY,
                  FaultKind.HEARTBEAT_LOSS, FaultKind.PATH_DOWN, FaultKind.LUN_OFFLINE, FaultKind.VM_CRASH,
                  FaultKind.WITNESS_LOSS, FaultKind.IO_STALL)).build(),
          spec -> Gen.constant(Workload.none()), EngineSettings.defaults());
    }
  }

  @ClusterProperty(tries = 800, scenarios = LongFaults.class)
  void theClusterRecoversWithinTheBoundOnceEveryFaultHealed(ClusterRun run, Cluster cluster) {
    run.runToEnd();
    assertThat(cluster.quorum().hasQuorum()).isTrue();
    assertThat(cluster.hosts()).allSatisfy(h -> assertThat(h.state()).isEqualTo(NodeState.UP));
    for (VirtualMachine vm : cluster.vms()) {
      boolean locked = cluster.group(vm.group()).state() == io.hvcluster.api.GroupState.FAILED;
      if (!locked) {
        assertThat(vm.state()).as("%s: %s", vm.id(), vm.lastReason()).isEqualTo(VmState.RUNNING);
      }
    }
  }
}
