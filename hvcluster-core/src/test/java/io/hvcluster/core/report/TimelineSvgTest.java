package io.hvcluster.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.HostId;
import io.hvcluster.api.event.FaultApplied;
import io.hvcluster.api.event.MigrationFinished;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

final class TimelineSvgTest {
  private static final ReportFixture RUN = ReportFixture.run(11);

  @Test
  void theStandaloneSvgIsWellFormedXmlInTheSvgNamespace() throws Exception {
    Document doc = ReportFixture.parse(TimelineSvg.render(RUN.record));
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(TimelineSvg.NAMESPACE);
  }

  @Test
  void drawsOneLanePerNodeInConfigurationOrder() throws Exception {
    Document doc = ReportFixture.parse(TimelineSvg.render(RUN.record));
    List<String> lanes = ReportFixture.byClass(doc, "g", "host-lane").stream().map(e -> e.getAttribute("data-host")).toList();
    assertThat(lanes).containsExactly("node1", "node2", "node3", "node4");
  }

  @Test
  void theCrashedNodesLaneShowsItDownBetweenTheCrashAndTheRepair() throws Exception {
    Document doc = ReportFixture.parse(TimelineSvg.render(RUN.record));
    Element lane = ReportFixture.byClass(doc, "g", "host-lane").stream()
        .filter(e -> e.getAttribute("data-host").equals(RUN.crashed.name())).findFirst().orElseThrow();
    List<String> states = ReportFixture.byClass(doc, "rect", "node-state").stream().filter(r -> r.getParentNode() == lane)
        .map(r -> r.getAttribute("data-state")).toList();
    assertThat(states).containsSubsequence("UP", "DOWN", "UP");
  }

  @Test
  void drawsABarForEveryStayOfAVmOnANode() throws Exception {
    Document doc = ReportFixture.parse(TimelineSvg.render(RUN.record));
    Map<String, List<Element>> barsByVm = ReportFixture.byClass(doc, "g", "vm-bar").stream()
        .collect(Collectors.groupingBy(e -> e.getAttribute("data-vm")));
    assertThat(barsByVm.keySet()).containsExactlyInAnyOrder("vm1", "vm2", "vm3", "vm4", "vm5", "vm6");
    List<String> hostsOfCrashedVm = barsByVm.get(RUN.crashedVm).stream()
        .sorted(Comparator.comparingLong(e -> Long.parseLong(e.getAttribute("data-start-nanos"))))
        .map(e -> e.getAttribute("data-host")).toList();
    assertThat(hostsOfCrashedVm).startsWith(RUN.crashed.name(), RUN.finalHostOfCrashedVm.name());
    // Every bar sits in the lane of its node, and no VM has two bars at once.
    for (Element bar : ReportFixture.byClass(doc, "g", "vm-bar")) {
      assertThat(((Element) bar.getParentNode()).getAttribute("data-host")).isEqualTo(bar.getAttribute("data-host"));
    }
    for (List<Element> bars : barsByVm.values()) {
      long previousEnd = -1;
      for (Element bar : bars.stream().sorted(Comparator.comparingLong(e -> Long.parseLong(e.getAttribute("data-start-nanos"))))
          .toList()) {
        assertThat(Long.parseLong(bar.getAttribute("data-start-nanos"))).isGreaterThanOrEqualTo(previousEnd);
        previousEnd = Long.parseLong(bar.getAttribute("data-end-nanos"));
      }
    }
  }

  @Test
  void colorsEachBarSegmentByTheVmsState() throws Exception {
    Document doc = ReportFixture.parse(TimelineSvg.render(RUN.record));
    List<String> states = ReportFixture.byClass(doc, "rect", "vm-state").stream().map(e -> e.getAttribute("data-state"))
        .distinct().toList();
    assertThat(states).contains("STARTING", "RUNNING", "SAVING", "SAVED", "RESTORING").doesNotContain("OFF");
    for (Element seg : ReportFixture.byClass(doc, "rect", "vm-state")) {
      assertThat(seg.getAttribute("fill")).isEqualTo(Palette.VM.get(io.hvcluster.api.VmState.valueOf(seg.getAttribute("data-state"))));
    }
  }

  @Test
  void marksEveryFaultAndEveryMigration() throws Exception {
    Document doc = ReportFixture.parse(TimelineSvg.render(RUN.record));
    long faults = RUN.record.events().stream().filter(e -> e instanceof FaultApplied).count();
    long migrations = RUN.record.events().stream().filter(e -> e instanceof MigrationFinished).count();
    assertThat(faults).isEqualTo(1);
    assertThat(migrations).isPositive();
    assertThat(ReportFixture.byClass(doc, "g", "fault")).hasSize((int) faults);
    assertThat(ReportFixture.byClass(doc, "line", "fault-guide")).hasSize((int) faults);
    assertThat(ReportFixture.byClass(doc, "line", "migration")).hasSize((int) migrations);
    assertThat(ReportFixture.byClass(doc, "g", "heal")).hasSize(1);
  }

  @Test
  void showsQuorumChangesFromNotFormedToHeld() throws Exception {
    Document doc = ReportFixture.parse(TimelineSvg.render(RUN.record));
    List<String> quorum = ReportFixture.byClass(doc, "rect", "quorum").stream().map(e -> e.getAttribute("data-state")).toList();
    assertThat(quorum).startsWith("NOT_FORMED", "HELD").doesNotContain("LOST");
  }

  @Test
  void theSameRunDrawsTheSameBytes() {
    assertThat(TimelineSvg.render(ReportFixture.run(11).record)).isEqualTo(TimelineSvg.render(RUN.record));
  }

  @Test
  void aRunWithoutTimeOrEventsStillDrawsValidSvg() throws Exception {
    try (io.hvcluster.core.Simulation sim = io.hvcluster.core.Simulation.builder().build()) {
      RunRecorder recorder = RunRecorder.attach(sim, sim.createCluster(io.hvcluster.core.TestSpecs.fourNodes()));
      Document doc = ReportFixture.parse(TimelineSvg.render(recorder.finish()));
      assertThat(ReportFixture.byClass(doc, "g", "host-lane")).hasSize(4);
      assertThat(ReportFixture.byClass(doc, "g", "vm-bar")).isEmpty();
    }
    assertThat(HostId.of("node1").name()).isEqualTo("node1");
  }
}
