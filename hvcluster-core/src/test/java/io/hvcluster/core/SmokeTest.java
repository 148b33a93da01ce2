package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VmState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class SmokeTest {
  @Test
  void formsStartsAndFailsOver() {
    StringBuilder trace = new StringBuilder();
    try (Simulation sim = Simulation.builder().seed(7).traceTo(trace).build()) {
      Cluster c = sim.createCluster(TestSpecs.fourNodes());
      c.form();
      c.startAllVms();
      sim.runFor(Duration.ofMinutes(3));
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING);
      sim.faults(c).crashHost(HostId.of("node2"));
      sim.runFor(Duration.ofMinutes(5));
      System.out.println(trace);
      assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING);
    }
  }
}
