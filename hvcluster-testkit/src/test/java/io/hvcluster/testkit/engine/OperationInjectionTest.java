package io.hvcluster.testkit.engine;

import io.hvcluster.api.migration.MigrationKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.VmId;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.fault.Heal;
import io.hvcluster.testkit.fault.HostSelector;
import io.hvcluster.testkit.fault.LostMigrationAck;
import io.hvcluster.testkit.fault.Timing;
import io.hvcluster.testkit.fault.VmSelector;
import io.hvcluster.testkit.history.EntryType;
import io.hvcluster.testkit.history.History;
import io.hvcluster.testkit.history.HistoryEntry;
import io.hvcluster.testkit.workload.Operation;
import io.hvcluster.testkit.workload.Workload;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Operator workloads on the real engine, recorded as client processes: invoke, then ok, fail or info. */
final class OperationInjectionTest {
  private static final Duration S = Duration.ofSeconds(1);

  private static List<String> process(History h, int p) {
    return h.entries().stream().filter(e -> e.process() == p)
        .map(e -> e.type().name().toLowerCase(java.util.Locale.ROOT) + " " + e.f()).collect(Collectors.toList());
  }

  @Test
  void eachOperationIsItsOwnProcessAndEndsOkOrFail() {
    Workload w = new Workload(List.of(
        new Operation.StopVm(S.multipliedBy(1), VmId.of("vm1")),
        new Operation.PauseNode(S.multipliedBy(2), HostSelector.explicit("node1"), false),
        new Operation.ResumeNode(S.multipliedBy(3), HostSelector.explicit("node1")),
        new Operation.ResumeNode(S.multipliedBy(4), HostSelector.explicit("node2")),
        new Operation.Migrate(S.multipliedBy(5), VmId.of("vm2"), HostSelector.explicit("node3"),
            MigrationKind.QUICK),
        new Operation.StartVm(S.multipliedBy(60), VmId.of("vm1"))));
    RunResult r = EngineRun.of(Clusters.lunPerVm(3, 2)).seed(3).workload(w)
        .plan(FaultPlan.empty(Heal.at(Duration.ofMinutes(2)))).run();
    History h = r.history();
    assertThat(process(h, 0)).containsExactly("invoke stop-vm", "ok stop-vm");
    assertThat(process(h, 1)).containsExactly("invoke pause-node", "ok pause-node");
    assertThat(process(h, 2)).containsExactly("invoke resume-node", "ok resume-node");
    assertThat(process(h, 3)).as("node2 was never paused").containsExactly("invoke resume-node", "fail resume-node");
    assertThat(process(h, 4)).containsExactly("invoke migrate", "ok migrate");
    assertThat(process(h, 5)).containsExactly("invoke start-vm", "ok start-vm");
    HistoryEntry migrated = h.entries().stream().filter(e -> e.process() == 4 && e.type() == EntryType.OK).findFirst()
        .orElseThrow();
    assertThat(migrated.value()).startsWith("completed node").contains("-> node3");
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void aMigrationWhoseAcknowledgementIsLostEndsIndeterminateAndRetiresItsProcess() {
    Workload w = new Workload(List.of(new Operation.Migrate(S.multipliedBy(5), VmId.of("vm2"),
        HostSelector.explicit("node3"), MigrationKind.QUICK)));
    FaultPlan plan = FaultPlan.of(Heal.at(Duration.ofMinutes(2)),
        new LostMigrationAck(VmSelector.explicit("vm2"), Timing.atSeconds(1)));
    RunResult r = EngineRun.of(Clusters.lunPerVm(3, 2)).seed(3).workload(w).plan(plan).run();
    assertThat(process(r.history(), 0)).containsExactly("invoke migrate", "info migrate");
    assertThat(r.history().isRetired(0)).isTrue();
    assertThat(r.probes()).contains(Probes.MIGRATION_ACK_LOST);
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void aMigrationOfAVmThatDoesNotRunIsRefused() {
    Workload w = new Workload(List.of(new Operation.StopVm(S, VmId.of("vm1")),
        new Operation.Migrate(S.multipliedBy(30), VmId.of("vm1"), HostSelector.explicit("node2"),
            MigrationKind.LIVE)));
    RunResult r = EngineRun.of(Clusters.lunPerVm(3, 2)).seed(3).workload(w)
        .plan(FaultPlan.empty(Heal.at(Duration.ofMinutes(1)))).run();
    assertThat(process(r.history(), 1)).containsExactly("invoke migrate", "fail migrate");
    assertThat(r.history().entries()).anySatisfy(e -> assertThat(e.value()).contains("only a running VM can be migrated"));
  }
}
