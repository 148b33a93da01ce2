package io.hvcluster.core.management.vmm;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.GroupPlaced;
import io.hvcluster.api.event.PlacementFailed;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.management.description.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class IntelligentPlacementOnTheEngineTest {

  private static boolean allRunning(Cluster c) {
    return c.vms().stream().allMatch(vm -> vm.state() == VmState.RUNNING);
  }

  @Test
  void initialPlacementAndFailoverBothGoThroughTheConfiguredPolicy() {
    ClusterSpec spec = Fixtures.sound(4, 8).toSpec();
    List<GroupPlaced> placed = new ArrayList<>();
    try (Simulation sim = Simulation.builder().seed(7).build()) {
      sim.addListener(e -> {
        if (e instanceof GroupPlaced p) {
          placed.add(p);
        }
      });
      Cluster c = sim.createCluster(spec);
      IntelligentPlacement policy = IntelligentPlacement.builder().weights(new ResourceWeights(1, 1, 0, 0)).build();
      c.setPlacementPolicy(policy);
      c.form();
      c.startAllVms();
      assertThat(sim.runUntil(() -> allRunning(c), Duration.ofMinutes(10))).isTrue();

      assertThat(c.hosts()).extracting(Host::groupCount).containsExactly(2, 2, 2, 2);
      assertThat(placed).hasSize(8).allSatisfy(p -> assertThat(p.policy()).isEqualTo(policy.name()));
      assertThat(placed.get(0).reason()).isEqualTo("node1 rated 5 stars for LOAD_BALANCING");

      placed.clear();
      sim.faults(c).crashHost(HostId.of("node1"));
      assertThat(sim.runUntil(() -> allRunning(c) && c.host("node1").vms().isEmpty(), Duration.ofMinutes(15))).isTrue();

      assertThat(placed).hasSize(2).allSatisfy(p -> assertThat(p.policy()).isEqualTo(policy.name()));
      assertThat(placed).extracting(GroupPlaced::target).doesNotHaveDuplicates();
      assertThat(c.vms()).extracting(VirtualMachine::host).noneMatch(h -> h.orElseThrow().equals(HostId.of("node1")));
    }
  }

  /** Three nodes and web, on its own LUN, preferring {@code preferred} in order. */
  private static ClusterSpec threeNodes(String... preferred) {
    return ClusterSpec.builder("HV1")
        .host(HostSpec.builder("node1").build())
        .host(HostSpec.builder("node2").build())
        .host(HostSpec.builder("node3").build())
        .storage(StorageSpec.iscsi(List.of(LunSpec.witness("witness"), LunSpec.data("lun-web", 40))))
        .vm(VmSpec.builder("web").memoryGiB(2).lun("lun-web").preferredOwners(preferred).build())
        .build();
  }

  static Stream<PlacementPolicy> policies() {
    return Stream.of(io.hvcluster.core.placement.Placements.wsfcDefault(), IntelligentPlacement.builder().clusterReserve(0).build());
  }

  /**
   * Three nodes; web prefers node1, then node2. node2 has lost every path to web's LUN when node1 fails:
   * web goes to node3, which can reach it, as WSFC moves on from a node whose disk will not come online.
   */
  @ParameterizedTest
  @MethodSource("policies")
  void failoverPassesOverANodeWithoutAPathToTheGroupsStorage(PlacementPolicy policy) {
    ClusterSpec spec = threeNodes("node1", "node2");
    List<PlacementFailed> failed = new ArrayList<>();
    try (Simulation sim = Simulation.builder().seed(3).build()) {
      sim.addListener(e -> {
        if (e instanceof PlacementFailed f) {
          failed.add(f);
        }
      });
      Cluster c = sim.createCluster(spec);
      c.setPlacementPolicy(policy);
      c.form();
      c.startAllVms();
      assertThat(sim.runUntil(() -> allRunning(c), Duration.ofMinutes(10))).isTrue();
      assertThat(c.vm("web").host()).contains(HostId.of("node1"));
      assertThat(c.storage().lun(LunId.of("lun-web")).reachableFrom(HostId.of("node2"))).isTrue();

      sim.faults(c).failStoragePaths(HostId.of("node2"), LunId.of("lun-web"), 8);
      assertThat(c.storage().lun(LunId.of("lun-web")).reachableFrom(HostId.of("node2"))).isFalse();
      sim.faults(c).crashHost(HostId.of("node1"));

      assertThat(sim.runUntil(() -> allRunning(c), Duration.ofMinutes(10))).isTrue();
      assertThat(c.vm("web").host()).contains(HostId.of("node3"));
      assertThat(failed).isEmpty();
    }
  }

  /** When no surviving node has a path, the group waits, says why, and comes online once a path is back. */
  @ParameterizedTest
  @MethodSource("policies")
  void aGroupNoNodeCanReachWaitsForAPathWithAReason(PlacementPolicy policy) {
    ClusterSpec spec = threeNodes("node1");
    try (Simulation sim = Simulation.builder().seed(3).build()) {
      Cluster c = sim.createCluster(spec);
      c.setPlacementPolicy(policy);
      c.form();
      c.startAllVms();
      assertThat(sim.runUntil(() -> allRunning(c), Duration.ofMinutes(10))).isTrue();
      sim.faults(c).failStoragePaths(HostId.of("node2"), LunId.of("lun-web"), 8);
      sim.faults(c).failStoragePaths(HostId.of("node3"), LunId.of("lun-web"), 8);
      sim.faults(c).crashHost(HostId.of("node1"));
      sim.runFor(Duration.ofMinutes(5));

      assertThat(c.vm("web").state()).isEqualTo(VmState.OFF);
      assertThat(c.group("web").lastReason()).isEqualTo("waiting: no up, unpaused node of the active partition"
          + " can reach the group's storage (no path from node2, node3)");

      sim.faults(c).restoreStoragePaths(HostId.of("node3"), LunId.of("lun-web"));
      assertThat(sim.runUntil(() -> allRunning(c), Duration.ofMinutes(10))).isTrue();
      assertThat(c.vm("web").host()).contains(HostId.of("node3"));
    }
  }
}
