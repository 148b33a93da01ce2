package io.hvcluster.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.core.defect.Defect;
import io.hvcluster.testkit.engine.Finding;
import io.hvcluster.testkit.engine.Torture;
import io.hvcluster.testkit.engine.TortureReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class WorksTest {
  @Test
  void aTortureCampaignFindsWhatTortureFindsForTheSameSeed() {
    TortureWork work = TortureWork.of(3, 4, 3).withDefects(List.of(Defect.IGNORE_QUORUM));
    TortureReport torture = Torture.builder().nodes(3).vms(4).maxFaults(3).scenarios(12).seed(0x2A)
        .defects(Defect.IGNORE_QUORUM).maxShrinkRuns(0).build().run();
    CampaignSummary s;
    try (LocalEngine e = LocalEngine.withThreads(2)) {
      s = Campaign.of(work).seed(0x2A).runs(12).batchSize(5).build().run(e);
    }
    assertThat(s.failed()).isEqualTo(torture.violations()).isPositive();
    assertThat(s.counts()).containsEntry("faults", torture.faultsInjected()).containsEntry("kernelEvents",
        torture.steps());
    assertThat(s.failuresByKind()).isEqualTo(torture.violationsByInvariant());
    FailedRun first = s.firstFailures().get(0);
    assertThat(first.index()).isEqualTo(torture.firstViolation().orElseThrow().scenario());
    assertThat(first.replay()).isEqualTo(torture.firstViolation().orElseThrow().replay());
    Finding shrunk = work.shrink(first.seed(), 100).orElseThrow();
    assertThat(shrunk.minimalPlan().size()).isBetween(1, shrunk.plan().size());
    assertThat(shrunk.replay()).isEqualTo(first.replay()).endsWith("--defect IGNORE_QUORUM");
  }

  @Test
  void aWideTortureCampaignRunsTortureWideScenarios() {
    TortureWork work = TortureWork.of(3, 4, 2).withWide(true);
    TortureReport torture = Torture.builder().nodes(3).vms(4).maxFaults(2).scenarios(6).seed(7).wide(true)
        .maxShrinkRuns(0).build().run();
    CampaignSummary s;
    try (LocalEngine e = LocalEngine.withThreads(2)) {
      s = Campaign.of(work).seed(7).runs(6).batchSize(4).build().run(e);
    }
    assertThat(s.counts()).containsEntry("faults", torture.faultsInjected()).containsEntry("kernelEvents",
        torture.steps());
    assertThat(s.failed()).isEqualTo(torture.violations());
    assertThat(work.key()).isEqualTo("torture wide maxFaults=2");
    assertThat(work.replay(0, 5)).endsWith("--max-faults 2 --wide");
    assertThat(work).isNotEqualTo(TortureWork.of(3, 4, 2));
    try (LocalEngine e = LocalEngine.withThreads(1)) {
      CampaignSummary narrow = Campaign.of(TortureWork.of(3, 4, 2)).seed(7).runs(6).build().run(e);
      assertThat(narrow.digest()).isNotEqualTo(s.digest());
    }
  }

  @Test
  void aFleetSweepLabelsEveryPointAndCyclesThroughThem() {
    FleetWork sweep = FleetWork.of(32, 64, 1, List.of(0.1, 0.5), List.of(2.0, 8.0));
    List<RunRecord> runs = new ArrayList<>();
    CampaignSummary s;
    try (LocalEngine e = LocalEngine.withThreads(2)) {
      s = Campaign.of(sweep).seed(3).runs(8).batchSize(3).inOrder(runs::add).build().run(e);
    }
    assertThat(sweep.points()).isEqualTo(4);
    assertThat(runs).extracting(RunRecord::label).containsExactly("failuresPerHour=0.1 repairHours=2",
        "failuresPerHour=0.1 repairHours=8", "failuresPerHour=0.5 repairHours=2", "failuresPerHour=0.5 repairHours=8",
        "failuresPerHour=0.1 repairHours=2", "failuresPerHour=0.1 repairHours=8", "failuresPerHour=0.5 repairHours=2",
        "failuresPerHour=0.5 repairHours=8");
    assertThat(runs.get(0).measures()).containsKeys("availability", "vmDowntimeSeconds");
    assertThat(s.counts()).containsKey("hostFailures");
    assertThat(sweep.replay(3, 5)).isEqualTo("hvcluster simulate --hosts 32 --vms 64 --days 1 --failures-per-hour"
        + " 0.5 --repair-hours 8 --seed 0x0000000000000005");
  }

  @Test
  void aBadSweepPointIsRefusedBeforeAnythingRuns() {
    assertThatThrownBy(() -> FleetWork.of(32, 64, 1, List.of(0.1, -1.0), List.of(2.0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failuresPerHour=-1")
        .hasMessageContaining("allowed: 0 to 10000");
    assertThatThrownBy(() -> FleetWork.of(32, 64, 1, List.of(), List.of(2.0))).hasMessageContaining("at least one");
    assertThatThrownBy(() -> TortureWork.of(1, 4, 3)).hasMessageContaining("2 to 16");
  }

  @Test
  void worksTravelAsSerializedValues() throws Exception {
    for (CampaignWork w : List.of(TortureWork.of(3, 4, 2).withDefects(List.of(Defect.IGNORE_QUORUM)),
        TortureWork.of(3, 4, 2).withWide(true),
        FleetWork.of(32, 64, 1, List.of(0.1), List.of(2.0)))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(w);
      }
      Object back;
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        back = in.readObject();
      }
      assertThat(back).isEqualTo(w);
      assertThat(((CampaignWork) back).run(1, 99)).isEqualTo(w.run(1, 99));
    }
  }
}
