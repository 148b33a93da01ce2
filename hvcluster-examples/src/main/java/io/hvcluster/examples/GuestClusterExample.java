package io.hvcluster.examples;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.GuestClusterFailover;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.Priority;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.report.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A guest cluster: two VMs, sql1 and sql2, run Windows Server 2008 with the cluster service inside and
 * SQL Server as their clustered application (guest cluster {@code sql}), on different hosts of a
 * three-node host cluster. When the host under sql1, the active guest node, loses power, two clusters
 * react at once: the guest cluster moves SQL Server to sql2 within seconds, and the host cluster
 * cold-boots sql1 on a surviving node, which takes minutes. Guest clustering is what keeps the database's
 * outage short; host clustering is what brings the lost guest node back.
 *
 * <p>Run it with {@code java -cp hvcluster-examples/target/examples.jar io.hvcluster.examples.GuestClusterExample}.
 */
public final class GuestClusterExample {
  private static final VmId SQL1 = VmId.of("sql1");

  private GuestClusterExample() {}

  /**
   * What happened after the crash.
   *
   * @param crashed the host that lost power
   * @param failovers the guest cluster's failovers after the crash, in order
   * @param guestFailoverNanos virtual time from the crash to SQL Server running on the other guest node
   * @param sql1BackNanos virtual time from the crash to sql1 running again, on a surviving host
   */
  public record Outcome(HostId crashed, List<GuestClusterFailover> failovers, long guestFailoverNanos,
      long sql1BackNanos) {}

  /** Returns the host cluster: three Server Core hosts; sql1 and sql2 a guest cluster, two application VMs. */
  public static ClusterSpec cluster() {
    ClusterSpec.Builder b = ClusterSpec.builder("SQLHA").quorum(QuorumModel.NODE_MAJORITY);
    for (int i = 1; i <= 3; i++) {
      b.host(HostSpec.builder("hv" + i).memoryGiB(32).installation(Installation.SERVER_CORE).build());
    }
    return b.storage(StorageSpec.iscsi(List.of(LunSpec.data("lun-sql1", 100), LunSpec.data("lun-sql2", 100),
            LunSpec.data("lun-app1", 40), LunSpec.data("lun-app2", 40))))
        .vm(VmSpec.builder("sql1").memoryGiB(8).vcpus(4).lun("lun-sql1").guestCluster("sql").preferredOwners("hv1")
            .priority(Priority.HIGH).build())
        .vm(VmSpec.builder("sql2").memoryGiB(8).vcpus(4).lun("lun-sql2").guestCluster("sql").preferredOwners("hv2")
            .priority(Priority.HIGH).build())
        .vm(VmSpec.builder("app1").memoryGiB(4).lun("lun-app1").preferredOwners("hv1").build())
        .vm(VmSpec.builder("app2").memoryGiB(4).lun("lun-app2").preferredOwners("hv3").build())
        .build();
  }

  /** Starts sql1 first (it becomes the active guest node), then the rest, and crashes sql1's host. */
  public static Outcome run(long seed) {
    try (Simulation sim = Simulation.builder().seed(seed).build()) {
      Cluster cluster = sim.createCluster(cluster());
      List<GuestClusterFailover> failovers = new ArrayList<>();
      sim.addListener(e -> {
        if (e instanceof GuestClusterFailover g && g.from().isPresent()) {
          failovers.add(g);
        }
      });
      cluster.form();
      sim.runFor(Duration.ofSeconds(10));
      cluster.startVm(SQL1);
      sim.runFor(Duration.ofMinutes(5));
      cluster.startAllVms();
      sim.runFor(Duration.ofMinutes(10));

      HostId host = cluster.vm(SQL1).host().orElseThrow();
      long crashedAt = sim.nowNanos();
      sim.faults(cluster).crashHost(host);
      sim.runUntil(() -> !failovers.isEmpty(), Duration.ofMinutes(5));
      long guest = failovers.isEmpty() ? -1 : failovers.get(0).timeNanos() - crashedAt;
      sim.runUntil(() -> cluster.vm(SQL1).state() == VmState.RUNNING, Duration.ofMinutes(15));
      long back = sim.nowNanos() - crashedAt;
      return new Outcome(host, List.copyOf(failovers), guest, back);
    }
  }

  /**
   * Prints how long SQL Server and sql1 were away.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Outcome o = run(42);
    System.out.println(o.crashed() + " lost power under sql1, the active guest node");
    o.failovers().forEach(f -> System.out.println("  " + Timeline.line(f).strip()));
    System.out.println("SQL Server ran again on " + o.failovers().get(0).to().orElseThrow() + " after "
        + Timeline.duration(o.guestFailoverNanos()) + "; sql1 itself ran again after "
        + Timeline.duration(o.sql1BackNanos()) + ", cold-booted by the host cluster");
  }
}
