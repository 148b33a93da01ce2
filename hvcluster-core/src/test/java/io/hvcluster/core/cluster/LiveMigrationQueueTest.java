package io.hvcluster.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.VmId;
import io.hvcluster.api.event.MigrationPhaseStarted;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationPhase;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.api.spec.WorkloadSpec;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.migration.LiveMigration;
import io.hvcluster.core.migration.QuickMigration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows Server 2008 R2 runs one live migration at a time out of a host; the rest queue (issue 14). */
final class LiveMigrationQueueTest {
  private static final HostId N1 = HostId.of("n1");

  /** Three 1 GiB VMs (256 MiB touched) on one Cluster Shared Volume, all on n1; hosts n1 to n4. */
  private static ClusterSpec spec() {
    ClusterSpec.Builder b = ClusterSpec.builder("LMQ").quorum(QuorumModel.NODE_MAJORITY);
    for (int i = 1; i <= 4; i++) {
      b.host(HostSpec.builder("n" + i).memoryGiB(16).build());
    }
    b.storage(StorageSpec.iscsi(List.of(LunSpec.sharedVolume("csv1", 200), LunSpec.data("lun-q", 20))));
    for (String vm : List.of("a", "b", "c")) {
      b.vm(VmSpec.builder(vm).memoryMiB(1024).lun("csv1").preferredOwners("n1").workload(WorkloadSpec.of(256, 200))
          .build());
    }
    b.vm(VmSpec.builder("q").memoryMiB(1024).lun("lun-q").preferredOwners("n1").workload(WorkloadSpec.of(256, 200))
        .build());
    return b.build();
  }

  private record Run(Simulation sim, Cluster cluster, List<MigrationPhaseStarted> phases) {}

  private static Run running(Simulation sim) {
    Cluster c = sim.createCluster(spec());
    c.form();
    c.startAllVms();
    sim.runFor(Duration.ofMinutes(3));
    for (String vm : List.of("a", "b", "c", "q")) {
      assertThat(c.vm(VmId.of(vm)).host()).contains(N1);
    }
    List<MigrationPhaseStarted> phases = new ArrayList<>();
    sim.addListener(e -> {
      if (e instanceof MigrationPhaseStarted p) {
        phases.add(p);
      }
    });
    return new Run(sim, c, phases);
  }

  private static MigrationHandle migrate(Run r, String vm, String to, MigrationStrategy how) {
    return r.cluster().migrate(VmId.of(vm), HostId.of(to), how);
  }

  private static MigrationResult finish(Run r, MigrationHandle h) {
    r.sim().runUntil(h::isDone, Duration.ofMinutes(30));
    MigrationResult result = h.result().orElseThrow();
    assertThat(result.outcome()).isEqualTo(MigrationOutcome.COMPLETED);
    return result;
  }

  private static long phaseStart(MigrationResult r, String name) {
    return r.phases().stream().filter(p -> p.name().equals(name)).mapToLong(MigrationPhase::startNanos).findFirst()
        .orElseThrow(() -> new AssertionError(r.vm() + " has no phase " + name + ": " + r.phases()));
  }

  @Test
  void aSecondLiveMigrationFromOneHostStartsOnlyAfterTheFirstSwitchesOver() {
    try (Simulation sim = Simulation.builder().seed(14).build()) {
      Run r = running(sim);
      MigrationHandle first = migrate(r, "a", "n2", LiveMigration.withDefaults());
      MigrationHandle second = migrate(r, "b", "n3", LiveMigration.withDefaults());
      assertThat(first.isQueued()).isFalse();
      assertThat(second.isQueued()).as("a visible state").isTrue();
      assertThat(r.phases()).as("an event").anyMatch(p -> p.vm().equals(VmId.of("b"))
          && p.phase().equals(MigrationResult.QUEUED));
      MigrationResult a = finish(r, first);
      MigrationResult b = finish(r, second);
      assertThat(second.isQueued()).isFalse();
      long switchover = phaseStart(a, "switchover");
      assertThat(phaseStart(b, "pre-copy")).isEqualTo(switchover);
      assertThat(b.phases().get(0).name()).isEqualTo(MigrationResult.QUEUED);
      assertThat(b.queuedNanos()).isEqualTo(switchover - b.startNanos()).isPositive();
      assertThat(a.queuedNanos()).isZero();
      assertThat(b.downtimeNanos()).as("waiting is no downtime").isLessThan(Duration.ofSeconds(1).toNanos());
    }
  }

  @Test
  void queuedLiveMigrationsStartInRequestOrder() {
    try (Simulation sim = Simulation.builder().seed(15).build()) {
      Run r = running(sim);
      MigrationHandle a = migrate(r, "a", "n2", LiveMigration.withDefaults());
      MigrationHandle c = migrate(r, "c", "n4", LiveMigration.withDefaults());
      MigrationHandle b = migrate(r, "b", "n3", LiveMigration.withDefaults());
      MigrationResult ra = finish(r, a);
      MigrationResult rb = finish(r, b);
      MigrationResult rc = finish(r, c);
      assertThat(phaseStart(rc, "pre-copy")).isEqualTo(phaseStart(ra, "switchover"));
      assertThat(phaseStart(rb, "pre-copy")).isEqualTo(phaseStart(rc, "switchover"));
    }
  }

  @Test
  void aQuickMigrationIsNotQueuedBehindALiveOne() {
    try (Simulation sim = Simulation.builder().seed(16).build()) {
      Run r = running(sim);
      MigrationHandle live = migrate(r, "a", "n2", LiveMigration.withDefaults());
      MigrationHandle quick = migrate(r, "q", "n3", QuickMigration.lazy());
      assertThat(quick.isQueued()).isFalse();
      finish(r, live);
      MigrationResult q = finish(r, quick);
      assertThat(q.queuedNanos()).isZero();
      assertThat(q.phases().get(0).name()).isEqualTo("save");
      assertThat(q.phases().get(0).startNanos()).isEqualTo(q.startNanos());
    }
  }

  @Test
  void aQueuedMigrationWhoseSourceCrashesEndsAndFreesItsPlaceInLine() {
    try (Simulation sim = Simulation.builder().seed(17).build()) {
      Run r = running(sim);
      MigrationHandle first = migrate(r, "a", "n2", LiveMigration.withDefaults());
      MigrationHandle second = migrate(r, "b", "n3", LiveMigration.withDefaults());
      sim.faults(r.cluster()).crashHost(N1);
      sim.runUntil(() -> first.isDone() && second.isDone(), Duration.ofMinutes(5));
      assertThat(second.isQueued()).isFalse();
      assertThat(second.result().orElseThrow().outcome()).isNotEqualTo(MigrationOutcome.COMPLETED);
      assertThat(second.result().orElseThrow().phases()).extracting(MigrationPhase::name)
          .containsExactly(MigrationResult.QUEUED);
    }
  }
}
