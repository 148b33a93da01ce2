package io.hvcluster.core.cluster;

import static io.hvcluster.core.cluster.LiveClusters.N1;
import static io.hvcluster.core.cluster.LiveClusters.N2;
import static io.hvcluster.core.cluster.LiveClusters.VM;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.LunId;
import io.hvcluster.api.MemoryBacking;
import io.hvcluster.api.VmState;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationPass;
import io.hvcluster.api.migration.MigrationPhase;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.api.spec.CostModel;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.cluster.LiveClusters.Setup;
import io.hvcluster.core.cluster.LiveClusters.Watch;
import io.hvcluster.core.cluster.model.SimVm;
import io.hvcluster.core.memory.GuestWorkload;
import io.hvcluster.core.migration.LiveMigration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LiveMigrationTest {
  private static final long MIB = 1L << 20;
  private static final long LIMIT = 300_000_000L;
  /** A busy 2 GiB guest on a CSV: it rewrites 20 MiB a second, a sixth of the 1 Gbit/s link. */
  private static final Setup BUSY = new Setup(2048, 1536, 5_000, true, 1.0);
  /** A guest that rewrites 160 MiB a second of a 256 MiB working set: more than a 1 Gbit/s link carries. */
  private static final Setup OUTRUNS = new Setup(1024, 256, 40_000, true, 1.0);

  private static MigrationResult run(long seed, Setup setup, LiveMigration strategy) {
    try (Simulation sim = Simulation.builder().seed(seed).build()) {
      Cluster c = LiveClusters.running(sim, setup);
      Watch watch = new Watch(sim, c);
      MigrationResult r = LiveClusters.migrate(sim, c, strategy);
      sim.runFor(Duration.ofSeconds(10));
      assertThat(watch.violations).isEmpty();
      assertThat(watch.endings).as("the migration ends exactly once").isEqualTo(1);
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
      assertThat(c.vm(VM).host()).contains(r.outcome() == MigrationOutcome.COMPLETED ? N2 : N1);
      return r;
    }
  }

  private static long sum(List<MigrationPass> passes) {
    return passes.stream().mapToLong(MigrationPass::bytes).sum();
  }

  @Test
  void aGuestDirtyingWellBelowTheLinkConvergesWithABlackoutUnderTheLimit() {
    MigrationResult r = run(61, BUSY, LiveMigration.withDefaults());
    assertThat(r.outcome()).isEqualTo(MigrationOutcome.COMPLETED);
    assertThat(r.fellBackToQuick()).isFalse();
    assertThat(r.downtimeNanos()).isPositive().isLessThanOrEqualTo(LIMIT);
    assertThat(r.passes()).hasSizeBetween(3, 5);
    assertThat(r.passes().get(0).bytes()).as("pass 1 sends the working set").isEqualTo(1536 * MIB);
    for (int i = 1; i < r.passes().size(); i++) {
      assertThat(r.passes().get(i).index()).isEqualTo(i + 1);
      assertThat(r.passes().get(i).bytes()).as("each pass sends less").isLessThan(r.passes().get(i - 1).bytes());
    }
    assertThat(r.bytesTransferred()).isEqualTo(sum(r.passes()));
    MigrationPass last = r.passes().get(r.passes().size() - 1);
    assertThat(r.downtimeNanos()).as("the blackout is the stop-and-copy pass").isEqualTo(last.durationNanos());
    assertThat(r.phases()).extracting(MigrationPhase::name).containsExactly("pre-copy", "stop-and-copy", "switchover");
    long passTime = r.passes().stream().mapToLong(MigrationPass::durationNanos).sum();
    assertThat(r.totalNanos()).isBetween(passTime, passTime + 1_000_000L);
  }

  @Test
  void anIdleGuestMovesItsTouchedMemoryAtLinkSpeedAndNothingMore() {
    MigrationResult r = run(62, new Setup(2048, 1024, 0, true, 1.0), LiveMigration.withDefaults());
    assertThat(r.outcome()).isEqualTo(MigrationOutcome.COMPLETED);
    assertThat(r.passes()).extracting(MigrationPass::bytes).containsExactly(1024 * MIB, 0L);
    long wire = CostModel.forStorage(io.hvcluster.api.spec.StorageType.ISCSI).linkTransfer(1024 * MIB).toNanos();
    assertThat(r.totalNanos()).as("touched bytes over the link, plus latencies").isBetween(wire, wire + 1_000_000L);
    assertThat(r.downtimeNanos()).isLessThan(1_000_000L);
  }

  @Test
  void realMemoryOnTheTargetEqualsTheSourcePageForPageAtTheSwitchover(@TempDir Path dir) {
    // A 100 Mbit/s link makes a 64 MiB guest take several passes.
    Setup setup = new Setup(64, 48, 500, false, 0.1);
    try (Simulation sim = Simulation.builder().seed(63).memoryBacking(MemoryBacking.REAL).workDirectory(dir).build()) {
      Cluster c = LiveClusters.running(sim, setup);
      SimVm vm = LiveClusters.model(c);
      GuestMemory before = c.vm(VM).memory().orElseThrow();
      List<GuestWorkload.Verification> atSwitchover = new ArrayList<>();
      sim.addStepObserver(() -> {
        if (vm.migration() != null && vm.node() != null && vm.node().id().equals(N2) && atSwitchover.isEmpty()) {
          atSwitchover.add(LiveClusters.workload(c).verify(LiveClusters.currentMemory(c)));
        }
      });
      MigrationResult r = LiveClusters.migrate(sim, c, LiveMigration.withDefaults());
      assertThat(r.outcome()).isEqualTo(MigrationOutcome.COMPLETED);
      assertThat(r.passes().size()).isGreaterThanOrEqualTo(3);
      assertThat(atSwitchover).hasSize(1);
      assertThat(atSwitchover.get(0).ok()).as(atSwitchover.get(0).toString()).isTrue();
      assertThat(atSwitchover.get(0).pagesChecked()).isEqualTo(48 * 256);
      assertThat(before.isClosed()).as("the source's copy is released").isTrue();
      GuestMemory after = c.vm(VM).memory().orElseThrow();
      assertThat(after.backing()).isEqualTo(MemoryBacking.REAL);
      assertThat(LiveClusters.workload(c).verify(after).ok()).isTrue();
      // The guest keeps writing on the target, and its memory stays verifiable.
      long writes = LiveClusters.workload(c).writes();
      sim.runFor(Duration.ofSeconds(30));
      assertThat(LiveClusters.workload(c).verify(c.vm(VM).memory().orElseThrow()).ok()).isTrue();
      assertThat(LiveClusters.workload(c).writes()).isGreaterThan(writes);
      assertThat(sim.verifyGuestMemory(c, VM).ok()).isTrue();
      // A page the guest did not write is found.
      c.vm(VM).memory().orElseThrow().writePage(7, java.nio.ByteBuffer.allocate(GuestMemory.PAGE_SIZE));
      assertThat(sim.verifyGuestMemory(c, VM).firstBadPage()).isEqualTo(7);
    }
  }

  @Test
  void aDedicatedLunChangesHandsInsideTheBlackoutAndItsHandoverCountsAsDowntime() {
    MigrationResult csv = run(64, BUSY, LiveMigration.withDefaults());
    MigrationResult lun = run(64, BUSY.csv(false), LiveMigration.withDefaults());
    assertThat(lun.outcome()).isEqualTo(MigrationOutcome.COMPLETED);
    assertThat(lun.phases()).extracting(MigrationPhase::name)
        .containsExactly("pre-copy", "stop-and-copy", "release-storage", "arbitrate", "switchover");
    long handover = CostModel.forStorage(io.hvcluster.api.spec.StorageType.ISCSI).lunHandover().toNanos();
    MigrationPass last = lun.passes().get(lun.passes().size() - 1);
    assertThat(lun.downtimeNanos()).isEqualTo(last.durationNanos() + handover);
    assertThat(csv.downtimeNanos()).isLessThanOrEqualTo(LIMIT).isLessThan(lun.downtimeNanos());
    assertThat(csv.phases()).extracting(MigrationPhase::name).doesNotContain("release-storage", "arbitrate");
  }

  @Test
  void theTargetOwnsTheDedicatedLunAfterwards() {
    try (Simulation sim = Simulation.builder().seed(65).build()) {
      Cluster c = LiveClusters.running(sim, BUSY.csv(false));
      MigrationResult r = LiveClusters.migrate(sim, c, LiveMigration.withDefaults());
      assertThat(r.outcome()).isEqualTo(MigrationOutcome.COMPLETED);
      assertThat(c.storage().lun(LunId.of("lun-web")).owner()).contains(N2);
      assertThat(c.group(c.vm(VM).group()).owner()).contains(N2);
    }
  }

  @Test
  void drainingANodeWithLiveMigrationAsThePlannedMoveKeepsTheVmServing() {
    try (Simulation sim = Simulation.builder().seed(70).build()) {
      Cluster c = LiveClusters.running(sim, BUSY);
      Watch watch = new Watch(sim, c);
      ((SimCluster) c).setPlannedMoveStrategy(LiveMigration.withDefaults());
      List<MigrationResult> results = new ArrayList<>();
      sim.addListener(e -> {
        if (e instanceof io.hvcluster.api.event.MigrationFinished f) {
          results.add(f.result());
        }
      });
      c.drainNode(N1);
      sim.runFor(Duration.ofMinutes(2));
      assertThat(results).hasSize(1);
      assertThat(results.get(0).strategy()).isEqualTo("live");
      assertThat(results.get(0).outcome()).isEqualTo(MigrationOutcome.COMPLETED);
      assertThat(results.get(0).downtimeNanos()).isLessThanOrEqualTo(LIMIT);
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
      assertThat(c.vm(VM).host()).isPresent().isNotEqualTo(java.util.Optional.of(N1));
      assertThat(watch.violations).isEmpty();
    }
  }

  @Test
  void aGuestThatOutrunsTheLinkFallsBackToQuickMigrationAfterItsPasses() {
    MigrationResult r = run(66, OUTRUNS.csv(false), LiveMigration.withDefaults());
    assertThat(r.outcome()).isEqualTo(MigrationOutcome.COMPLETED);
    assertThat(r.fellBackToQuick()).isTrue();
    assertThat(r.passes()).as("four pre-copy passes; no stop-and-copy").hasSize(4);
    assertThat(r.phases()).extracting(MigrationPhase::name)
        .containsExactly("pre-copy", "save", "release-storage", "arbitrate", "restore", "resume");
    assertThat(r.downtimeNanos()).isGreaterThan(3_000_000_000L);
    assertThat(r.bytesTransferred()).as("the passes, then the whole 1 GiB memory written and read")
        .isEqualTo(sum(r.passes()) + 2 * 1024 * MIB);
    assertThat(r.reason()).startsWith("fell back to quick migration after 4 pre-copy passes that did not converge");
  }

  @Test
  void aFallbackOnAClusterSharedVolumeHandsNoLunOverAndChargesNoHandover() {
    MigrationResult lun = run(66, OUTRUNS.csv(false), LiveMigration.withDefaults());
    MigrationResult csv = run(66, OUTRUNS, LiveMigration.withDefaults());
    assertThat(csv.outcome()).isEqualTo(MigrationOutcome.COMPLETED);
    assertThat(csv.fellBackToQuick()).isTrue();
    assertThat(csv.phases()).extracting(MigrationPhase::name)
        .containsExactly("pre-copy", "save", "restore", "resume");
    long handover = CostModel.forStorage(io.hvcluster.api.spec.StorageType.ISCSI).lunHandover().toNanos();
    assertThat(lun.downtimeNanos() - csv.downtimeNanos()).isEqualTo(handover);
  }

  @Test
  void withFallbackFailAGuestThatOutrunsTheLinkKeepsRunningOnTheSource() {
    LiveMigration strict = LiveMigration.builder().fallback(LiveMigration.Fallback.FAIL).build();
    MigrationResult r = run(67, OUTRUNS, strict);
    assertThat(r.outcome()).isEqualTo(MigrationOutcome.ROLLED_BACK);
    assertThat(r.fellBackToQuick()).isFalse();
    assertThat(r.reason()).contains("did not converge").contains("over the 300 ms downtime limit");
    assertThat(r.passes()).hasSize(4);
    assertThat(r.downtimeNanos()).as("never frozen").isZero();
  }

  @Test
  void autoConvergeThrottlesAGuestThatOutrunsTheLinkUntilItConverges() {
    LiveMigration unthrottled = LiveMigration.builder().maxPasses(10).build();
    LiveMigration throttled = LiveMigration.builder().maxPasses(10).autoConverge(true).build();
    assertThat(run(68, OUTRUNS, unthrottled).fellBackToQuick()).isTrue();
    try (Simulation sim = Simulation.builder().seed(68).build()) {
      Cluster c = LiveClusters.running(sim, OUTRUNS);
      MigrationResult r = LiveClusters.migrate(sim, c, throttled);
      assertThat(r.outcome()).isEqualTo(MigrationOutcome.COMPLETED);
      assertThat(r.fellBackToQuick()).isFalse();
      assertThat(r.downtimeNanos()).isLessThanOrEqualTo(LIMIT);
      assertThat(r.passes().size()).isBetween(3, 10);
      assertThat(LiveClusters.workload(c).pagesPerSecond()).as("the throttle is lifted").isEqualTo(40_000);
    }
  }

  @Test
  void aFallbackMovesRealMemoryIntactThroughTheLun(@TempDir Path dir) {
    Setup setup = new Setup(64, 48, 5_000, false, 0.1);
    try (Simulation sim = Simulation.builder().seed(69).memoryBacking(MemoryBacking.REAL).workDirectory(dir).build()) {
      Cluster c = LiveClusters.running(sim, setup);
      MigrationResult r = LiveClusters.migrate(sim, c, LiveMigration.withDefaults());
      assertThat(r.outcome()).isEqualTo(MigrationOutcome.COMPLETED);
      assertThat(r.fellBackToQuick()).isTrue();
      SimVm vm = LiveClusters.model(c);
      assertThat(LiveClusters.workload(c).verify(c.vm(VM).memory().orElseThrow()).ok()).isTrue();
    }
  }
}
