package io.hvcluster.testkit.suites;

import io.hvcluster.api.migration.MigrationKind;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Quick Migration under faults at each of its phases: the source or the target crashes as the
 * migration enters save, release-storage, arbitrate, restore or resume; the migration ends exactly once,
 * the VM is never lost or run twice, and it runs again after healing. A property then mixes migrations
 * with migration, acknowledgement and storage faults at random.
 *
 * <p>Live Migration's stages ({@link MigrationStage#PRE_COPY}, {@link MigrationStage#BLACKOUT}) are
 * exercised by {@link LiveMigrationFaultsTest}.
 */
@RequireProbes({Probes.MIGRATION_COMPLETED, Probes.MIGRATION_ABORTED, Probes.MIGRATION_FAILED,
    Probes.MIGRATION_ACK_LOST, Probes.SAVE_FAILED, Probes.SAVED_STATE_REJECTED})
final class QuickMigrationFaultsTest {
  private static final Map<MigrationStage, String> QUICK_PHASES = Map.of(MigrationStage.SAVE, "save",
      MigrationStage.RELEASE_STORAGE, "release-storage", MigrationStage.ACQUIRE_STORAGE, "arbitrate",
      MigrationStage.RESTORE, "restore", MigrationStage.SWITCHOVER, "resume");

  private static ClusterSpec threeNodes() {
    ClusterSpec.Builder b = ClusterSpec.builder("HV1").quorum(QuorumModel.NODE_AND_DISK_MAJORITY);
    for (int i = 1; i <= 3; i++) {
      b.host(HostSpec.builder("node" + i).memoryGiB(32).build());
    }
    List<LunSpec> luns = new ArrayList<>(List.of(LunSpec.witness("witness")));
    for (int i = 1; i <= 3; i++) {
      luns.add(LunSpec.data("lun-vm" + i, 40));
      b.vm(VmSpec.builder("vm" + i).memoryGiB(2).lun("lun-vm" + i).preferredOwners("node1")
          .workload(WorkloadSpec.of(64, 256)).build());
    }
    return b.storage(StorageSpec.iscsi(luns)).build();
  }

  private static RunResult migrateWithCrash(MigrationStage stage, boolean source) {
    Fault crash = source ? new MigrationSourceCrash(VmSelector.explicit("vm1"), stage, Timing.atSeconds(1))
        : new MigrationTargetCrash(VmSelector.explicit("vm1"), stage, Timing.atSeconds(1));
    Workload moveVm1 = new Workload(List.of(new Operation.Migrate(Duration.ofSeconds(5), VmId.of("vm1"),
        HostSelector.explicit("node3"), MigrationKind.QUICK)));
    try (ClusterRun run = EngineRun.of(threeNodes()).seed(stage.ordinal() * 2L + (source ? 1 : 0))
        .plan(FaultPlan.of(Heal.at(Duration.ofMinutes(3)), crash)).workload(moveVm1).start()) {
      RunResult result = run.runToEnd();
      assertThat(result.violations()).as("%s", result).isEmpty();
      String fired = result.history().entries().stream().filter(e -> e.process() == History.NEMESIS)
          .map(e -> e.value()).filter(v -> v.startsWith("fired: ")).findFirst().orElse("");
      assertThat(fired).as("the crash fired in phase %s", QUICK_PHASES.get(stage))
          .contains("entered phase '" + QUICK_PHASES.get(stage) + "'");
      assertThat(run.cluster().vm(VmId.of("vm1")).state()).isEqualTo(VmState.RUNNING);
      return result;
    }
  }

  @ParameterizedTest(name = "the source crashes as the migration enters {0}")
  @EnumSource(value = MigrationStage.class, names = {"SAVE", "RELEASE_STORAGE", "ACQUIRE_STORAGE", "RESTORE",
      "SWITCHOVER"})
  void aSourceCrashAtAnyPhaseNeitherLosesNorDuplicatesTheVm(MigrationStage stage) {
    RunResult result = migrateWithCrash(stage, true);
    assertThat(result.probes()).contains(Probes.FAILOVER);
  }

  @ParameterizedTest(name = "the target crashes as the migration enters {0}")
  @EnumSource(value = MigrationStage.class, names = {"SAVE", "RELEASE_STORAGE", "ACQUIRE_STORAGE", "RESTORE",
      "SWITCHOVER"})
  void aTargetCrashAtAnyPhaseNeitherLosesNorDuplicatesTheVm(MigrationStage stage) {
    migrateWithCrash(stage, false);
  }

  /** Migrations of random VMs to random nodes, with migration and storage faults; LUN per VM or CSV. */
  public static final class Migrations extends EngineScenarios {
    public Migrations() {
      super(Topologies.builder().nodes(3, 4).vms(2, 5).hostMemoryGiB(32L).layouts(StorageLayout.LUN_PER_VM,
              StorageLayout.CSV).build(),
          spec -> FaultPlans.builder(spec).maxFaults(4).horizon(Duration.ofSeconds(60))
              .durations(Duration.ofSeconds(5), Duration.ofSeconds(40))
              .kinds(Set.of(FaultKind.MIGRATION_SOURCE_CRASH, FaultKind.MIGRATION_TARGET_CRASH,
                  FaultKind.LOST_MIGRATION_ACK, FaultKind.WRITE_ERROR, FaultKind.NO_SPACE, FaultKind.TORN_WRITE,
                  FaultKind.BIT_ROT, FaultKind.LOSE_UNFLUSHED_WRITES, FaultKind.PATH_DOWN, FaultKind.HOST_HANG))
              .build(),
          QuickMigrationFaultsTest::migrations, EngineSettings.defaults());
    }
  }

  /** One to four quick migrations within the first minute. */
  static Gen<Workload> migrations(ClusterSpec spec) {
    List<VmId> vms = spec.vms().stream().map(VmSpec::id).collect(Collectors.toList());
    List<HostSelector> targets = new ArrayList<>(List.of(HostSelector.one()));
    spec.hosts().forEach(h -> targets.add(HostSelector.explicit(h.id())));
    Gen<Operation> migrate = Gen.zip(Gen.durations(Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(1)),
        Gen.zip(Gen.elements(vms), Gen.elements(targets), (vm, to) -> new Object[] {vm, to}),
        (at, p) -> new Operation.Migrate(at, (VmId) p[0], (HostSelector) p[1], MigrationKind.QUICK));
    return Gen.lists(migrate, 1, 4).map(Workload::new);
  }

  @ClusterProperty(tries = 800, scenarios = Migrations.class)
  void migrationsEndExactlyOnceAndNeverLoseTheirVm(ClusterRun run) {
    run.runToEnd();
  }
}
