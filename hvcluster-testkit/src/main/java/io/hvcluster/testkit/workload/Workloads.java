package io.hvcluster.testkit.workload;

import io.hvcluster.api.migration.MigrationKind;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.api.spec.WorkloadSpec;
import io.hvcluster.testkit.fault.HostSelector;
import io.hvcluster.testkit.property.Gen;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Generators of workloads: administrator operations over time, and guest memory workloads for VMs.
 * Every generator is a plain function of its random source; operations shrink by removal and by moving
 * earlier.
 *
 * <p>This class is stateless and thread-safe. Example:
 *
 * <pre>{@code
 * Gen<Workload> ops = Workloads.operations(spec, Duration.ofMinutes(2), 6);
 * Gen<WorkloadSpec> guest = Workloads.guest(2L << 30);
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Workloads {
  private Workloads() {}

  /**
   * Returns a generator of up to {@code maxOperations} operations invoked within {@code horizon}:
   * migrations, operator stops and starts, pauses, drains and resumes, group moves (to a node or the best
   * possible node) and at most one forced quorum, on the cluster's VMs and nodes.
   *
   * @param spec the cluster the operations run on
   * @param horizon operations are invoked before this time
   * @param maxOperations the most operations, 0 or more
   * @return the generator
   * @throws IllegalArgumentException when {@code maxOperations} is negative or the horizon is not positive
   */
  public static Gen<Workload> operations(ClusterSpec spec, Duration horizon, int maxOperations) {
    if (maxOperations < 0 || horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("workload needs a positive horizon and 0 or more operations, not "
          + horizon + " and " + maxOperations);
    }
    List<VmId> vms = spec.vms().stream().map(VmSpec::id).collect(Collectors.toList());
    List<HostId> hosts = spec.hosts().stream().map(HostSpec::id).collect(Collectors.toList());
    if (vms.isEmpty() || maxOperations == 0) {
      return Gen.constant(Workload.none());
    }
    Gen<Duration> at = Gen.durations(Duration.ZERO, horizon.minusSeconds(1).isNegative() ? Duration.ZERO
        : horizon.minusSeconds(1), Duration.ofSeconds(1));
    Gen<VmId> vm = Gen.elements(vms);
    Gen<HostSelector> node = Gen.choose(Gen.constant(HostSelector.one()),
        Gen.elements(hosts).map(h -> HostSelector.explicit(h)));
    List<Gen.Weighted<Operation>> choices = new ArrayList<>();
    choices.add(Gen.weighted(4, Gen.zip(at, Gen.zip(vm, Gen.zip(node, Gen.elements(MigrationKind.QUICK, MigrationKind.LIVE),
        Pair::new), Pair::new), (t, p) -> new Operation.Migrate(t, p.a, p.b.a, p.b.b))));
    choices.add(Gen.weighted(2, Gen.zip(at, vm, Operation.StopVm::new)));
    choices.add(Gen.weighted(2, Gen.zip(at, vm, Operation.StartVm::new)));
    choices.add(Gen.weighted(1, Gen.zip(at, Gen.zip(node, Gen.booleans(), Pair::new),
        (t, p) -> new Operation.PauseNode(t, p.a, p.b))));
    choices.add(Gen.weighted(1, Gen.zip(at, node, Operation.ResumeNode::new)));
    choices.add(Gen.weighted(2, Gen.zip(at, Gen.zip(vm, Gen.zip(node, Gen.booleans(), Pair::new), Pair::new),
        (t, p) -> new Operation.MoveGroup(t, p.a, p.b.a, p.b.b))));
    choices.add(Gen.weighted(1, Gen.zip(at, node, Operation.ForceQuorum::new)));
    return Gen.lists(Gen.frequency(choices), 0, maxOperations).map(Workloads::oneForcedQuorum).map(Workload::new);
  }

  /**
   * Keeps the first forced quorum of a workload and drops the others: one administrator who knows the
   * risk forces quorum once; forcing two partitions is the split brain the checkers report, a mistake a
   * test writes on purpose rather than a random workload.
   */
  private static List<Operation> oneForcedQuorum(List<Operation> ops) {
    List<Operation> out = new ArrayList<>();
    boolean forced = false;
    for (Operation op : ops) {
      if (op instanceof Operation.ForceQuorum) {
        if (forced) {
          continue;
        }
        forced = true;
      }
      out.add(op);
    }
    return out;
  }

  /**
   * Returns a generator of guest workloads for a VM of the given memory: a working set of up to half
   * the memory, in whole MiB, and a dirty rate of up to 2,000 pages a second. Both shrink toward zero.
   *
   * @param memoryBytes the VM's memory
   * @return the generator
   */
  public static Gen<WorkloadSpec> guest(long memoryBytes) {
    long maxMiB = Math.max(0, memoryBytes / 2 / (1L << 20));
    return Gen.zip(Gen.longs(0, maxMiB), Gen.longs(0, 2000), WorkloadSpec::of);
  }

  private record Pair<A, B>(A a, B b) {
  }
}
