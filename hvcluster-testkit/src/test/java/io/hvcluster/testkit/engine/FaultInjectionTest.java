package io.hvcluster.testkit.engine;

import io.hvcluster.api.migration.MigrationKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.fault.Heal;
import io.hvcluster.testkit.fault.HeartbeatLoss;
import io.hvcluster.testkit.fault.HostCrash;
import io.hvcluster.testkit.fault.HostHang;
import io.hvcluster.testkit.fault.HostSelector;
import io.hvcluster.testkit.fault.Isolate;
import io.hvcluster.testkit.fault.LunOffline;
import io.hvcluster.testkit.fault.LunSelector;
import io.hvcluster.testkit.fault.MigrationSourceCrash;
import io.hvcluster.testkit.fault.MigrationStage;
import io.hvcluster.testkit.fault.Split;
import io.hvcluster.testkit.fault.Timing;
import io.hvcluster.testkit.fault.TornShape;
import io.hvcluster.testkit.fault.TornWrite;
import io.hvcluster.testkit.fault.VmSelector;
import io.hvcluster.testkit.fault.VmStartFailure;
import io.hvcluster.testkit.fault.WitnessLoss;
import io.hvcluster.testkit.history.EntryType;
import io.hvcluster.testkit.history.History;
import io.hvcluster.testkit.history.HistoryEntry;
import io.hvcluster.testkit.workload.Operation;
import io.hvcluster.testkit.workload.Workload;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Fault plans applied to the real engine: each fault at its time, healed at its end and in the heal phase. */
final class FaultInjectionTest {
  private static final long SEED = 7;

  private static Timing at(long seconds, long forSeconds) {
    return Timing.atSeconds(seconds).lasting(Duration.ofSeconds(forSeconds));
  }

  private static void runToPlanTime(ClusterRun run, long seconds) {
    long target = run.planStartNanos() + Duration.ofSeconds(seconds).toNanos();
    run.simulation().runFor(Duration.ofNanos(target - run.simulation().nowNanos()));
  }

  private static List<HistoryEntry> nemesis(History h, String f) {
    return h.entries().stream().filter(e -> e.process() == History.NEMESIS && e.f().equals(f)).collect(Collectors.toList());
  }

  private static List<HistoryEntry> events(History h, String f, String contains) {
    return h.entries().stream().filter(e -> e.process() == History.CLUSTER && e.f().equals(f)
        && e.value().contains(contains)).collect(Collectors.toList());
  }

  @Test
  void aHostCrashPowersTheNodeOffAtItsTimeAndOnAgainWhenItHeals() {
    FaultPlan plan = FaultPlan.of(Heal.at(Duration.ofMinutes(1)), new HostCrash(HostSelector.explicit("node2"), at(10, 30)));
    try (ClusterRun run = EngineRun.of(Clusters.lunPerVm(3, 4)).seed(SEED).plan(plan).start()) {
      runToPlanTime(run, 9);
      assertThat(run.cluster().host(HostId.of("node2")).isRunning()).isTrue();
      runToPlanTime(run, 10);
      assertThat(run.cluster().host(HostId.of("node2")).isRunning()).isFalse();
      assertThat(nemesis(run.history(), "host-crash")).extracting(HistoryEntry::type, HistoryEntry::value)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(EntryType.INVOKE, "hosts=explicit(node2)"),
              org.assertj.core.groups.Tuple.tuple(EntryType.INFO, "node2 lost power"));
      runToPlanTime(run, 40);
      assertThat(nemesis(run.history(), "heal-host-crash")).extracting(HistoryEntry::value).last()
          .isEqualTo("node2 powered on");
      RunResult result = run.runToEnd();
      assertThat(result.violations()).isEmpty();
      assertThat(result.faultsInjected()).isEqualTo(1);
      assertThat(result.probes()).contains(Probes.FAILOVER, Probes.NODE_REMOVED);
    }
  }

  @Test
  void overlappingFaultsComposeSoALinkComesBackOnlyWhenNoFaultHoldsIt() {
    FaultPlan plan = FaultPlan.of(Heal.at(Duration.ofMinutes(1)),
        new Isolate(HostSelector.explicit("node1"), at(5, 10)), new Split(HostSelector.explicit("node1"), at(8, 20)));
    try (ClusterRun run = EngineRun.of(Clusters.lunPerVm(3, 2)).seed(SEED).plan(plan).start()) {
      runToPlanTime(run, 20);
      assertThat(events(run.history(), "fault-healed", "link-cut")).as("the split still holds every link the isolation cut")
          .isEmpty();
      runToPlanTime(run, 30);
      assertThat(events(run.history(), "fault-healed", "link-cut")).hasSize(4);
      assertThat(run.runToEnd().violations()).isEmpty();
    }
  }

  @Test
  void aFaultNamingANodeTheClusterLacksIsRecordedAsFailedAndNotApplied() {
    FaultPlan plan = FaultPlan.of(Heal.at(Duration.ofSeconds(30)), new HostCrash(HostSelector.explicit("node9"), at(5, 5)));
    RunResult result = EngineRun.of(Clusters.lunPerVm(3, 2)).seed(SEED).plan(plan).run();
    assertThat(nemesis(result.history(), "host-crash")).extracting(HistoryEntry::type)
        .containsExactly(EntryType.INVOKE, EntryType.FAIL);
    assertThat(nemesis(result.history(), "host-crash").get(1).value()).contains("could not apply").contains("node9");
    assertThat(result.faultsInjected()).isZero();
    assertThat(result.passed()).isTrue();
  }

  @Test
  void theHealPhaseRepairsWhatIsStillBrokenAndTheClusterRecovers() {
    FaultPlan plan = FaultPlan.of(Heal.at(Duration.ofSeconds(40)),
        new LunOffline(LunSelector.explicit("lun-vm1"), Timing.atSeconds(5)),
        new HostHang(HostSelector.explicit("node3"), Timing.atSeconds(10)),
        new WitnessLoss(HostSelector.all(), Timing.atSeconds(20)));
    try (ClusterRun run = EngineRun.of(Clusters.lunPerVm(4, 4)).seed(SEED).plan(plan).start()) {
      RunResult result = run.runToEnd();
      assertThat(result.violations()).isEmpty();
      assertThat(nemesis(result.history(), "heal-phase")).extracting(HistoryEntry::type)
          .containsExactly(EntryType.INVOKE, EntryType.INFO);
      assertThat(nemesis(result.history(), "heal-lun-offline")).isNotEmpty();
      assertThat(nemesis(result.history(), "heal-host-hang")).isNotEmpty();
      assertThat(nemesis(result.history(), "heal-witness-loss")).isNotEmpty();
      assertThat(run.cluster().quorum().hasQuorum()).isTrue();
      assertThat(run.cluster().vms()).allMatch(vm -> vm.state() == io.hvcluster.api.VmState.RUNNING);
    }
  }

  @Test
  void aMigrationCrashFiresWhenTheVmsMigrationEntersItsPhase() {
    FaultPlan plan = FaultPlan.of(Heal.at(Duration.ofMinutes(2)),
        new MigrationSourceCrash(VmSelector.explicit("vm1"), MigrationStage.RELEASE_STORAGE, Timing.atSeconds(1)));
    Workload workload = new Workload(List.of(new Operation.Migrate(Duration.ofSeconds(5), VmId.of("vm1"),
        HostSelector.explicit("node3"), MigrationKind.QUICK)));
    RunResult result = EngineRun.of(Clusters.lunPerVm(3, 2)).seed(SEED).plan(plan).workload(workload).run();
    assertThat(nemesis(result.history(), "migration-source-crash")).extracting(HistoryEntry::value)
        .anySatisfy(v -> assertThat(v).startsWith("fired: ").contains("entered phase 'release-storage'"));
    assertThat(result.history().entries()).anySatisfy(e -> {
      assertThat(e.process()).isZero();
      assertThat(e.type()).isEqualTo(EntryType.FAIL);
      assertThat(e.value()).contains("aborted");
    });
    assertThat(result.probes()).contains(Probes.MIGRATION_ABORTED);
    assertThat(result.violations()).isEmpty();
  }

  @Test
  void aTornWriteDamagesTheNextSavedStateCommitOnItsLun() {
    FaultPlan plan = FaultPlan.of(Heal.at(Duration.ofMinutes(1)),
        new TornWrite(LunSelector.explicit("lun-vm1"), TornShape.PREFIX, Timing.atSeconds(1)));
    Workload workload = new Workload(List.of(new Operation.StopVm(Duration.ofSeconds(5), VmId.of("vm1")),
        new Operation.StartVm(Duration.ofSeconds(30), VmId.of("vm1"))));
    RunResult result = EngineRun.of(Clusters.lunPerVm(3, 2)).seed(SEED).plan(plan).workload(workload).run();
    assertThat(nemesis(result.history(), "torn-write")).extracting(HistoryEntry::value)
        .anySatisfy(v -> assertThat(v).contains("the commit of vm1's saved state on lun-vm1 tore"));
    assertThat(result.probes()).contains(Probes.SAVED_STATE_REJECTED);
    assertThat(result.violations()).isEmpty();
  }

  @Test
  void heartbeatLossCutsALinkOnlyForRunsOfLostBeatsLongEnoughToBeNoticed() {
    FaultPlan total = FaultPlan.of(Heal.at(Duration.ofMinutes(1)),
        new HeartbeatLoss(HostSelector.explicit("node1"), 100, at(5, 20)));
    FaultPlan rare = FaultPlan.of(Heal.at(Duration.ofMinutes(1)),
        new HeartbeatLoss(HostSelector.explicit("node1"), 1, at(5, 20)));
    RunResult all = EngineRun.of(Clusters.lunPerVm(3, 2)).seed(SEED).plan(total).run();
    RunResult few = EngineRun.of(Clusters.lunPerVm(3, 2)).seed(SEED).plan(rare).run();
    assertThat(nemesis(all.history(), "heartbeat-loss").get(1).value()).contains("(2 runs of 5+ lost beats)");
    assertThat(all.probes()).contains(Probes.NODE_REMOVED);
    assertThat(nemesis(few.history(), "heartbeat-loss").get(1).value()).contains("(0 runs of 5+ lost beats)");
    assertThat(few.probes()).doesNotContain(Probes.NODE_REMOVED);
    assertThat(all.violations()).isEmpty();
    assertThat(few.violations()).isEmpty();
  }

  @Test
  void failingStartsRunOutTheRestartsInPlaceAndTheGroupFailsOverToAnotherNode() {
    // Armed at 5 s, used by the restarts that follow the crash at 10 s: three restarts in place fail
    // (RestartThreshold 3), the fourth failure moves the group, and its start on the new node succeeds.
    FaultPlan plan = FaultPlan.of(Heal.at(Duration.ofMinutes(5)),
        new VmStartFailure(VmSelector.explicit("vm1"), 4, Duration.ofSeconds(20), Timing.atSeconds(5)),
        new io.hvcluster.testkit.fault.VmCrash(VmSelector.explicit("vm1"), Timing.atSeconds(10)));
    try (ClusterRun run = EngineRun.of(Clusters.lunPerVm(3, 4)).seed(SEED).plan(plan).start()) {
      runToPlanTime(run, 4);
      HostId before = run.cluster().vm(VmId.of("vm1")).host().orElseThrow();
      RunResult result = run.runToEnd();
      assertThat(nemesis(run.history(), "vm-start-failure")).extracting(HistoryEntry::value)
          .contains("the next 4 starts of vm1 fail after 20s");
      assertThat(events(run.history(), "vm-state-changed", "start failed")).hasSize(4);
      assertThat(result.probes()).contains(Probes.START_FAILED, Probes.FAILOVER);
      assertThat(run.cluster().vm(VmId.of("vm1")).host()).isPresent().get().isNotEqualTo(before);
      assertThat(result.violations()).isEmpty();
    }
  }

  @Test
  void theSameSeedResolvesEverySelectorTheSameWay() {
    FaultPlan plan = FaultPlan.of(Heal.at(Duration.ofMinutes(1)), new HostCrash(HostSelector.minority(), at(3, 20)),
        new Isolate(HostSelector.one(), at(30, 10)));
    RunResult a = EngineRun.of(Clusters.lunPerVm(5, 3)).seed(SEED).plan(plan).run();
    RunResult b = EngineRun.of(Clusters.lunPerVm(5, 3)).seed(SEED).plan(plan).run();
    assertThat(a.history().render()).isEqualTo(b.history().render());
    assertThat(a.traceHash()).isEqualTo(b.traceHash());
  }
}
