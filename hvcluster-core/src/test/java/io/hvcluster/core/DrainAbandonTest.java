package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DrainAbandonTest {
  @Test
  void aVmOfAGroupWhoseDrainWasAbandonedStartsAgainOnThePausedOwner() {
    ClusterSpec spec = ClusterSpec.builder("D").quorum(QuorumModel.NODE_MAJORITY)
        .host(HostSpec.builder("n1").build()).host(HostSpec.builder("n2").build()).host(HostSpec.builder("n3").build())
        .storage(StorageSpec.iscsi(List.of(LunSpec.data("shared", 50))))
        .vm(VmSpec.builder("a").lun("shared").preferredOwners("n1").build())
        .vm(VmSpec.builder("b").lun("shared").build())
        .build();
    StringBuilder trace = new StringBuilder();
    try (Simulation sim = Simulation.builder().seed(3).traceTo(trace).build()) {
      Cluster c = sim.createCluster(spec);
      c.form();
      c.startAllVms();
      sim.runFor(Duration.ofMinutes(3));
      HostId owner = c.vm("a").host().orElseThrow();
      sim.faults(c).failStorageWrites(LunId.of("shared"), true);
      sim.faults(c).crashVm(c.vm("b").id());
      sim.runFor(Duration.ofSeconds(1));
      c.drainNode(owner);
      sim.runFor(Duration.ofSeconds(30));
      sim.faults(c).restoreStorageWrites(LunId.of("shared"));
      sim.runFor(Duration.ofMinutes(10));
      assertThat(c.vm("a").state()).as(trace.toString()).isEqualTo(VmState.RUNNING);
      assertThat(c.vm("b").state()).as(trace.toString()).isEqualTo(VmState.RUNNING);
    }
  }
}
