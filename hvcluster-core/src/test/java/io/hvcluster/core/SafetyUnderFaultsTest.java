package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterFaults;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmState;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.QuorumModel;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random faults against the engine with safety checked after every kernel event, and liveness after
 * everything heals: a self-check of the model independent of the testkit's checkers.
 */
final class SafetyUnderFaultsTest {
  private static final int SEEDS = Integer.getInteger("hvcluster.safety.seeds", 80);

  @Test
  void safetyHoldsAtEveryStepAndEverythingRunsAgainAfterHealing() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      String replay = "seed " + seed + "; replay: SafetyUnderFaultsTest.scenario(" + seed + "L)";
      try {
        scenario(seed);
      } catch (AssertionError e) {
        throw new AssertionError(replay + ": " + e.getMessage(), e);
      }
    }
  }

  static void scenario(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    QuorumModel model = QuorumModel.values()[r.nextInt(4)];
    int nodes = 2 + r.nextInt(5);
    ClusterSpec spec = TestSpecs.cluster("S" + seed, model, nodes, 3 + r.nextInt(8));
    StringBuilder trace = new StringBuilder();
    try (Simulation sim = Simulation.builder().seed(seed).traceTo(Boolean.getBoolean("hvcluster.debug") ? System.out : trace).build()) {
      Cluster c = sim.createCluster(spec);
      sim.addStepObserver(() -> checkSafety(c));
      c.form();
      c.startAllVms();
      ClusterFaults f = sim.faults(c);
      List<HostId> ids = c.hosts().stream().map(Host::id).toList();
      long t = 60_000_000_000L;
      for (int i = 0; i < 4 + r.nextInt(8); i++) {
        t += 1_000_000L * r.nextInt(120_000);
        HostId a = ids.get(r.nextInt(ids.size()));
        HostId b = ids.get(r.nextInt(ids.size()));
        LunId lun = c.storage().luns().get(r.nextInt(c.storage().luns().size())).id();
        Runnable action = switch (r.nextInt(12)) {
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
          case 6 -> () -> f.partition(List.of(Set.of(a)));
          case 7 -> () -> f.failStoragePaths(a, lun, 2);
          case 8 -> () -> f.takeLunOffline(lun);
          case 9 -> () -> f.crashVm(c.vms().get(r.nextInt(c.vms().size())).id());
          case 10 -> f::loseWitness;
          default -> f::healNetwork;
        };
        sim.schedule(Duration.ofNanos(t), action);
      }
      sim.runFor(Duration.ofNanos(t + 1));
      f.healNetwork();
      f.restoreWitness();
      for (HostId id : ids) {
        f.resumeHost(id);
        f.powerOnHost(id);
        for (var l : c.storage().luns()) {
          f.restoreStoragePaths(id, l.id());
        }
      }
      for (var l : c.storage().luns()) {
        f.bringLunOnline(l.id());
      }
      // After healing, every node rejoins and every VM runs again (restart retries are bounded by the
      // retry period; groups over their failover threshold need an operator, who starts them here).
      sim.runFor(Duration.ofMinutes(10));
      assertThat(c.hosts()).allMatch(h -> h.state() == NodeState.UP);
      assertThat(c.quorum().hasQuorum()).isTrue();
      for (VirtualMachine vm : c.vms()) {
        if (vm.state() != VmState.RUNNING) {
          c.startVm(vm.id());
        }
      }
      sim.runFor(Duration.ofHours(2));
      for (VirtualMachine vm : c.vms()) {
        assertThat(vm.state()).as("%s (%s)", vm.id(), vm.lastReason()).isEqualTo(VmState.RUNNING);
      }
    }
  }

  static void checkSafety(Cluster c) {
    Map<String, Integer> executing = new java.util.TreeMap<>();
    for (Host h : c.hosts()) {
      if (!h.isRunning()) {
        continue;
      }
      assertThat(h.memoryCommittedBytes()).as("S6 memory on %s", h.id()).isLessThanOrEqualTo(h.spec().vmMemoryBytes());
      for (var e : h.instances().entrySet()) {
        if (!e.getValue().isExecuting()) {
          continue;
        }
        executing.merge(e.getKey().name(), 1, Integer::sum);
        assertThat(h.state()).as("S4/S5: %s executes on %s which is %s", e.getKey(), h.id(), h.state())
            .isIn(NodeState.UP, NodeState.PAUSED);
        VirtualMachine vm = c.vm(e.getKey());
        for (LunId lun : vm.spec().luns()) {
          var l = c.storage().lun(lun);
          if (!l.spec().csv()) {
            assertThat(l.owner()).as("S3: %s executes on %s without owning %s", vm.id(), h.id(), lun)
                .contains(h.id());
          }
        }
      }
    }
    Set<String> twice = new HashSet<>();
    executing.forEach((vm, n) -> {
      if (n > 1) {
        twice.add(vm);
      }
    });
    assertThat(twice).as("S1: VMs executing on more than one host").isEmpty();
  }
}
