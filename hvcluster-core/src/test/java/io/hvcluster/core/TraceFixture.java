package io.hvcluster.core;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import java.time.Duration;

/** The same operations on the same cluster, varying only the seed. */
final class TraceFixture {
  private TraceFixture() {}

  static String demoTrace(long seed) {
    StringBuilder trace = new StringBuilder();
    try (Simulation sim = Simulation.builder().seed(seed).traceTo(trace).build()) {
      Cluster c = sim.createCluster(TestSpecs.fourNodes());
      c.form();
      c.startAllVms();
      sim.runFor(Duration.ofMinutes(3));
      sim.faults(c).crashHost(HostId.of("node3"));
      sim.runFor(Duration.ofMinutes(5));
      trace.append(sim.traceHash());
    }
    return trace.toString();
  }
}
