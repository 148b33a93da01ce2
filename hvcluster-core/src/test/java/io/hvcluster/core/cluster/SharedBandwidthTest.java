package io.hvcluster.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.VmId;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.CostModel;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.api.spec.WorkloadSpec;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.migration.QuickMigration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Concurrent transfers share the storage paths and the array (issue 14), in virtual time. */
final class SharedBandwidthTest {
  private static final long GIB = 1L << 30;

  /** Hosts n1..n5; VM vK on its own LUN, fully used 2 GiB, preferring the host given for it. */
  private static ClusterSpec spec(Map<String, String> vmsOn) {
    ClusterSpec.Builder b = ClusterSpec.builder("BW").quorum(QuorumModel.NODE_MAJORITY);
    for (int i = 1; i <= 5; i++) {
      b.host(HostSpec.builder("n" + i).memoryGiB(32).build());
    }
    List<LunSpec> luns = new ArrayList<>();
    vmsOn.keySet().stream().sorted().forEach(vm -> luns.add(LunSpec.data("lun-" + vm, 40)));
    b.storage(StorageSpec.iscsi(luns));
    vmsOn.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.vm(VmSpec.builder(e.getKey())
        .memoryMiB(2048).lun("lun-" + e.getKey()).preferredOwners(e.getValue())
        .workload(WorkloadSpec.of(2048, 500)).build()));
    return b.build();
  }

  private static Cluster running(Simulation sim, ClusterSpec spec) {
    Cluster c = sim.createCluster(spec);
    c.form();
    c.startAllVms();
    sim.runFor(Duration.ofMinutes(3));
    return c;
  }

  /** Starts the migrations at one instant and returns each one's total time once all have ended. */
  private static List<Long> migrateAtOnce(Simulation sim, Cluster c, Map<String, String> moves) {
    List<MigrationHandle> handles = new ArrayList<>();
    moves.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        handles.add(c.migrate(VmId.of(e.getKey()), HostId.of(e.getValue()), QuickMigration.lazy())));
    sim.runUntil(() -> handles.stream().allMatch(MigrationHandle::isDone), Duration.ofMinutes(30));
    List<Long> totals = new ArrayList<>();
    for (MigrationHandle h : handles) {
      MigrationResult r = h.result().orElseThrow();
      assertThat(r.outcome()).isEqualTo(MigrationOutcome.COMPLETED);
      totals.add(r.totalNanos());
    }
    return totals;
  }

  private static long alone() {
    try (Simulation sim = Simulation.builder().seed(14).build()) {
      Cluster c = running(sim, spec(Map.of("v1", "n1")));
      return migrateAtOnce(sim, c, Map.of("v1", "n2")).get(0);
    }
  }

  @Test
  void fourQuickMigrationsOutOfOneHostShareItsStoragePath() {
    long one = alone();
    try (Simulation sim = Simulation.builder().seed(14).build()) {
      Map<String, String> on = Map.of("v1", "n1", "v2", "n1", "v3", "n1", "v4", "n1");
      Cluster c = running(sim, spec(on));
      List<Long> totals = migrateAtOnce(sim, c, Map.of("v1", "n2", "v2", "n3", "v3", "n4", "v4", "n5"));
      long slowest = totals.stream().mapToLong(Long::longValue).max().orElseThrow();
      // What the shared bandwidth allows: 8 GiB leave through n1's one write path; the handover and
      // set-up are fixed; the four restores read 8 GiB through the array, which serves three paths' worth
      // (each target's own read path would allow more).
      CostModel costs = c.spec().settings().costs();
      double write = 4.0 * 2 * GIB / costs.storageWriteBytesPerSecond();
      double read = 4.0 * 2 * GIB / Math.min(costs.arrayBytesPerSecond(), 4 * costs.storageReadBytesPerSecond());
      double fixed = (costs.lunHandover().toNanos() + costs.restoreSetup().toNanos()) / 1e9;
      double expected = write + fixed + read;
      assertThat(slowest).as("the slowest of four, against %.1f s alone", one / 1e9).isGreaterThanOrEqualTo(2 * one);
      assertThat(slowest / 1e9).as("against %.1f s the shared bandwidth allows", expected)
          .isBetween(expected * 0.9, expected * 1.1);
    }
  }

  @Test
  void twoQuickMigrationsFromTwoSourcesToTwoTargetsTakeAboutAsLongAsOne() {
    long one = alone();
    try (Simulation sim = Simulation.builder().seed(14).build()) {
      Cluster c = running(sim, spec(Map.of("v1", "n1", "v2", "n2")));
      List<Long> totals = migrateAtOnce(sim, c, Map.of("v1", "n3", "v2", "n4"));
      for (long t : totals) {
        assertThat((double) t).as("against %.1f s alone", one / 1e9).isBetween(one * 0.98, one * 1.02);
      }
    }
  }

  @Test
  void aSlowedLunSlowsASaveUnderWay() {
    long one = alone();
    try (Simulation sim = Simulation.builder().seed(14).build()) {
      Cluster c = running(sim, spec(Map.of("v1", "n1")));
      MigrationHandle h = c.migrate(VmId.of("v1"), HostId.of("n2"), QuickMigration.lazy());
      sim.runFor(Duration.ofSeconds(5)); // paused, device state saved, then 3.5 s of memory written
      sim.faults(c).slowLun(io.hvcluster.api.LunId.of("lun-v1"), 2.0);
      sim.runUntil(h::isDone, Duration.ofMinutes(10));
      CostModel costs = c.spec().settings().costs();
      double save = 2.0 * GIB / costs.storageWriteBytesPerSecond();
      double read = 2.0 * GIB / costs.storageReadBytesPerSecond();
      double writing = 5 - (costs.vmPause().toNanos() + costs.deviceStateSave().toNanos()) / 1e9;
      // The rest of the save and all of the restore at half speed.
      double expected = one / 1e9 + (save - writing) + read;
      assertThat(h.result().orElseThrow().totalNanos() / 1e9).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.5));
    }
  }

  /** Two fully used 2 GiB VMs on one Cluster Shared Volume: "a" on n2, "b" on n1. */
  private static ClusterSpec onOneCsv() {
    ClusterSpec.Builder b = ClusterSpec.builder("CSV").quorum(QuorumModel.NODE_MAJORITY);
    for (int i = 1; i <= 4; i++) {
      b.host(HostSpec.builder("n" + i).memoryGiB(32).build());
    }
    b.storage(StorageSpec.iscsi(List.of(LunSpec.sharedVolume("csv1", 200))));
    b.vm(VmSpec.builder("a").memoryMiB(2048).lun("csv1").preferredOwners("n2").workload(WorkloadSpec.of(2048, 500))
        .build());
    b.vm(VmSpec.builder("b").memoryMiB(2048).lun("csv1").preferredOwners("n1").workload(WorkloadSpec.of(2048, 500))
        .build());
    return b.build();
  }

  private static long[] bothMoved(boolean redirected) {
    try (Simulation sim = Simulation.builder().seed(14).build()) {
      Cluster c = running(sim, onOneCsv());
      io.hvcluster.api.LunId csv = io.hvcluster.api.LunId.of("csv1");
      assertThat(c.storage().lun(csv).owner()).as("the coordinator").contains(HostId.of("n1"));
      if (redirected) {
        sim.faults(c).failStoragePaths(HostId.of("n2"), csv, 2);
        sim.runFor(Duration.ofSeconds(1));
        assertThat(c.storage().lun(csv).redirectedNodes()).containsExactly(HostId.of("n2"));
      }
      List<Long> totals = migrateAtOnce(sim, c, Map.of("a", "n3", "b", "n4"));
      return new long[] {totals.get(0), totals.get(1)};
    }
  }

  @Test
  void redirectedCsvIoGoesThroughTheCoordinatorsPath() {
    long[] direct = bothMoved(false);
    long[] redirected = bothMoved(true);
    assertThat(direct[0]).isCloseTo(direct[1], org.assertj.core.data.Percentage.withPercentage(2));
    // n2's save crosses the cluster network and then n1's storage path, which n1's own save also uses:
    // the two saves share one path (2 x 2 GiB at 118.75 MB/s, about 36 s instead of 18 s).
    double save = 2.0 * GIB / CostModel.forStorage(io.hvcluster.api.spec.StorageType.ISCSI).storageWriteBytesPerSecond();
    assertThat((redirected[0] - direct[0]) / 1e9).isCloseTo(save, org.assertj.core.data.Offset.offset(1.0));
    assertThat((redirected[1] - direct[1]) / 1e9).isCloseTo(save, org.assertj.core.data.Offset.offset(1.0));
  }
}
