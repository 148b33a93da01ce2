package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.NoSuchEntityException;
import io.hvcluster.api.VmId;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.placement.PlacementDecision;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.api.placement.PlacementRequest;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.FailbackPolicy;
import io.hvcluster.api.spec.FailoverPolicy;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.migration.LiveMigration;
import io.hvcluster.core.migration.QuickMigration;
import io.hvcluster.core.placement.Placements;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link PlacementRequest#previousOwner()} names the node the group was on, for every kind of move that
 * asks the placement policy.
 */
final class PreviousOwnerTest {
  private static final VmId VM1 = VmId.of("vm1");

  /** The default policy, remembering every request it is asked. */
  private static final class Recording implements PlacementPolicy {
    final List<PlacementRequest> requests = new ArrayList<>();

    @Override
    public PlacementDecision place(PlacementRequest request) {
      requests.add(request);
      return Placements.wsfcDefault().place(request);
    }

    PlacementRequest last(String group, PlacementReason reason) {
      return requests.stream().filter(r -> r.group().name().equals(group) && r.reason() == reason)
          .reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionError("no " + reason + " request for " + group + " among " + requests.size()));
    }
  }

  private static Cluster running(Simulation sim, ClusterSpec spec, Recording policy) {
    Cluster c = sim.createCluster(spec);
    c.setPlacementPolicy(policy);
    c.form();
    c.startAllVms();
    sim.runFor(Duration.ofMinutes(3));
    return c;
  }

  private static HostId hostOf(Cluster c, VmId vm) {
    return c.vm(vm).host().orElseThrow(() -> new AssertionError(vm + " runs nowhere"));
  }

  @Test
  void theFirstPlacementOfAGroupHasNoPreviousOwner() {
    try (Simulation sim = Simulation.builder().seed(161).build()) {
      Recording policy = new Recording();
      running(sim, TestSpecs.fourNodes(), policy);
      assertThat(policy.last("vm1", PlacementReason.INITIAL).previousOwner()).isEmpty();
    }
  }

  @Test
  void aFailoverAfterAHostCrashNamesTheCrashedHost() {
    try (Simulation sim = Simulation.builder().seed(162).build()) {
      Recording policy = new Recording();
      Cluster c = running(sim, TestSpecs.fourNodes(), policy);
      HostId was = hostOf(c, VM1);
      sim.faults(c).crashHost(was);
      sim.runFor(Duration.ofMinutes(3));
      assertThat(hostOf(c, VM1)).isNotEqualTo(was);
      assertThat(policy.last("vm1", PlacementReason.FAILOVER).previousOwner()).contains(was);
    }
  }

  @Test
  void faultsTakeHostAndVmNamesLikeTheRestOfTheApi() {
    try (Simulation sim = Simulation.builder().seed(169).build()) {
      Recording policy = new Recording();
      Cluster c = running(sim, TestSpecs.fourNodes(), policy);
      HostId was = hostOf(c, VM1);
      sim.faults(c).crashHost(was.name());
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.host(was.name()).isRunning()).isFalse();
      assertThat(policy.last("vm1", PlacementReason.FAILOVER).previousOwner()).contains(was);
      sim.faults(c).powerOnHost(was.name());
      sim.faults(c).crashVm("vm2");
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.host(was.name()).isRunning()).isTrue();
      assertThatThrownBy(() -> sim.faults(c).crashHost("node9")).isInstanceOf(NoSuchEntityException.class);
    }
  }

  @Test
  void aFailoverAfterTheRestartThresholdNamesTheNodeWhereTheRestartsFailed() {
    try (Simulation sim = Simulation.builder().seed(163).build()) {
      Recording policy = new Recording();
      Cluster c = running(sim, TestSpecs.fourNodes(), policy);
      HostId was = hostOf(c, VM1);
      // RestartThreshold 3: the fourth failure inside RestartPeriod fails the group over.
      for (int i = 0; i < 4; i++) {
        sim.faults(c).crashVm(VM1);
        sim.runFor(Duration.ofMinutes(2));
      }
      assertThat(hostOf(c, VM1)).isNotEqualTo(was);
      assertThat(policy.last("vm1", PlacementReason.FAILOVER).previousOwner()).contains(was);
    }
  }

  @Test
  void aDrainNamesTheDrainedNode() {
    try (Simulation sim = Simulation.builder().seed(164).build()) {
      Recording policy = new Recording();
      Cluster c = running(sim, TestSpecs.fourNodes(), policy);
      HostId was = hostOf(c, VM1);
      c.drainNode(was);
      sim.runFor(Duration.ofMinutes(5));
      assertThat(hostOf(c, VM1)).isNotEqualTo(was);
      PlacementRequest drain = policy.last("vm1", PlacementReason.DRAIN);
      assertThat(drain.previousOwner()).contains(was);
      assertThat(drain.candidates()).noneMatch(h -> h.id().equals(was));
    }
  }

  @Test
  void aFailoverAfterAQuickMigrationNamesTheMigrationTarget() {
    failoverAfterMigrationNamesTheTarget(QuickMigration.lazy(), 165);
  }

  @Test
  void aFailoverAfterALiveMigrationNamesTheMigrationTarget() {
    failoverAfterMigrationNamesTheTarget(LiveMigration.withDefaults(), 166);
  }

  private static void failoverAfterMigrationNamesTheTarget(MigrationStrategy strategy, long seed) {
    try (Simulation sim = Simulation.builder().seed(seed).build()) {
      Recording policy = new Recording();
      Cluster c = running(sim, TestSpecs.fourNodes(), policy);
      HostId source = hostOf(c, VM1);
      HostId target = c.hosts().stream().map(h -> h.id()).filter(id -> !id.equals(source)).findFirst().orElseThrow();
      MigrationHandle handle = c.migrate(VM1, target, strategy);
      sim.runUntil(handle::isDone, Duration.ofMinutes(5));
      assertThat(handle.result().orElseThrow().outcome()).isEqualTo(MigrationOutcome.COMPLETED);
      sim.faults(c).crashHost(target);
      sim.runFor(Duration.ofMinutes(3));
      assertThat(policy.last("vm1", PlacementReason.FAILOVER).previousOwner()).contains(target);
    }
  }

  @Test
  void aFailbackThePolicyMustRedoNamesTheNodeTheGroupLeft() {
    // Two VMs on one LUN form one group, preferring n1 and failing back to it at once.
    FailoverPolicy failback = FailoverPolicy.defaults().withFailback(FailbackPolicy.immediately());
    ClusterSpec spec = ClusterSpec.builder("FB").quorum(QuorumModel.NODE_MAJORITY)
        .host(HostSpec.builder("n1").build()).host(HostSpec.builder("n2").build()).host(HostSpec.builder("n3").build())
        .storage(StorageSpec.iscsi(List.of(LunSpec.data("shared", 40))))
        .vm(VmSpec.builder("a").memoryGiB(2).lun("shared").preferredOwners("n1", "n2").failover(failback).build())
        .vm(VmSpec.builder("b").memoryGiB(2).lun("shared").preferredOwners("n1", "n2").failover(failback).build())
        .build();
    try (Simulation sim = Simulation.builder().seed(167).build()) {
      Recording policy = new Recording();
      Cluster c = running(sim, spec, policy);
      HostId n1 = HostId.of("n1");
      HostId n2 = HostId.of("n2");
      assertThat(hostOf(c, VmId.of("a"))).isEqualTo(n1);
      sim.faults(c).crashHost(n1);
      sim.runFor(Duration.ofMinutes(3));
      assertThat(hostOf(c, VmId.of("a"))).isEqualTo(n2);
      sim.faults(c).powerOnHost(n1);
      // n1 joins, the group starts to fail back (its VMs are saved on n2), and n1 fails again meanwhile:
      // the group's planned target is gone, so the placement policy places it, with the failback reason.
      assertThat(sim.runUntil(() -> c.group("a").state() == io.hvcluster.api.GroupState.OFFLINE_PENDING,
          Duration.ofMinutes(10))).as("the failback began").isTrue();
      sim.faults(c).crashHost(n1);
      sim.runFor(Duration.ofMinutes(5));
      PlacementRequest back = policy.last("a", PlacementReason.FAILBACK);
      assertThat(back.previousOwner()).contains(n2);
      assertThat(hostOf(c, VmId.of("a"))).isNotEqualTo(n1);
    }
  }

  @Test
  void aPlacementAfterLostStoragePathsNamesTheNodeThatLostThem() {
    try (Simulation sim = Simulation.builder().seed(168).build()) {
      Recording policy = new Recording();
      Cluster c = running(sim, TestSpecs.fourNodes(), policy);
      HostId was = hostOf(c, VM1);
      int before = policy.requests.size();
      sim.faults(c).failStoragePaths(was, io.hvcluster.api.LunId.of("lun-vm1"), 8);
      sim.runFor(Duration.ofMinutes(3));
      assertThat(hostOf(c, VM1)).isNotEqualTo(was);
      Optional<PlacementRequest> moved = policy.requests.subList(before, policy.requests.size()).stream()
          .filter(r -> r.group().name().equals("vm1")).reduce((a, b) -> b);
      assertThat(moved).isPresent();
      assertThat(moved.get().previousOwner()).contains(was);
      assertThat(moved.get().candidates()).noneMatch(h -> h.id().equals(was));
    }
  }
}
