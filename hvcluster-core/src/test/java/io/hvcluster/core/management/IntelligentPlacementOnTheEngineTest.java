package io.hvcluster.core.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.GroupPlaced;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
