package io.hvcluster.testkit.suites;

import io.hvcluster.api.migration.MigrationKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.VmId;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.api.spec.WorkloadSpec;
import io.hvcluster.testkit.engine.ClusterRun;
import io.hvcluster.testkit.engine.EngineScenarios;
import io.hvcluster.testkit.engine.EngineSettings;
import io.hvcluster.testkit.engine.Probes;
import io.hvcluster.testkit.fault.FaultKind;
import io.hvcluster.testkit.gen.FaultPlans;
import io.hvcluster.testkit.junit.ClusterProperty;
import io.hvcluster.testkit.junit.RequireProbes;
import io.hvcluster.testkit.property.Gen;
import io.hvcluster.testkit.workload.Operation;
import io.hvcluster.testkit.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Storage faults on the real save path: VMs with real (memory-mapped, sparse) guest memory save to and
 * restore from saved-state files on disk while bit rot, torn writes, lost unflushed writes, write errors
 * and full LUNs strike those files. A damaged saved state is rejected and the VM cold-boots (S7, checked
 * against the files themselves), a failed save leaves the committed state intact, nothing runs twice,
 * and every run's files are removed when it closes. Memories are small (64 MiB, 8 MiB touched) to keep
 * the disk work light.
 */
@RequireProbes({Probes.SAVED_STATE_REJECTED, Probes.SAVE_FAILED, Probes.MIGRATION_COMPLETED})
final class RealStorageFaultsTest {
  private static ClusterSpec spec() {
    ClusterSpec.Builder b = ClusterSpec.builder("HV1").quorum(QuorumModel.NODE_MAJORITY);
    for (int i = 1; i <= 3; i++) {
      b.host(HostSpec.builder("node" + i).memoryGiB(16).build());
    }
    List<LunSpec> luns = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      luns.add(LunSpec.data("lun-vm" + i, 10));
      b.vm(VmSpec.builder("vm" + i).memoryMiB(64).lun("lun-vm" + i).workload(WorkloadSpec.of(8, 128)).build());
    }
    return b.storage(StorageSpec.iscsi(luns)).build();
  }

  /** Stops (saving the VM), starts (restoring it) and quick migrations of the three VMs. */
  static Gen<Workload> saveAndRestore(ClusterSpec spec) {
    Gen<VmId> vm = Gen.elements(VmId.of("vm1"), VmId.of("vm2"), VmId.of("vm3"));
    Gen<Duration> at = Gen.durations(Duration.ZERO, Duration.ofSeconds(50), Duration.ofSeconds(1));
    Gen<List<Operation>> stopStart = Gen.zip(at, vm, (t, v) -> List.of(new Operation.StopVm(t, v),
        new Operation.StartVm(t.plusSeconds(20), v)));
    Gen<List<Operation>> migrate = Gen.zip(at, vm, (t, v) -> List.of(new Operation.Migrate(t, v,
        io.hvcluster.testkit.fault.HostSelector.one(), MigrationKind.QUICK)));
    return Gen.lists(Gen.choose(stopStart, migrate), 1, 3).map(groups -> {
      List<Operation> ops = new ArrayList<>();
      groups.forEach(ops::addAll);
      return new Workload(ops);
    });
  }

  /** Three small VMs on real memory; plans of storage faults that hit saved states. */
  public static final class RealFiles extends EngineScenarios {
    public RealFiles() {
      super(Gen.constant(spec()), s -> FaultPlans.builder(s).maxFaults(4).horizon(Duration.ofSeconds(70))
              .durations(Duration.ofSeconds(5), Duration.ofSeconds(30))
              .kinds(Set.of(FaultKind.BIT_ROT, FaultKind.TORN_WRITE, FaultKind.LOSE_UNFLUSHED_WRITES,
                  FaultKind.WRITE_ERROR, FaultKind.NO_SPACE, FaultKind.HOST_CRASH, FaultKind.MIGRATION_TARGET_CRASH))
              .build(),
          RealStorageFaultsTest::saveAndRestore, EngineSettings.defaults().realMemory());
    }
  }

  @ClusterProperty(tries = 120, scenarios = RealFiles.class)
  void savedStatesOnDiskAreNeverLostNorSilentlyAccepted(ClusterRun run) {
    Path dir = run.workDirectory();
    assertThat(dir).isNotNull();
    assertThat(Files.isDirectory(dir)).isTrue();
    run.runToEnd();
  }
}
