package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.GroupState;
import io.hvcluster.api.HostId;
import io.hvcluster.api.IllegalStateTransitionException;
import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.NoSuchEntityException;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterFormed;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.event.PlacementFailed;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.GuestOs;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ClusterOperationsTest {
  private static Cluster running(Simulation sim, ClusterSpec spec) {
    Cluster c = sim.createCluster(spec);
    c.form();
    c.startAllVms();
    sim.runFor(Duration.ofMinutes(3));
    return c;
  }

  @Test
  void formsWithEveryNodeUpAndStartsEveryVm() {
    try (Simulation sim = Simulation.builder().seed(11).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = running(sim, TestSpecs.fourNodes());
      assertThat(c.hosts()).allMatch(h -> h.state() == NodeState.UP);
      assertThat(c.quorum().hasQuorum()).isTrue();
      assertThat(c.quorum().witnessVote()).isTrue();
      assertThat(c.storage().witness().orElseThrow().owner()).isPresent();
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING);
      assertThat(c.groups()).allMatch(g -> g.state() == GroupState.ONLINE);
      assertThat(log.of(ClusterFormed.class)).hasSize(1);
      // Every VM runs on a node that owns its LUN.
      for (VirtualMachine vm : c.vms()) {
        assertThat(c.storage().lun(vm.spec().luns().get(0)).owner()).isEqualTo(vm.host());
      }
      // Fewest-groups placement spreads twelve VMs three per node.
      for (var h : c.hosts()) {
        assertThat(h.vms()).hasSize(3);
      }
    }
  }

  @Test
  void queuesOperatorIntentUntilTheClusterHasFormed() {
    try (Simulation sim = Simulation.builder().seed(12).build()) {
      Cluster c = sim.createCluster(TestSpecs.fourNodes());
      c.startVm(VmId.of("vm1"));
      sim.runFor(Duration.ofMinutes(2));
      assertThat(c.vm("vm1").state()).isEqualTo(VmState.OFF);
      c.form();
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.vm("vm1").state()).isEqualTo(VmState.RUNNING);
      assertThat(c.vm("vm2").state()).isEqualTo(VmState.OFF);
    }
  }

  @Test
  void serverCoreGuestsAndHostsBootFaster() {
    List<Long> core = new ArrayList<>();
    List<Long> full = new ArrayList<>();
    for (long seed = 1; seed <= 5; seed++) {
      try (Simulation sim = Simulation.builder().seed(seed).build()) {
        EventLog log = EventLog.on(sim);
        running(sim, TestSpecs.fourNodes());
        for (VmStateChanged e : log.of(VmStateChanged.class, e -> e.to() == VmState.RUNNING)) {
          long start = log.first(VmStateChanged.class, s -> s.vm().equals(e.vm()) && s.to() == VmState.STARTING).timeNanos();
          boolean coreGuest = Integer.parseInt(e.vm().name().substring(2)) % 3 == 0;
          (coreGuest ? core : full).add(e.timeNanos() - start);
        }
      }
    }
    assertThat(core.stream().mapToLong(Long::longValue).max().orElseThrow())
        .isLessThan(full.stream().mapToLong(Long::longValue).min().orElseThrow());
  }

  @Test
  void enforcesHostMemoryAndStartsAWaitingVmWhenCapacityReturns() {
    ClusterSpec spec = ClusterSpec.builder("HV2").quorum(QuorumModel.NODE_MAJORITY)
        .host(HostSpec.builder("a").memoryGiB(8).installation(Installation.SERVER_CORE).build())
        .host(HostSpec.builder("b").memoryGiB(8).installation(Installation.SERVER_CORE).build())
        .host(HostSpec.builder("c").memoryGiB(8).installation(Installation.SERVER_CORE).build())
        .storage(StorageSpec.iscsi(List.of(LunSpec.data("l1", 10), LunSpec.data("l2", 10), LunSpec.data("l3", 10),
            LunSpec.data("l4", 10))))
        .vm(VmSpec.builder("big1").memoryGiB(6).lun("l1").build())
        .vm(VmSpec.builder("big2").memoryGiB(6).lun("l2").build())
        .vm(VmSpec.builder("big3").memoryGiB(6).lun("l3").build())
        .vm(VmSpec.builder("big4").memoryGiB(6).lun("l4").build())
        .build();
    try (Simulation sim = Simulation.builder().seed(5).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = running(sim, spec);
      List<VirtualMachine> running = c.vms().stream().filter(v -> v.state() == VmState.RUNNING).toList();
      assertThat(running).hasSize(3);
      VirtualMachine waiting = c.vms().stream().filter(v -> v.state() == VmState.OFF).findFirst().orElseThrow();
      assertThat(c.group(waiting.group()).lastReason()).contains("waiting").contains("6144 MiB");
      assertThat(waiting.lastReason()).as("the VM says why it is not running, as its group does")
          .isEqualTo(c.group(waiting.group()).lastReason());
      assertThat(log.of(PlacementFailed.class, e -> e.group().equals(waiting.group()))).last()
          .satisfies(e -> assertThat(e.reason()).contains("needs 6144 MiB free"));
      for (var h : c.hosts()) {
        assertThat(h.memoryCommittedBytes()).isLessThanOrEqualTo(h.spec().vmMemoryBytes());
      }
      c.stopVm(running.get(0).id());
      sim.runFor(Duration.ofMinutes(3));
      assertThat(waiting.state()).isEqualTo(VmState.RUNNING);
      assertThat(running.get(0).state()).isEqualTo(VmState.SAVED);
    }
  }

  @Test
  void stopsWithTheOfflineActionAndRestoresOnStart() {
    try (Simulation sim = Simulation.builder().seed(13).build()) {
      Cluster c = running(sim, TestSpecs.fourNodes());
      VirtualMachine vm = c.vm("vm1");
      HostId host = vm.host().orElseThrow();
      c.stopVm(vm.id());
      assertThat(vm.state()).isEqualTo(VmState.SAVING);
      sim.runFor(Duration.ofMinutes(1));
      assertThat(vm.state()).isEqualTo(VmState.SAVED);
      assertThat(vm.isOperatorStopped()).isTrue();
      assertThat(c.group("vm1").state()).isEqualTo(GroupState.OFFLINE);
      assertThat(c.host(host).vms()).doesNotContain(vm.id());
      c.startVm(vm.id());
      sim.runFor(Duration.ofMinutes(1));
      assertThat(vm.state()).isEqualTo(VmState.RUNNING);
      assertThat(vm.lastReason()).isEqualTo("restored from saved state");
    }
  }

  @Test
  void pausedNodesStayMembersButTakeNoNewGroups() {
    try (Simulation sim = Simulation.builder().seed(14).build()) {
      Cluster c = sim.createCluster(TestSpecs.fourNodes());
      c.form();
      sim.runFor(Duration.ofSeconds(10));
      c.pauseNode(HostId.of("node1"));
      assertThat(c.host("node1").state()).isEqualTo(NodeState.PAUSED);
      c.startAllVms();
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.host("node1").vms()).isEmpty();
      assertThat(c.quorum().members()).contains(HostId.of("node1"));
      assertThatThrownBy(() -> c.pauseNode(HostId.of("node1"))).isInstanceOf(IllegalStateTransitionException.class)
          .hasMessageContaining("node 'node1' cannot go from PAUSED to PAUSED");
      c.resumeNode(HostId.of("node1"));
      assertThat(c.host("node1").state()).isEqualTo(NodeState.UP);
    }
  }

  @Test
  void drainingMovesEveryGroupAwayAndLosesNoVm() {
    try (Simulation sim = Simulation.builder().seed(15).build()) {
      Cluster c = running(sim, TestSpecs.fourNodes());
      List<VmId> onNode2 = c.host("node2").vms();
      assertThat(onNode2).isNotEmpty();
      c.drainNode(HostId.of("node2"));
      sim.runFor(Duration.ofMinutes(5));
      assertThat(c.host("node2").state()).isEqualTo(NodeState.PAUSED);
      assertThat(c.host("node2").vms()).isEmpty();
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING);
      for (VmId id : onNode2) {
        assertThat(c.vm(id).host()).isPresent().isNotEqualTo(java.util.Optional.of(HostId.of("node2")));
      }
    }
  }

  @Test
  void nodesLeaveAndRejoinTheCluster() {
    try (Simulation sim = Simulation.builder().seed(16).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = running(sim, TestSpecs.fourNodes());
      c.stopClusterService(HostId.of("node4"));
      sim.runFor(Duration.ofMinutes(5));
      assertThat(c.host("node4").state()).isEqualTo(NodeState.DOWN);
      assertThat(c.host("node4").vms()).isEmpty();
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING);
      assertThat(c.quorum().members()).doesNotContain(HostId.of("node4"));
      c.startClusterService(HostId.of("node4"));
      sim.runFor(Duration.ofSeconds(10));
      assertThat(c.host("node4").state()).isEqualTo(NodeState.UP);
      assertThat(log.of(NodeStateChanged.class, e -> e.host().name().equals("node4") && e.to() == NodeState.JOINING))
          .hasSize(2);
    }
  }

  @Test
  void addsANodeWhichJoinsAndCountsInTheQuorum() {
    try (Simulation sim = Simulation.builder().seed(17).build()) {
      Cluster c = running(sim, TestSpecs.cluster("HV3", QuorumModel.NODE_MAJORITY, 3, 3));
      c.addNode(HostSpec.builder("node4").build());
      sim.runFor(Duration.ofSeconds(10));
      assertThat(c.host("node4").state()).isEqualTo(NodeState.UP);
      assertThat(c.quorum().totalVotes()).isEqualTo(4);
      assertThat(c.quorum().votesNeeded()).isEqualTo(3);
      assertThatThrownBy(() -> c.addNode(HostSpec.builder("node4").build()))
          .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("lists node 'node4' twice");
      assertThat(c.hosts()).hasSize(4);
    }
  }

  @Test
  void namesUnknownEntitiesAndListsTheKnownOnes() {
    try (Simulation sim = Simulation.builder().build()) {
      Cluster c = sim.createCluster(TestSpecs.fourNodes());
      assertThatThrownBy(() -> c.vm("nope")).isInstanceOf(NoSuchEntityException.class)
          .hasMessageStartingWith("no VM named 'nope'; known VMs: vm1, vm2");
      assertThatThrownBy(() -> sim.createCluster(TestSpecs.fourNodes())).isInstanceOf(InvalidConfigurationException.class)
          .hasMessageContaining("already exists");
    }
  }

  @Test
  void vmsSharingALunFormOneGroupAndMoveTogether() {
    ClusterSpec spec = ClusterSpec.builder("HV4").quorum(QuorumModel.NODE_MAJORITY)
        .host(HostSpec.builder("a").build()).host(HostSpec.builder("b").build()).host(HostSpec.builder("c").build())
        .storage(StorageSpec.iscsi(List.of(LunSpec.data("shared", 100), LunSpec.data("own", 10))))
        .vm(VmSpec.builder("app").lun("shared").guestOs(GuestOs.WINDOWS_SERVER_2003).build())
        .vm(VmSpec.builder("db").lun("shared").build())
        .vm(VmSpec.builder("solo").lun("own").build())
        .build();
    try (Simulation sim = Simulation.builder().seed(18).build()) {
      Cluster c = running(sim, spec);
      assertThat(c.groups()).hasSize(2);
      assertThat(c.group("app").vms()).containsExactly(VmId.of("app"), VmId.of("db"));
      assertThat(c.vm("app").host()).isEqualTo(c.vm("db").host());
      HostId owner = c.vm("app").host().orElseThrow();
      sim.faults(c).crashHost(owner);
      sim.runFor(Duration.ofMinutes(4));
      assertThat(c.vm("app").state()).isEqualTo(VmState.RUNNING);
      assertThat(c.vm("app").host()).isEqualTo(c.vm("db").host()).isNotEqualTo(java.util.Optional.of(owner));
    }
  }
}
