package io.hvcluster.core;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterFaults;
import io.hvcluster.api.HostId;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.QuorumModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs a seeded random fault scenario (crashes, hangs, service crashes, link cuts, partitions, heals) on
 * a small cluster and returns its JSON Lines trace. The scenario depends only on the seed, so two runs
 * that differ in an engine option can be compared event for event.
 */
final class ScenarioRunner {
  private ScenarioRunner() {}

  static String run(long seed, HeartbeatMode mode) {
    return run(seed, mode, false);
  }

  /**
   * Runs the scenario of {@code seed}; with {@code subnets}, the odd and even nodes sit on two subnets whose
   * heartbeats are 1500 ms apart with a threshold of 7, so routes of both timings are in play.
   */
  static String run(long seed, HeartbeatMode mode, boolean subnets) {
    SplittableRandom r = new SplittableRandom(seed);
    QuorumModel[] models = QuorumModel.values();
    QuorumModel model = models[r.nextInt(models.length)];
    int nodes = 2 + r.nextInt(5);
    ClusterSpec spec = TestSpecs.cluster("C" + seed, model, nodes, 2 + r.nextInt(6));
    if (subnets) {
      spec = TestSpecs.twoSubnets(spec, Duration.ofMillis(1500), 7);
    }
    StringBuilder trace = new StringBuilder();
    try (Simulation sim = Simulation.builder().seed(seed).heartbeatMode(mode).traceTo(trace).build()) {
      Cluster c = sim.createCluster(spec);
      c.form();
      c.startAllVms();
      ClusterFaults f = sim.faults(c);
      List<HostId> ids = c.hosts().stream().map(h -> h.id()).toList();
      long t = 0;
      int faults = 3 + r.nextInt(8);
      for (int i = 0; i < faults; i++) {
        // Millisecond-aligned times, sometimes several at the same instant.
        t += r.nextInt(4) == 0 ? 0 : 1_000_000L * (1 + r.nextInt(90_000));
        HostId a = ids.get(r.nextInt(ids.size()));
        HostId b = ids.get(r.nextInt(ids.size()));
        int kind = r.nextInt(9);
        Runnable action = switch (kind) {
          case 0 -> () -> f.crashHost(a);
          case 1 -> () -> f.powerOnHost(a);
          case 2 -> () -> f.hangHost(a);
          case 3 -> () -> f.resumeHost(a);
          case 4 -> () -> f.crashClusterService(a);
          case 5 -> () -> {
            if (!a.equals(b)) {
              f.cutLink(a, b);
            }
          };
          case 6 -> () -> {
            if (!a.equals(b)) {
              f.restoreLink(a, b);
            }
          };
          case 7 -> () -> {
            Set<HostId> side = new HashSet<>();
            for (HostId id : ids) {
              if (id.hashCode() % 2 == 0) {
                side.add(id);
              }
            }
            side.add(a);
            f.partition(List.of(side));
          };
          default -> f::healNetwork;
        };
        sim.schedule(Duration.ofNanos(t), action);
      }
      sim.schedule(Duration.ofNanos(t + 60_000_000_000L), () -> {
        f.healNetwork();
        for (HostId id : ids) {
          f.resumeHost(id);
          f.powerOnHost(id);
        }
      });
      sim.runFor(Duration.ofNanos(t + 600_000_000_000L));
      trace.append("hash ").append(sim.traceHash()).append('\n');
    }
    return trace.toString();
  }

  static List<String> lines(String trace) {
    return new ArrayList<>(List.of(trace.split("\n")));
  }
}
