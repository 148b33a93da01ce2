package io.hvcluster.testkit.invariant;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.Simulation;
import io.hvcluster.testkit.check.Violation;
import io.hvcluster.testkit.history.History;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the checkers make of forced quorum: a forced partition may run; two at once are a split brain. */
final class ForcedQuorumChecksTest {
  private static final HostId N1 = HostId.of("node1");
  private static final HostId N2 = HostId.of("node2");
  private static final HostId N3 = HostId.of("node3");

  private static ClusterSpec threeNodes() {
    return ClusterSpec.builder("FQ").quorum(QuorumModel.NODE_MAJORITY)
        .host(HostSpec.builder("node1").memoryGiB(32).build())
        .host(HostSpec.builder("node2").memoryGiB(32).build())
        .host(HostSpec.builder("node3").memoryGiB(32).build())
        .storage(StorageSpec.iscsi(List.of(LunSpec.data("lun-a", 40), LunSpec.data("lun-b", 40))))
        .vm(VmSpec.builder("a").memoryGiB(2).lun("lun-a").build())
        .vm(VmSpec.builder("b").memoryGiB(2).lun("lun-b").build())
        .build();
  }

  private static StepMonitor start(Simulation sim, Cluster c) {
    StepMonitor monitor = StepMonitor.attach(sim, c, new History(), Invariants.standard(sim, c));
    c.form();
    c.startAllVms();
    sim.runFor(Duration.ofMinutes(3));
    assertThat(c.vms()).allSatisfy(v -> assertThat(v.state()).isEqualTo(VmState.RUNNING));
    return monitor;
  }

  @Test
  void aForcedQuorumOnALoneNodeRunsItsGroupsAndBreaksNoInvariant() {
    try (Simulation sim = Simulation.builder().seed(61).build()) {
      Cluster c = sim.createCluster(threeNodes());
      StepMonitor monitor = start(sim, c);
      sim.faults(c).crashHost(N2);
      sim.faults(c).crashHost(N3);
      sim.runFor(Duration.ofMinutes(2));
      assertThat(c.quorum().hasQuorum()).isFalse();
      c.forceQuorum(N1);
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.quorum().forced()).isTrue();
      assertThat(c.vms()).allSatisfy(v -> {
        assertThat(v.state()).isEqualTo(VmState.RUNNING);
        assertThat(v.host()).contains(N1);
      });
      assertThat(monitor.violations()).isEmpty();
    }
  }

  @Test
  void aSecondForcedPartitionIsASplitBrainTheCheckersReport() {
    try (Simulation sim = Simulation.builder().seed(62).build()) {
      Cluster c = sim.createCluster(threeNodes());
      StepMonitor monitor = start(sim, c);
      sim.faults(c).partition(List.of(Set.of(N1), Set.of(N2), Set.of(N3)));
      sim.runFor(Duration.ofMinutes(2));
      assertThat(c.quorum().hasQuorum()).isFalse();
      c.forceQuorum(N1);
      sim.runFor(Duration.ofMinutes(3));
      assertThat(monitor.violations()).isEmpty();
      c.forceQuorum(N3);
      sim.runFor(Duration.ofSeconds(1));
      Violation v = monitor.firstViolation().orElseThrow();
      assertThat(v.invariant()).isEqualTo("S12");
      assertThat(v.message()).startsWith("split brain: quorum forced on node3").contains("forced on node1");
    }
  }

  @Test
  void forcingQuorumTwiceInsideOnePartitionIsNoSplitBrain() {
    try (Simulation sim = Simulation.builder().seed(63).build()) {
      Cluster c = sim.createCluster(threeNodes());
      StepMonitor monitor = start(sim, c);
      sim.faults(c).partition(List.of(Set.of(N1, N2), Set.of(N3)));
      sim.faults(c).crashHost(N3);
      sim.runFor(Duration.ofMinutes(2));
      // node1 and node2 hold 2 of 3 votes: they keep quorum; /forcequorum is refused on a member.
      assertThat(c.quorum().hasQuorum()).isTrue();
      sim.faults(c).crashHost(N2);
      sim.runFor(Duration.ofMinutes(2));
      c.forceQuorum(N1);
      sim.runFor(Duration.ofMinutes(1));
      c.forceQuorum(N1);
      sim.runFor(Duration.ofMinutes(1));
      assertThat(monitor.violations()).isEmpty();
    }
  }
}
