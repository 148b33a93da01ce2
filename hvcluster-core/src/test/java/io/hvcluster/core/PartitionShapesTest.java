package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmState;
import io.hvcluster.api.spec.QuorumModel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Partition shapes, several hosts losing power, and witness loss, each healed; safety checked at every step. */
final class PartitionShapesTest {
  private static Cluster running(Simulation sim, QuorumModel model, int nodes, int vms) {
    Cluster c = sim.createCluster(TestSpecs.cluster("P", model, nodes, vms));
    sim.addStepObserver(() -> SafetyUnderFaultsTest.checkSafety(c));
    c.form();
    c.startAllVms();
    sim.runFor(Duration.ofMinutes(3));
    return c;
  }

  private static void healAndExpectEverythingBack(Simulation sim, Cluster c) {
    sim.faults(c).healNetwork();
    for (var h : c.hosts()) {
      sim.faults(c).powerOnHost(h.id());
    }
    sim.faults(c).restoreWitness();
    sim.runFor(Duration.ofMinutes(8));
    assertThat(c.hosts()).allMatch(h -> h.state() == NodeState.UP);
    assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING);
  }

  @Test
  void anIsolatedNodeLosesItsVmsToTheRestAndRejoinsAfterTheHeal() {
    try (Simulation sim = Simulation.builder().seed(61).build()) {
      Cluster c = running(sim, QuorumModel.NODE_MAJORITY, 5, 10);
      sim.faults(c).partition(List.of(Set.of(HostId.of("node3"))));
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.host("node3").vms()).isEmpty();
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING);
      healAndExpectEverythingBack(sim, c);
    }
  }

  @Test
  void aOneWayLinkCostsTheClusterOneNodeButNoVm() {
    try (Simulation sim = Simulation.builder().seed(62).build()) {
      Cluster c = running(sim, QuorumModel.NODE_AND_DISK_MAJORITY, 4, 8);
      sim.faults(c).cutLink(HostId.of("node1"), HostId.of("node2"));
      sim.runFor(Duration.ofMinutes(3));
      long down = c.hosts().stream().filter(h -> h.state() != NodeState.UP).count();
      assertThat(down).as("an asymmetric route evicts exactly one of its ends").isEqualTo(1);
      assertThat(c.quorum().hasQuorum()).isTrue();
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING);
      healAndExpectEverythingBack(sim, c);
    }
  }

  @Test
  void aBridgeNodeTalkingToBothHalvesIsResolvedToOneQuorumPartition() {
    try (Simulation sim = Simulation.builder().seed(63).build()) {
      Cluster c = running(sim, QuorumModel.NODE_MAJORITY, 5, 10);
      // node3 hears everyone; {node1,node2} and {node4,node5} cannot hear each other.
      for (String a : new String[] {"node1", "node2"}) {
        for (String b : new String[] {"node4", "node5"}) {
          sim.faults(c).cutLink(HostId.of(a), HostId.of(b));
          sim.faults(c).cutLink(HostId.of(b), HostId.of(a));
        }
      }
      sim.runFor(Duration.ofMinutes(4));
      assertThat(c.quorum().hasQuorum()).isTrue();
      assertThat(c.quorum().members()).hasSize(3).contains(HostId.of("node3"));
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING);
      healAndExpectEverythingBack(sim, c);
    }
  }

  @Test
  void aPowerLossOfSeveralHostsAtOnceIsSurvivedWhileQuorumHolds() {
    try (Simulation sim = Simulation.builder().seed(64).build()) {
      Cluster c = running(sim, QuorumModel.NODE_AND_DISK_MAJORITY, 6, 12);
      for (String h : new String[] {"node4", "node5", "node6"}) {
        sim.faults(c).crashHost(HostId.of(h));
      }
      sim.runFor(Duration.ofMinutes(4));
      // Three of six nodes plus the witness: four of seven votes.
      assertThat(c.quorum().hasQuorum()).isTrue();
      long running = c.vms().stream().filter(v -> v.state() == VmState.RUNNING).count();
      assertThat(running).as("three 30 GiB nodes hold fifteen 2 GiB VMs; all twelve run").isEqualTo(12);
      healAndExpectEverythingBack(sim, c);
    }
  }

  @Test
  void losingTheWitnessAndThenANodeCostsQuorumOfAnEvenCluster() {
    try (Simulation sim = Simulation.builder().seed(65).build()) {
      Cluster c = running(sim, QuorumModel.NODE_AND_DISK_MAJORITY, 4, 4);
      sim.faults(c).loseWitness();
      sim.runFor(Duration.ofMinutes(1));
      assertThat(c.quorum().hasQuorum()).as("four nodes of five votes").isTrue();
      assertThat(c.quorum().witnessVote()).isFalse();
      sim.faults(c).crashHost(HostId.of("node1"));
      sim.faults(c).crashHost(HostId.of("node2"));
      sim.runFor(Duration.ofMinutes(1));
      assertThat(c.quorum().hasQuorum()).as("two nodes without the witness: 2 of 5").isFalse();
      assertThat(c.vms()).noneMatch(v -> v.state() == VmState.RUNNING);
      healAndExpectEverythingBack(sim, c);
    }
  }
}
