package io.hvcluster.examples;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.VmId;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.api.spec.WorkloadSpec;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.migration.QuickMigration;
import io.hvcluster.core.report.Timeline;
import java.time.Duration;
import java.util.List;

/**
 * Runs a custom migration strategy, {@link CheckedQuickMigration}, next to the built-in one it extends:
 * the same VM moved from node1 to node2 in two simulations with the same seed has the same downtime
 * either way (the custom strategy takes its time from the same cost model), and a move to node3, which
 * has room for the VM but would be left with less than 4 GiB free, is refused by the pre-flight check
 * before the VM is touched.
 *
 * <p>Run it with {@code java -cp hvcluster-examples/target/examples.jar io.hvcluster.examples.MigrationExample}.
 */
public final class MigrationExample {
  private static final VmId APP = VmId.of("app");
  /** The free memory a target must keep: enough for one more 4 GiB VM after a failure. */
  static final long HEADROOM = 4L << 30;

  private MigrationExample() {}

  /** Returns the cluster: three 16 GiB nodes; app (4 GiB, busy) on node1, two 4 GiB VMs on node3. */
  public static ClusterSpec cluster() {
    return ClusterSpec.builder("MOVES")
        .host(HostSpec.builder("node1").memoryGiB(16).build())
        .host(HostSpec.builder("node2").memoryGiB(16).build())
        .host(HostSpec.builder("node3").memoryGiB(16).build())
        .storage(StorageSpec.iscsi(List.of(LunSpec.witness("witness"), LunSpec.data("lun-app", 40),
            LunSpec.data("lun-db1", 40), LunSpec.data("lun-db2", 40))))
        .vm(VmSpec.builder("app").memoryGiB(4).lun("lun-app").preferredOwners("node1")
            .workload(WorkloadSpec.of(3 * 1024, 2_000)).build())
        .vm(VmSpec.builder("db1").memoryGiB(4).lun("lun-db1").preferredOwners("node3").build())
        .vm(VmSpec.builder("db2").memoryGiB(4).lun("lun-db2").preferredOwners("node3").build())
        .build();
  }

  /** Moves app to {@code target} with {@code strategy} in a fresh simulation and returns the result. */
  public static MigrationResult move(MigrationStrategy strategy, String target) {
    try (Simulation sim = Simulation.builder().seed(11).build()) {
      Cluster cluster = sim.createCluster(cluster());
      cluster.form();
      cluster.startAllVms();
      sim.runFor(Duration.ofMinutes(3));
      MigrationHandle handle = cluster.migrate(APP, HostId.of(target), strategy);
      sim.runUntil(handle::isDone, Duration.ofMinutes(10));
      return handle.result().orElseThrow();
    }
  }

  private static String describe(MigrationResult r) {
    return r.strategy() + " to " + r.target() + ": " + r.outcome() + ", downtime "
        + Timeline.duration(r.downtimeNanos()) + " (" + r.reason() + ")";
  }

  /**
   * Prints the three moves.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println(describe(move(QuickMigration.eager(), "node2")));
    System.out.println(describe(move(new CheckedQuickMigration(HEADROOM), "node2")));
    System.out.println(describe(move(new CheckedQuickMigration(HEADROOM), "node3")));
  }
}
