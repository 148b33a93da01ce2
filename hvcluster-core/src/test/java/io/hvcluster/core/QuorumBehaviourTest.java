package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.QuorumLostException;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.LunStateChanged;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.api.spec.QuorumModel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class QuorumBehaviourTest {
  private static Cluster running(Simulation sim, QuorumModel model, int nodes) {
    Cluster c = sim.createCluster(TestSpecs.cluster("Q", model, nodes, nodes * 2));
    c.form();
    c.startAllVms();
    sim.runFor(Duration.ofMinutes(3));
    return c;
  }

  @Test
  void theMinorityStopsItsVmsAndTheMajorityRestartsThemOnlyAfterArbitration() {
    try (Simulation sim = Simulation.builder().seed(21).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = running(sim, QuorumModel.NODE_MAJORITY, 5);
      List<VmId> minorityVms = c.host("node4").vms().stream().toList();
      sim.faults(c).partition(List.of(Set.of(HostId.of("node4"), HostId.of("node5"))));
      sim.runFor(Duration.ofMinutes(5));
      assertThat(c.host("node4").state()).isIn(NodeState.DOWN, NodeState.JOINING);
      assertThat(c.host("node5").state()).isIn(NodeState.DOWN, NodeState.JOINING);
      assertThat(c.quorum().members()).containsExactly(HostId.of("node1"), HostId.of("node2"), HostId.of("node3"));
      for (VmId id : minorityVms) {
        VmStateChanged stopped = log.first(VmStateChanged.class, e -> e.vm().equals(id) && e.to() == VmState.OFF);
        assertThat(stopped.reason()).contains("lost quorum");
        VmStateChanged restarted = log.first(VmStateChanged.class, e -> e.vm().equals(id) && e.to() == VmState.STARTING
            && e.timeNanos() > stopped.timeNanos());
        LunStateChanged won = log.first(LunStateChanged.class, e -> e.lun().name().equals("lun-" + id.name())
            && e.to() == io.hvcluster.api.LunState.ONLINE && e.timeNanos() > stopped.timeNanos());
        assertThat(restarted.timeNanos()).isGreaterThanOrEqualTo(won.timeNanos());
        assertThat(won.owner()).isEqualTo(restarted.host());
        assertThat(c.vm(id).state()).isEqualTo(VmState.RUNNING);
      }
      sim.faults(c).healNetwork();
      sim.runFor(Duration.ofMinutes(1));
      assertThat(c.hosts()).allMatch(h -> h.state() == NodeState.UP);
    }
  }

  @Test
  void anEvenSplitIsDecidedByTheWitnessDisk() {
    try (Simulation sim = Simulation.builder().seed(22).build()) {
      Cluster c = running(sim, QuorumModel.NODE_AND_DISK_MAJORITY, 4);
      HostId holder = c.storage().witness().orElseThrow().owner().orElseThrow();
      Set<HostId> holderSide = Set.of(holder, c.hosts().stream().map(h -> h.id()).filter(id -> !id.equals(holder))
          .findFirst().orElseThrow());
      sim.faults(c).partition(List.of(holderSide));
      sim.runFor(Duration.ofMinutes(5));
      assertThat(c.quorum().hasQuorum()).isTrue();
      assertThat(c.quorum().witnessVote()).isTrue();
      assertThat(Set.copyOf(c.quorum().members())).isEqualTo(holderSide);
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING && holderSide.contains(v.host().orElseThrow()));
    }
  }

  @Test
  void nodeMajorityWithAnEvenSplitLosesQuorumEverywhere() {
    try (Simulation sim = Simulation.builder().seed(23).build()) {
      Cluster c = running(sim, QuorumModel.NODE_MAJORITY, 4);
      sim.faults(c).partition(List.of(Set.of(HostId.of("node1"), HostId.of("node2"))));
      sim.runFor(Duration.ofMinutes(2));
      assertThat(c.quorum().hasQuorum()).isFalse();
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.OFF);
      assertThatThrownBy(() -> c.startVm(VmId.of("vm1"))).isInstanceOf(QuorumLostException.class)
          .hasMessageContaining("has no quorum");
      sim.faults(c).healNetwork();
      sim.runFor(Duration.ofMinutes(4));
      assertThat(c.quorum().hasQuorum()).isTrue();
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING);
    }
  }

  @Test
  void diskOnlyQuorumFollowsTheQuorumDisk() {
    try (Simulation sim = Simulation.builder().seed(24).build()) {
      Cluster c = running(sim, QuorumModel.DISK_ONLY, 3);
      assertThat(c.quorum().hasQuorum()).isTrue();
      HostId holder = c.storage().witness().orElseThrow().owner().orElseThrow();
      sim.faults(c).partition(List.of(Set.of(holder)));
      sim.runFor(Duration.ofMinutes(4));
      assertThat(c.quorum().members()).containsExactly(holder);
      sim.faults(c).loseWitness();
      sim.runFor(Duration.ofSeconds(30));
      assertThat(c.quorum().hasQuorum()).isFalse();
      assertThat(c.vms()).allMatch(v -> v.state() != VmState.RUNNING);
    }
  }

  @Test
  void aFileShareWitnessBreaksTheTieOfTwoNodes() {
    try (Simulation sim = Simulation.builder().seed(25).build()) {
      Cluster c = running(sim, QuorumModel.NODE_AND_FILE_SHARE_MAJORITY, 2);
      sim.faults(c).crashHost(HostId.of("node1"));
      sim.runFor(Duration.ofMinutes(4));
      assertThat(c.quorum().hasQuorum()).isTrue();
      assertThat(c.quorum().members()).containsExactly(HostId.of("node2"));
      assertThat(c.quorum().witnessVote()).isTrue();
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING);
    }
  }
}
