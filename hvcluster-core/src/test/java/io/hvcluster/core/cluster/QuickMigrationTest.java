package io.hvcluster.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.HostId;
import io.hvcluster.api.MemoryBacking;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.MigrationPhaseStarted;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationPhase;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.api.spec.WorkloadSpec;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.cluster.model.SimVm;
import io.hvcluster.core.migration.QuickMigration;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class QuickMigrationTest {
  private static final VmId VM = VmId.of("web");

  private static ClusterSpec spec(long memoryMiB, long workingSetMiB) {
    return ClusterSpec.builder("QM").quorum(QuorumModel.NODE_MAJORITY)
        .host(HostSpec.builder("n1").build()).host(HostSpec.builder("n2").build()).host(HostSpec.builder("n3").build())
        .storage(StorageSpec.iscsi(List.of(LunSpec.data("lun-web", 40))))
        .vm(VmSpec.builder("web").memoryMiB(memoryMiB).lun("lun-web").preferredOwners("n1")
            .workload(WorkloadSpec.of(workingSetMiB, 500)).build())
        .build();
  }

  private static Cluster running(Simulation sim, ClusterSpec spec) {
    Cluster c = sim.createCluster(spec);
    c.form();
    c.startAllVms();
    sim.runFor(Duration.ofMinutes(3));
    assertThat(c.vm(VM).host()).contains(HostId.of("n1"));
    return c;
  }

  @Test
  void aTwoGibVmOverIscsiMovesInAboutFortySecondsWithEveryPhaseTimed() {
    try (Simulation sim = Simulation.builder().seed(51).build()) {
      Cluster c = running(sim, spec(2048, 2048));
      MigrationHandle handle = c.migrate(VM, HostId.of("n2"), QuickMigration.lazy());
      sim.runFor(Duration.ofMinutes(2));
      MigrationResult r = handle.result().orElseThrow();
      assertThat(r.outcome()).isEqualTo(MigrationOutcome.COMPLETED);
      // 2 x 2 GiB at 118.75 MB/s and 6 s of fixed costs: 42.2 s (QuickMigrationCalibrationTest).
      assertThat(r.totalNanos()).isBetween(40_000_000_000L, 44_000_000_000L);
      assertThat(r.downtimeNanos()).isEqualTo(r.totalNanos());
      assertThat(r.bytesTransferred()).isEqualTo(2 * (2048L << 20));
      assertThat(r.phases()).extracting(MigrationPhase::name)
          .containsExactly("save", "release-storage", "arbitrate", "restore", "resume");
      assertThat(c.vm(VM).host()).contains(HostId.of("n2"));
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
      assertThat(c.storage().lun(io.hvcluster.api.LunId.of("lun-web")).owner()).contains(HostId.of("n2"));
    }
  }

  @Test
  void realMemoryArrivesOnTheTargetPageForPage(@TempDir Path dir) {
    try (Simulation sim = Simulation.builder().seed(52).memoryBacking(MemoryBacking.REAL).workDirectory(dir).build()) {
      Cluster c = running(sim, spec(64, 16));
      SimVm vm = ((SimCluster) c).model().vmModel(VM);
      GuestMemory before = c.vm(VM).memory().orElseThrow();
      assertThat(before.backing()).isEqualTo(MemoryBacking.REAL);
      assertThat(before.touchedPageCount()).isEqualTo(16 * 256);
      MigrationHandle handle = c.migrate(VM, HostId.of("n3"), QuickMigration.eager());
      sim.runFor(Duration.ofMinutes(1));
      assertThat(handle.result().orElseThrow().outcome()).isEqualTo(MigrationOutcome.COMPLETED);
      assertThat(before.isClosed()).isTrue();
      GuestMemory after = c.vm(VM).memory().orElseThrow();
      var check = ((SimCluster) c).memory.workload(vm).verify(after);
      assertThat(check.ok()).as(check.toString()).isTrue();
      assertThat(check.pagesChecked()).isGreaterThanOrEqualTo(16 * 256);
      // The guest keeps writing on the target, and its memory stays verifiable.
      sim.runFor(Duration.ofSeconds(30));
      assertThat(((SimCluster) c).memory.workload(vm).verify(c.vm(VM).memory().orElseThrow()).ok()).isTrue();
    }
  }

  /** Runs a quick migration and injects {@code fault} a second into {@code phase}; returns the result. */
  private static MigrationResult withFaultIn(Simulation sim, Cluster c, String phase, Consumer<Cluster> fault) {
    return withFaultIn(sim, c, phase, fault, QuickMigration.lazy());
  }

  private static MigrationResult withFaultIn(Simulation sim, Cluster c, String phase, Consumer<Cluster> fault,
      QuickMigration strategy) {
    sim.addListener((ClusterEvent e) -> {
      if (e instanceof MigrationPhaseStarted p && p.phase().equals(phase)) {
        sim.schedule(Duration.ofMillis(500), () -> fault.accept(c));
      }
    });
    MigrationHandle handle = c.migrate(VM, HostId.of("n2"), strategy);
    sim.runFor(Duration.ofMinutes(6));
    return handle.result().orElseThrow();
  }

  private static long starts(List<ClusterEvent> log, VmState to, long after) {
    return log.stream().filter(e -> e instanceof VmStateChanged v && v.vm().equals(VM) && v.to() == to
        && v.timeNanos() > after).count();
  }

  @Test
  void aSourceCrashDuringTheSaveEndsWithTheVmColdBootedOnceElsewhere() {
    try (Simulation sim = Simulation.builder().seed(53).build()) {
      List<ClusterEvent> log = new ArrayList<>();
      sim.addListener(log::add);
      Cluster c = running(sim, spec(2048, 1024));
      long t = sim.nowNanos();
      MigrationResult r = withFaultIn(sim, c, "save", x -> sim.faults(x).crashHost(HostId.of("n1")));
      assertThat(r.outcome()).isEqualTo(MigrationOutcome.FAILED);
      assertThat(r.reason()).contains("n1 crashed");
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
      assertThat(starts(log, VmState.STARTING, t)).as("cold boots").isEqualTo(1);
      assertThat(c.vm(VM).host()).isPresent().isNotEqualTo(java.util.Optional.of(HostId.of("n1")));
    }
  }

  @Test
  void aTargetCrashDuringTheRestoreEndsWithTheSavedStateRestoredOnceElsewhere() {
    try (Simulation sim = Simulation.builder().seed(54).build()) {
      List<ClusterEvent> log = new ArrayList<>();
      sim.addListener(log::add);
      Cluster c = running(sim, spec(2048, 1024));
      long t = sim.nowNanos();
      MigrationResult r = withFaultIn(sim, c, "restore", x -> sim.faults(x).crashHost(HostId.of("n2")));
      assertThat(r.outcome()).isEqualTo(MigrationOutcome.FAILED);
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
      assertThat(c.vm(VM).lastReason()).isEqualTo("restored from saved state");
      assertThat(starts(log, VmState.STARTING, t)).as("no cold boot: the saved state was intact").isZero();
      assertThat(c.vm(VM).host()).isPresent().isNotEqualTo(java.util.Optional.of(HostId.of("n2")));
    }
  }

  @Test
  void aTargetCrashDuringTheSaveRollsTheVmBackOntoTheSource() {
    try (Simulation sim = Simulation.builder().seed(55).build()) {
      Cluster c = running(sim, spec(2048, 1024));
      MigrationResult r = withFaultIn(sim, c, "save", x -> sim.faults(x).crashHost(HostId.of("n2")));
      assertThat(r.outcome()).isEqualTo(MigrationOutcome.ROLLED_BACK);
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
      assertThat(c.vm(VM).host()).contains(HostId.of("n1"));
    }
  }

  @Test
  void aLostArbitrationLeavesTheVmSavedAndTheClusterRestoresIt() {
    try (Simulation sim = Simulation.builder().seed(56).build()) {
      List<ClusterEvent> log = new ArrayList<>();
      sim.addListener(log::add);
      Cluster c = running(sim, spec(2048, 1024));
      long t = sim.nowNanos();
      MigrationResult r = withFaultIn(sim, c, "arbitrate",
          x -> sim.faults(x).failStoragePaths(HostId.of("n2"), io.hvcluster.api.LunId.of("lun-web"), 2));
      assertThat(r.outcome()).isEqualTo(MigrationOutcome.FAILED);
      assertThat(r.reason()).contains("lost the arbitration").contains("stays saved");
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
      assertThat(c.vm(VM).lastReason()).isEqualTo("restored from saved state");
      assertThat(starts(log, VmState.STARTING, t)).isZero();
      assertThat(c.vm(VM).host()).isNotEqualTo(java.util.Optional.of(HostId.of("n2")));
    }
  }

  @Test
  void aCorruptSavedStateIsRejectedAndTheVmColdBootsWithTheReason(@TempDir Path dir) throws IOException {
    try (Simulation sim = Simulation.builder().seed(57).memoryBacking(MemoryBacking.REAL).workDirectory(dir).build()) {
      List<ClusterEvent> log = new ArrayList<>();
      sim.addListener(log::add);
      Cluster c = running(sim, spec(64, 16));
      long t = sim.nowNanos();
      MigrationResult r = withFaultIn(sim, c, "arbitrate", x -> flipAByteOfTheSavedMemory(dir), QuickMigration.eager());
      assertThat(r.outcome()).isEqualTo(MigrationOutcome.FAILED);
      assertThat(r.reason()).startsWith("saved state rejected");
      assertThat(log.stream().filter(e -> e instanceof io.hvcluster.api.event.MigrationFinished).count())
          .as("resolving the VM does not end the migration a second time").isEqualTo(1);
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
      assertThat(starts(log, VmState.STARTING, t)).as("one cold boot").isEqualTo(1);
      VmStateChanged rejected = (VmStateChanged) log.stream().filter(e -> e instanceof VmStateChanged v
          && v.reason().contains("saved state rejected")).findFirst().orElseThrow();
      assertThat(rejected.reason()).contains("CRC");
    }
  }

  @Test
  void aLazilyRestoredVmThatMeetsCorruptMemoryFailsAndColdBoots(@TempDir Path dir) {
    try (Simulation sim = Simulation.builder().seed(58).memoryBacking(MemoryBacking.REAL).workDirectory(dir).build()) {
      List<ClusterEvent> log = new ArrayList<>();
      sim.addListener(log::add);
      Cluster c = running(sim, spec(64, 16));
      long t = sim.nowNanos();
      MigrationResult r = withFaultIn(sim, c, "arbitrate", x -> flipAByteOfTheSavedMemory(dir), QuickMigration.lazy());
      assertThat(r.outcome()).as("the lazy restore maps the file; the damage is found at the first access")
          .isEqualTo(MigrationOutcome.COMPLETED);
      VmStateChanged failed = (VmStateChanged) log.stream().filter(e -> e instanceof VmStateChanged v
          && v.to() == VmState.FAILED && v.timeNanos() > t).findFirst().orElseThrow();
      assertThat(failed.reason()).startsWith("guest memory failed verification").contains("CRC");
      assertThat(failed.timeNanos()).isEqualTo(r.endNanos());
      assertThat(c.vm(VM).state()).isEqualTo(VmState.RUNNING);
      assertThat(starts(log, VmState.STARTING, t)).as("one cold boot").isEqualTo(1);
    }
  }

  private static void flipAByteOfTheSavedMemory(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      Path bin = files.filter(p -> p.getFileName().toString().matches("web\\.bin(\\.1)?")).findFirst().orElseThrow();
      try (FileChannel ch = FileChannel.open(bin, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.allocate(1);
        ch.read(b, 4096 * 3 + 17);
        b.flip();
        byte value = (byte) (b.get(0) ^ 0x40);
        ch.write(ByteBuffer.wrap(new byte[] {value}), 4096 * 3 + 17);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
