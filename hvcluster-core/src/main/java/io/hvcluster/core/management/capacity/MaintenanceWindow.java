package io.hvcluster.core.management.capacity;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How long a maintenance window must be to drain one node of a cluster: the cluster is simulated, its
 * VMs started, and the node carrying the most VM memory is drained with the cluster's planned-move
 * strategy (Quick Migration). The estimate therefore includes what a sum of single migrations would
 * miss: the node's VMs leave through its one storage path at once and share it (and the array), and live
 * migrations would queue one at a time.
 *
 * <p>Deterministic for a spec and a seed. Example:
 * <pre>{@code
 * MaintenanceWindow.Estimate e = MaintenanceWindow.estimate(spec, 1);
 * System.out.println(e.describe());
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MaintenanceWindow {
  private static final Duration SETTLE = Duration.ofMinutes(15);
  private static final Duration LIMIT = Duration.ofHours(12);

  private MaintenanceWindow() {}

  /**
   * What draining the busiest node takes.
   *
   * @param node the node drained (the one whose running VMs have the most memory)
   * @param vms how many VMs ran on it
   * @param memoryBytes their memory together
   * @param drainNanos virtual time from the drain until the last of them runs elsewhere; 0 when the node
   *     ran none
   * @param longestAloneNanos the longest of their migrations alone would take, for comparison: the
   *     longest single Quick Migration among them, as if nothing else moved
   * @param stranded the VMs that did not run elsewhere within 12 hours (nowhere to go), in name order
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record Estimate(HostId node, int vms, long memoryBytes, long drainNanos, long longestAloneNanos,
      List<VmId> stranded) {
    /**
     * Creates an estimate; copies the list.
     *
     * @param node the node drained
     * @param vms how many VMs ran on it
     * @param memoryBytes their memory together
     * @param drainNanos virtual time until the last of them ran elsewhere
     * @param longestAloneNanos the longest of their migrations alone
     * @param stranded the VMs that found no other node
     */
    public Estimate {
      Objects.requireNonNull(node, "node");
      stranded = List.copyOf(stranded);
    }

    /**
     * Returns the estimate in one line for people.
     *
     * @return the line
     */
    public String describe() {
      if (vms == 0) {
        return "no node runs a VM; a drain moves nothing";
      }
      return String.format(java.util.Locale.ROOT, "draining %s (%d VM%s, %.1f GiB) takes %.1f s with Quick Migration:"
          + " its VMs share its storage path (the longest of them alone would take %.1f s)%s", node, vms,
          vms == 1 ? "" : "s", memoryBytes / (double) (1L << 30), drainNanos / 1e9, longestAloneNanos / 1e9,
          stranded.isEmpty() ? "" : "; " + stranded.size() + " found no other node: " + stranded);
    }
  }

  /**
   * Simulates a drain of the busiest node of {@code spec} and returns how long it takes.
   *
   * @param spec the cluster
   * @param seed the simulation's seed
   * @return the estimate
   */
  public static Estimate estimate(ClusterSpec spec, long seed) {
    try (Simulation sim = Simulation.builder().seed(seed).build()) {
      Cluster cluster = sim.createCluster(spec);
      cluster.form();
      cluster.startAllVms();
      sim.runFor(SETTLE);
      HostId busiest = null;
      long most = -1;
      for (var host : spec.hosts()) {
        long memory = memoryOn(cluster, spec, host.id());
        if (memory > most) {
          most = memory;
          busiest = host.id();
        }
      }
      List<VmId> leaving = new ArrayList<>();
      for (VmSpec vm : spec.vms()) {
        if (cluster.vm(vm.id()).host().equals(java.util.Optional.of(busiest))) {
          leaving.add(vm.id());
        }
      }
      if (leaving.isEmpty()) {
        return new Estimate(busiest, 0, 0, 0, 0, List.of());
      }
      long longest = 0;
      for (VmId id : leaving) {
        long bytes = cluster.vm(id).spec().memoryBytes();
        var costs = spec.settings().costs();
        longest = Math.max(longest, costs.storageWrite(bytes).plus(costs.storageRead(bytes))
            .plus(costs.quickMigrationFixed(true)).toNanos());
      }
      long[] lastMove = {0};
      sim.addListener(e -> {
        if (e instanceof MigrationFinished f && leaving.contains(f.result().vm())) {
          lastMove[0] = Math.max(lastMove[0], f.timeNanos());
        }
      });
      long start = sim.now().toNanos();
      HostId node = busiest;
      cluster.drainNode(node);
      sim.runUntil(() -> leaving.stream().allMatch(v -> runsElsewhere(cluster.vm(v), node)), LIMIT);
      List<VmId> stranded = new ArrayList<>();
      for (VmId v : leaving) {
        if (!runsElsewhere(cluster.vm(v), node)) {
          stranded.add(v);
        }
      }
      long end = stranded.isEmpty() ? sim.now().toNanos() : Math.max(start, lastMove[0]);
      stranded.sort(null);
      return new Estimate(node, leaving.size(), most, end - start, longest, stranded);
    }
  }

  private static boolean runsElsewhere(VirtualMachine vm, HostId node) {
    return vm.state() == io.hvcluster.api.VmState.RUNNING && vm.host().isPresent() && !vm.host().get().equals(node);
  }

  private static long memoryOn(Cluster cluster, ClusterSpec spec, HostId host) {
    long memory = 0;
    for (VmSpec vm : spec.vms()) {
      if (cluster.vm(vm.id()).host().equals(java.util.Optional.of(host))) {
        memory += vm.memoryBytes();
      }
    }
    return memory;
  }
}
