package io.hvcluster.testkit.engine;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.FailbackPolicy;
import io.hvcluster.api.spec.FailoverPolicy;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.testkit.gen.FaultPlans;
import io.hvcluster.testkit.gen.Topologies;
import io.hvcluster.testkit.junit.Scenario;
import io.hvcluster.testkit.property.Gen;
import io.hvcluster.testkit.workload.Workloads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The wide scenario generator of {@code hvcluster torture --wide}, in swarm fashion: each scenario draws
 * its own knobs, so that a campaign reaches the policies a fixed 4-node cluster with a few early faults
 * never does.
 *
 * <ul>
 *   <li>topology: 2 to 16 nodes, every quorum model, layout and storage type ({@link Topologies});
 *   <li>memory pressure: hosts of 16, 32 or 64 GiB with up to six VMs a node, so some clusters run near
 *       their capacity and a lost node's groups do not all fit elsewhere;
 *   <li>faults: up to twice the torture's fault budget, striking within 1, 3 or 10 minutes, lasting up
 *       to 30 s, 2 min or 5 min (faults late in a run, and repeated ones that exhaust thresholds);
 *   <li>policies: on about half the clusters every VM gets a drawn failover policy: restart threshold 0,
 *       1 or 3 in 5 or 15 minutes, failover threshold 1, 2 or nodes − 1 in 1 or 6 hours, and failback
 *       prevented, immediate or in a window of hours;
 *   <li>operator workload: 3 to 8 operations over the fault horizon; a quiet time of 1 or 5 minutes.
 * </ul>
 */
final class WideScenarios {
  private static final List<Long> HOST_GIB = List.of(16L, 32L, 64L);
  private static final List<Duration> HORIZONS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(3),
      Duration.ofMinutes(10));
  private static final List<Duration> LONGEST = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2),
      Duration.ofMinutes(5));
  private static final List<Duration> QUIET = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5));

  private WideScenarios() {}

  /** The knobs one wide scenario draws before anything else. */
  private record Knobs(int nodes, int vms, long hostGiB, Duration horizon, Duration longest, Duration quiet,
      int faults, int operations) {}

  /**
   * Returns the generator.
   *
   * @param maxFaults the torture's fault budget; a wide plan has up to twice as many faults
   * @param maxWorkingSetMiB the most memory a generated guest writes
   * @return the generator
   */
  static Gen<Scenario> generator(int maxFaults, long maxWorkingSetMiB) {
    Gen<Knobs> knobs = Gen.of(r -> {
      int nodes = 2 + r.nextInt(15);
      return new Knobs(nodes, r.nextInt(6 * nodes + 1), pick(HOST_GIB, r), pick(HORIZONS, r), pick(LONGEST, r),
          pick(QUIET, r), 1 + r.nextInt(2 * maxFaults), 3 + r.nextInt(6));
    });
    return knobs.flatMap(k -> Topologies.builder().nodes(k.nodes(), k.nodes()).vms(k.vms(), k.vms())
        .hostMemoryGiB(k.hostGiB()).maxWorkingSetMiB(maxWorkingSetMiB).build()
        .flatMap(spec -> Gen.of(r -> withPolicies(spec, r)))
        .flatMap(spec -> Gen.zip(Workloads.operations(spec, k.horizon(), k.operations()),
            FaultPlans.builder(spec).maxFaults(k.faults()).horizon(k.horizon())
                .durations(Duration.ofSeconds(1), k.longest()).quiet(k.quiet()).swarm().build(),
            (workload, plan) -> Scenario.of(spec, workload, plan))));
  }

  /** Gives about half the clusters a drawn failover policy, the same for every VM. */
  static ClusterSpec withPolicies(ClusterSpec spec, RandomGenerator r) {
    if (spec.vms().isEmpty() || r.nextBoolean()) {
      return spec;
    }
    FailbackPolicy failback = switch (r.nextInt(3)) {
      case 0 -> FailbackPolicy.prevent();
      case 1 -> FailbackPolicy.immediately();
      default -> {
        int start = r.nextInt(24);
        yield FailbackPolicy.window(start, (start + 1 + r.nextInt(23)) % 24);
      }
    };
    FailoverPolicy d = FailoverPolicy.defaults();
    FailoverPolicy policy = new FailoverPolicy(d.restartAction(), pick(List.of(0, 1, 3), r),
        pick(List.of(Duration.ofMinutes(5), Duration.ofMinutes(15)), r), d.pendingTimeout(), d.retryPeriodOnFailure(),
        pick(List.of(1, 2, -1), r), pick(List.of(Duration.ofHours(1), Duration.ofHours(6)), r), failback);
    List<VmSpec> vms = new ArrayList<>(spec.vms().size());
    for (VmSpec vm : spec.vms()) {
      vms.add(vm.toBuilder().failover(policy).build());
    }
    return new ClusterSpec(spec.name(), spec.quorum(), spec.hosts(), spec.storage(), vms, spec.settings());
  }

  private static <T> T pick(List<T> values, RandomGenerator r) {
    return values.get(r.nextInt(values.size()));
  }
}
