package io.hvcluster.testkit.suites;

import io.hvcluster.api.migration.MigrationKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.api.spec.WorkloadSpec;
import io.hvcluster.testkit.engine.ClusterRun;
import io.hvcluster.testkit.engine.EngineRun;
import io.hvcluster.testkit.engine.EngineScenarios;
import io.hvcluster.testkit.engine.EngineSettings;
import io.hvcluster.testkit.engine.Probes;
import io.hvcluster.testkit.engine.RunResult;
import io.hvcluster.testkit.fault.Fault;
import io.hvcluster.testkit.fault.FaultKind;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.fault.Heal;
import io.hvcluster.testkit.fault.HostSelector;
import io.hvcluster.testkit.fault.LostMigrationAck;
import io.hvcluster.testkit.fault.MigrationSourceCrash;
import io.hvcluster.testkit.fault.MigrationStage;
import io.hvcluster.testkit.fault.MigrationTargetCrash;
import io.hvcluster.testkit.fault.Timing;
import io.hvcluster.testkit.fault.VmSelector;
import io.hvcluster.testkit.gen.FaultPlans;
import io.hvcluster.testkit.gen.StorageLayout;
import io.hvcluster.testkit.gen.Topologies;
import io.hvcluster.testkit.history.History;
import io.hvcluster.testkit.junit.ClusterProperty;
import io.hvcluster.testkit.junit.RequireProbes;
import io.hvcluster.testkit.property.Gen;
import io.hvcluster.testkit.workload.Operation;
import io.hvcluster.testkit.workload.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Live Migration under faults at each of its phases: the source or the target crashes as the migration
 * enters pre-copy, the blackout (stop-and-copy), the LUN handover inside the blackout (release-storage,
 * arbitrate) or the switchover; the switchover's acknowledgement is lost; a migration that cannot
 * converge falls back to Quick Migration. The migration ends exactly once, the VM never runs on two
 * hosts and is never lost, and it runs again after healing. A property then mixes live and quick
 * migrations with migration, acknowledgement, host and storage faults at random.
 */
@RequireProbes({Probes.MIGRATION_COMPLETED, Probes.LIVE_MIGRATION_COMPLETED, Probes.MIGRATION_ABORTED,
    Probes.MIGRATION_ACK_LOST, Probes.MIGRATION_FELL_BACK})
final class LiveMigrationFaultsTest {
  private static final Map<MigrationStage, String> LIVE_PHASES = Map.of(MigrationStage.PRE_COPY, "pre-copy",
      MigrationStage.BLACKOUT, "stop-and-copy", MigrationStage.RELEASE_STORAGE, "release-storage",
      MigrationStage.ACQUIRE_STORAGE, "arbitrate", MigrationStage.SWITCHOVER, "switchover");

  /**
   * Three nodes; vm1 (2 GiB, 64 MiB working set) and two others prefer node1. vm1's guest rewrites
   * {@code dirtyPagesPerSecond} pages a second: 256 converges in two passes, 200,000 outruns the link.
   */
  private static ClusterSpec threeNodes(boolean csv, long dirtyPagesPerSecond) {
    ClusterSpec.Builder b = ClusterSpec.builder("HV1").quorum(QuorumModel.NODE_AND_DISK_MAJORITY);
    for (int i = 1; i <= 3; i++) {
      b.host(HostSpec.builder("node" + i).memoryGiB(32).build());
    }
    List<LunSpec> luns = new ArrayList<>(List.of(LunSpec.witness("witness")));
    if (csv) {
      luns.add(LunSpec.sharedVolume("csv1", 200));
    }
    for (int i = 1; i <= 3; i++) {
      String lun = csv ? "csv1" : "lun-vm" + i;
      if (!csv) {
        luns.add(LunSpec.data(lun, 40));
      }
      b.vm(VmSpec.builder("vm" + i).memoryGiB(2).lun(lun).preferredOwners("node1")
          .workload(WorkloadSpec.of(64, i == 1 ? dirtyPagesPerSecond : 256)).build());
    }
    return b.storage(StorageSpec.iscsi(luns)).build();
  }

  private static Workload liveMoveOfVm1() {
    return new Workload(List.of(new Operation.Migrate(Duration.ofSeconds(5), VmId.of("vm1"),
        HostSelector.explicit("node3"), MigrationKind.LIVE)));
  }

  /** Runs the live move of vm1 with {@code fault} armed and checks the run; returns the result. */
  private static RunResult run(ClusterSpec spec, long seed, Fault fault, String phase) {
    try (ClusterRun run = EngineRun.of(spec).seed(seed).plan(FaultPlan.of(Heal.at(Duration.ofMinutes(3)), fault))
        .workload(liveMoveOfVm1()).start()) {
      RunResult result = run.runToEnd();
      assertThat(result.violations()).as("%s", result).isEmpty();
      String fired = result.history().entries().stream().filter(e -> e.process() == History.NEMESIS)
          .map(e -> e.value()).filter(v -> v.startsWith("fired: ")).findFirst().orElse("");
      assertThat(fired).as("the fault fired in phase %s", phase).contains("entered phase '" + phase + "'");
      assertThat(run.cluster().vm(VmId.of("vm1")).state()).isEqualTo(VmState.RUNNING);
      return result;
    }
  }

  @ParameterizedTest(name = "the source crashes as the live migration enters {0}")
  @EnumSource(value = MigrationStage.class, names = {"PRE_COPY", "BLACKOUT", "RELEASE_STORAGE", "ACQUIRE_STORAGE",
      "SWITCHOVER"})
  void aSourceCrashAtAnyLivePhaseNeitherLosesNorDuplicatesTheVm(MigrationStage stage) {
    RunResult result = run(threeNodes(false, 256), 100 + stage.ordinal(),
        new MigrationSourceCrash(VmSelector.explicit("vm1"), stage, Timing.atSeconds(1)), LIVE_PHASES.get(stage));
    assertThat(result.probes()).contains(Probes.MIGRATION_ABORTED);
  }

  @ParameterizedTest(name = "the target crashes as the live migration enters {0}")
  @EnumSource(value = MigrationStage.class, names = {"PRE_COPY", "BLACKOUT", "RELEASE_STORAGE", "ACQUIRE_STORAGE",
      "SWITCHOVER"})
  void aTargetCrashAtAnyLivePhaseNeitherLosesNorDuplicatesTheVm(MigrationStage stage) {
    RunResult result = run(threeNodes(false, 256), 200 + stage.ordinal(),
        new MigrationTargetCrash(VmSelector.explicit("vm1"), stage, Timing.atSeconds(1)), LIVE_PHASES.get(stage));
    assertThat(result.probes()).contains(Probes.MIGRATION_ABORTED);
  }

  @ParameterizedTest(name = "on a Cluster Shared Volume the target crashes as the live migration enters {0}")
  @EnumSource(value = MigrationStage.class, names = {"PRE_COPY", "BLACKOUT", "SWITCHOVER"})
  void onAClusterSharedVolumeATargetCrashNeitherLosesNorDuplicatesTheVm(MigrationStage stage) {
    run(threeNodes(true, 256), 300 + stage.ordinal(),
        new MigrationTargetCrash(VmSelector.explicit("vm1"), stage, Timing.atSeconds(1)), LIVE_PHASES.get(stage));
  }

  @Test
  void aLostSwitchoverAcknowledgementIsSettledByProbingTheTarget() {
    try (ClusterRun run = EngineRun.of(threeNodes(false, 256)).seed(7)
        .plan(FaultPlan.of(Heal.at(Duration.ofMinutes(3)), new LostMigrationAck(VmSelector.explicit("vm1"),
            Timing.atSeconds(1))))
        .workload(liveMoveOfVm1()).start()) {
      RunResult result = run.runToEnd();
      assertThat(result.violations()).as("%s", result).isEmpty();
      assertThat(result.probes()).contains(Probes.MIGRATION_ACK_LOST, Probes.LIVE_MIGRATION_COMPLETED);
      assertThat(run.cluster().vm(VmId.of("vm1")).host()).contains(HostId.of("node3"));
    }
  }

  /** A guest that dirties pages faster than the link sends them falls back to Quick Migration. */
  @Test
  void aMigrationThatCannotConvergeFallsBackAndSurvivesASourceCrashInItsSave() {
    RunResult result = run(threeNodes(false, 200_000), 400,
        new MigrationSourceCrash(VmSelector.explicit("vm1"), MigrationStage.SAVE, Timing.atSeconds(1)), "save");
    assertThat(result.probes()).contains(Probes.MIGRATION_FELL_BACK, Probes.MIGRATION_ABORTED);
  }

  /** Migrations of random VMs to random nodes, live or quick, with migration, host and storage faults. */
  public static final class Migrations extends EngineScenarios {
    public Migrations() {
      super(sometimesBusy(Topologies.builder().nodes(3, 4).vms(2, 5).hostMemoryGiB(32L)
              .layouts(StorageLayout.LUN_PER_VM, StorageLayout.CSV).build()),
          spec -> FaultPlans.builder(spec).maxFaults(4).horizon(Duration.ofSeconds(60))
              .durations(Duration.ofSeconds(5), Duration.ofSeconds(40))
              .kinds(Set.of(FaultKind.MIGRATION_SOURCE_CRASH, FaultKind.MIGRATION_TARGET_CRASH,
                  FaultKind.LOST_MIGRATION_ACK, FaultKind.HOST_HANG, FaultKind.HOST_CRASH, FaultKind.PATH_DOWN,
                  FaultKind.ISOLATE, FaultKind.VM_CRASH, FaultKind.RESERVATION_PREEMPT, FaultKind.WRITE_ERROR))
              .build(),
          LiveMigrationFaultsTest::migrations, EngineSettings.defaults());
    }
  }

  /**
   * In one topology of four, the first VM's guest writes 60,000 pages a second over half its memory,
   * faster than the 1 Gbit/s migration link can send them, so a live migration of it cannot converge and
   * falls back to Quick Migration. The testkit's guest workloads write at most 2,000 pages a second.
   */
  static Gen<ClusterSpec> sometimesBusy(Gen<ClusterSpec> topologies) {
    return topologies.flatMap(spec -> Gen.integers(0, 3).map(pick -> {
      if (pick != 3) {
        return spec;
      }
      List<VmSpec> vms = new ArrayList<>(spec.vms());
      VmSpec first = vms.get(0);
      vms.set(0, first.toBuilder().workload(WorkloadSpec.of(first.memoryBytes() / 2 >> 20, 60_000)).build());
      return new ClusterSpec(spec.name(), spec.quorum(), spec.hosts(), spec.storage(), vms, spec.settings());
    }));
  }

  /** One to four migrations within the first minute, each live or quick. */
  static Gen<Workload> migrations(ClusterSpec spec) {
    List<VmId> vms = spec.vms().stream().map(VmSpec::id).collect(Collectors.toList());
    List<HostSelector> targets = new ArrayList<>(List.of(HostSelector.one()));
    spec.hosts().forEach(h -> targets.add(HostSelector.explicit(h.id())));
    Gen<Operation> migrate = Gen.zip(Gen.durations(Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(1)),
        Gen.zip(Gen.elements(vms), Gen.zip(Gen.elements(targets),
            Gen.elements(List.of(MigrationKind.LIVE, MigrationKind.QUICK)),
            (to, kind) -> new Object[] {to, kind}), (vm, p) -> new Object[] {vm, p[0], p[1]}),
        (at, p) -> new Operation.Migrate(at, (VmId) p[0], (HostSelector) p[1], (MigrationKind) p[2]));
    return Gen.lists(migrate, 1, 4).map(Workload::new);
  }

  @ClusterProperty(tries = 600, scenarios = Migrations.class)
  void liveAndQuickMigrationsEndExactlyOnceAndNeverLoseTheirVm(ClusterRun run) {
    run.runToEnd();
  }
}
