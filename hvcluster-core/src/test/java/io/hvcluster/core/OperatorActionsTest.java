package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.GroupState;
import io.hvcluster.api.HostId;
import io.hvcluster.api.InsufficientCapacityException;
import io.hvcluster.api.QuorumLostException;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.event.GroupPlaced;
import io.hvcluster.api.event.OperatorAction;
import io.hvcluster.api.event.QuorumChanged;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.FailoverPolicy;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.VmSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The administrator's actions: move a group (to a node, or to the best possible node) and force quorum. */
final class OperatorActionsTest {
  private static final VmId VM1 = VmId.of("vm1");

  private static Cluster running(Simulation sim, ClusterSpec spec) {
    Cluster c = sim.createCluster(spec);
    c.form();
    c.startAllVms();
    sim.runFor(Duration.ofMinutes(3));
    c.vms().forEach(v -> assertThat(v.state()).as(v.id().name()).isEqualTo(VmState.RUNNING));
    return c;
  }

  private static HostId hostOf(Cluster c, VmId vm) {
    return c.vm(vm).host().orElseThrow();
  }

  private static HostId another(Cluster c, HostId not) {
    return c.hosts().stream().map(h -> h.id()).filter(h -> !h.equals(not)).findFirst().orElseThrow();
  }

  @Test
  void moveGroupTakesARunningGroupToTheNamedNodeByQuickMigrationWithoutAFailover() {
    try (Simulation sim = Simulation.builder().seed(51).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = running(sim, TestSpecs.cluster("M", QuorumModel.NODE_AND_DISK_MAJORITY, 4, 2));
      HostId target = another(c, hostOf(c, VM1));
      c.moveGroup("vm1", target);
      sim.runFor(Duration.ofMinutes(2));
      assertThat(c.vm(VM1).state()).isEqualTo(VmState.RUNNING);
      assertThat(hostOf(c, VM1)).isEqualTo(target);
      assertThat(c.group("vm1").owner()).contains(target);
      assertThat(c.group("vm1").state()).isEqualTo(GroupState.ONLINE);
      assertThat(log.of(FailoverStarted.class)).isEmpty();
      assertThat(log.of(OperatorAction.class, a -> a.action().equals("move-group"))).singleElement()
          .satisfies(a -> assertThat(a.target()).isEqualTo("vm1 -> " + target.name()));
      // The operator decided, once: the move reports it so, and the migration does not report it again.
      assertThat(log.of(GroupPlaced.class, e -> e.timeNanos() >= Duration.ofMinutes(3).toNanos())).singleElement()
          .satisfies(e -> {
            assertThat(e.policy()).isEqualTo("operator");
            assertThat(e.target()).isEqualTo(target);
          });
    }
  }

  @Test
  void moveGroupToTheBestPossibleNodeLetsThePlacementPolicyChooseAnotherNode() {
    try (Simulation sim = Simulation.builder().seed(52).build()) {
      Cluster c = running(sim, TestSpecs.cluster("M", QuorumModel.NODE_AND_DISK_MAJORITY, 4, 4));
      HostId before = hostOf(c, VM1);
      long asked = sim.nowNanos();
      EventLog log = EventLog.on(sim);
      HostId chosen = c.moveGroupToBestNode("vm1");
      assertThat(chosen).isNotEqualTo(before);
      sim.runFor(Duration.ofMinutes(2));
      assertThat(hostOf(c, VM1)).isEqualTo(chosen);
      assertThat(c.vm(VM1).state()).isEqualTo(VmState.RUNNING);
      assertThat(log.of(GroupPlaced.class, e -> e.timeNanos() >= asked)).singleElement()
          .satisfies(e -> assertThat(e.policy()).isEqualTo(c.placementPolicy().name()));
    }
  }

  @Test
  void aMoveToTheBestNodeOfAGroupADrainIsMovingIsRefusedBeforeThePolicyIsAsked() {
    try (Simulation sim = Simulation.builder().seed(55).build()) {
      Cluster c = running(sim, TestSpecs.cluster("M", QuorumModel.NODE_AND_DISK_MAJORITY, 4, 4));
      HostId owner = hostOf(c, VM1);
      EventLog log = EventLog.on(sim);
      c.drainNode(owner);
      GroupPlaced drained = log.first(GroupPlaced.class, e -> e.group().equals("vm1"));
      int counted = c.host(drained.target()).groupCount();
      assertThatThrownBy(() -> c.moveGroupToBestNode("vm1")).isInstanceOf(IllegalStateException.class)
          .hasMessage("group 'vm1' is busy (moving); move it when that has ended");
      assertThat(c.host(drained.target()).groupCount()).as("the drain's target still counts vm1").isEqualTo(counted);
      sim.runFor(Duration.ofMinutes(2));
      // The drain's decision stands, reported once; the refused move asked the policy nothing.
      assertThat(hostOf(c, VM1)).isEqualTo(drained.target());
      assertThat(log.of(GroupPlaced.class, e -> e.group().equals("vm1"))).hasSize(1);
    }
  }

  @Test
  void aMoveIsRefusedWithItsReason() {
    try (Simulation sim = Simulation.builder().seed(53).build()) {
      Cluster c = running(sim, TestSpecs.cluster("M", QuorumModel.NODE_AND_DISK_MAJORITY, 2, 2));
      HostId owner = hostOf(c, VM1);
      assertThatThrownBy(() -> c.moveGroup("vm1", owner)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("group 'vm1' is already online on " + owner);
      HostId other = another(c, owner);
      c.pauseNode(other);
      assertThatThrownBy(() -> c.moveGroup("vm1", other)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is PAUSED; a group moves only to an up, unpaused member");
      assertThatThrownBy(() -> c.moveGroup("nope", owner)).isInstanceOf(io.hvcluster.api.NoSuchEntityException.class);
    }
  }

  @Test
  void aMoveToANodeWithoutRoomIsRefusedAsInsufficientCapacity() {
    try (Simulation sim = Simulation.builder().seed(54).build()) {
      ClusterSpec base = TestSpecs.cluster("M", QuorumModel.NODE_AND_DISK_MAJORITY, 2, 2);
      List<VmSpec> vms = new ArrayList<>();
      vms.add(base.vms().get(0).toBuilder().memoryGiB(20).preferredOwners("node1").build());
      vms.add(base.vms().get(1).toBuilder().memoryGiB(20).preferredOwners("node2").build());
      Cluster c = running(sim, new ClusterSpec(base.name(), base.quorum(), base.hosts(), base.storage(), vms,
          base.settings()));
      assertThat(hostOf(c, VM1)).isEqualTo(HostId.of("node1"));
      assertThatThrownBy(() -> c.moveGroup("vm1", HostId.of("node2"))).isInstanceOf(InsufficientCapacityException.class)
          .hasMessageStartingWith("group 'vm1' cannot move to node2: it lacks");
      assertThatThrownBy(() -> c.moveGroupToBestNode("vm1")).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("group 'vm1' has no better node than node1");
    }
  }

  @Test
  void movingAGroupTheFailoverThresholdLeftFailedBringsItOnlineOnTheTarget() {
    try (Simulation sim = Simulation.builder().seed(55).build()) {
      ClusterSpec base = TestSpecs.cluster("M", QuorumModel.NODE_AND_DISK_MAJORITY, 2, 1);
      VmSpec vm = base.vms().get(0).toBuilder().failover(FailoverPolicy.defaults().withRestart(0, Duration.ofMinutes(15)))
          .build();
      Cluster c = running(sim, new ClusterSpec(base.name(), base.quorum(), base.hosts(), base.storage(), List.of(vm),
          base.settings()));
      HostId firstHost = hostOf(c, VM1);
      sim.faults(c).crashVm(VM1);
      sim.runFor(Duration.ofMinutes(3));
      HostId secondHost = hostOf(c, VM1);
      assertThat(secondHost).isNotEqualTo(firstHost);
      sim.faults(c).crashVm(VM1);
      sim.runFor(Duration.ofMinutes(5));
      assertThat(c.group("vm1").state()).isEqualTo(GroupState.FAILED);
      // It failed on secondHost, which its next placement would avoid: the operator's choice stands.
      HostId target = secondHost;
      c.moveGroup("vm1", target);
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.vm(VM1).state()).isEqualTo(VmState.RUNNING);
      assertThat(hostOf(c, VM1)).isEqualTo(target);
    }
  }

  @Test
  void aForcedQuorumOnALoneNodeRunsItsGroupsUntilTheMajorityReturns() {
    try (Simulation sim = Simulation.builder().seed(56).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = running(sim, TestSpecs.cluster("Q", QuorumModel.NODE_MAJORITY, 3, 2));
      HostId lone = HostId.of("node1");
      // The site with node2 and node3 is lost for good.
      sim.faults(c).crashHost(HostId.of("node2"));
      sim.faults(c).crashHost(HostId.of("node3"));
      sim.runFor(Duration.ofMinutes(2));
      assertThat(c.quorum().hasQuorum()).isFalse();
      assertThat(c.vms()).allSatisfy(v -> assertThat(v.state()).isNotEqualTo(VmState.RUNNING));
      assertThatThrownBy(() -> c.startVm(VM1)).isInstanceOf(QuorumLostException.class);
      c.forceQuorum(lone);
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.quorum().hasQuorum()).isTrue();
      assertThat(c.quorum().forced()).isTrue();
      assertThat(c.quorum().members()).containsExactly(lone);
      assertThat(c.quorum().votes()).isLessThan(c.quorum().votesNeeded());
      assertThat(c.vms()).allSatisfy(v -> {
        assertThat(v.state()).isEqualTo(VmState.RUNNING);
        assertThat(v.host()).contains(lone);
      });
      assertThat(log.of(QuorumChanged.class, q -> q.reason().startsWith("quorum forced on node1 (net start clussvc"
          + " /forcequorum)"))).hasSize(1);
      sim.faults(c).powerOnHost(HostId.of("node2"));
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.quorum().forced()).as("node2 joined: the partition holds quorum of its own").isFalse();
      assertThat(c.quorum().members()).containsExactly(lone, HostId.of("node2"));
      assertThatThrownBy(() -> c.forceQuorum(lone)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is a member of a partition that holds quorum");
    }
  }
}
