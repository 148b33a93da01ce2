package io.hvcluster.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.core.defect.Defect;
import io.hvcluster.testkit.property.Seeds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Many generated scenarios in a row against the real engine. */
final class TortureTest {
  @Test
  void aShortRunOfTheCorrectEngineFindsNoViolation() {
    List<Integer> seen = new ArrayList<>();
    TortureReport r = Torture.builder().nodes(3).vms(6).scenarios(25).seed(5)
        .listener((i, n, result) -> seen.add(i)).build().run();
    assertThat(r.violations()).as("%s", r.firstViolation().map(Finding::report).orElse("")).isZero();
    assertThat(r.scenarios()).isEqualTo(25);
    assertThat(r.faultsInjected()).isPositive();
    assertThat(r.probesHit()).isPositive();
    assertThat(seen).as("the listener hears every scenario, in order").hasSize(25).isSorted();
  }

  @Test
  void theReportDoesNotDependOnHowManyThreadsRunTheScenarios() {
    TortureReport one = Torture.builder().nodes(3).vms(6).scenarios(12).seed(8).threads(1).build().run();
    TortureReport two = Torture.builder().nodes(3).vms(6).scenarios(12).seed(8).threads(2).build().run();
    assertThat(two).isEqualTo(one);
  }

  @Test
  void aDefectiveEngineIsCaughtAndItsFirstFailureShrunkToAtMostThreeFaults() {
    Torture torture = Torture.builder().nodes(3).vms(6).scenarios(15).seed(3).defects(Defect.SKIP_STORAGE_ARBITRATION)
        .build();
    TortureReport r = torture.run();
    assertThat(r.violations()).isPositive();
    Finding f = r.firstViolation().orElseThrow();
    assertThat(f.minimalPlan().size()).isBetween(0, 3);
    assertThat(f.minimalViolation().invariant()).isEqualTo(f.violation().invariant());
    assertThat(f.replay()).isEqualTo("hvcluster torture --nodes 3 --vms 6 --scenarios 1 --seed " + Seeds.format(f.seed())
        + " --max-faults 4 --defect SKIP_STORAGE_ARBITRATION");
    assertThat(f.report()).contains("first violating event").contains("plan as JSON");
  }

  @Test
  void anEngineThatPlacesGroupsOnPausedNodesIsCaughtByS11WithDefaultTortureOptions() {
    // The defaults of hvcluster torture (4 nodes, 20 VMs, up to 4 faults) and its operator workload, which
    // pauses and drains nodes while faults move groups.
    TortureReport r = Torture.builder().scenarios(200).seed(1).defects(Defect.PLACE_ON_PAUSED_NODES).build().run();
    assertThat(r.violationsByInvariant()).as("%s", r).containsKey("S11");
    Finding f = r.firstViolation().orElseThrow();
    assertThat(f.minimalViolation().invariant()).as(f.report()).isEqualTo("S11");
    assertThat(f.minimalViolation().message()).contains("which is paused");
    assertThat(f.minimalPlan().size()).as(f.report()).isBetween(0, 3);
    assertThat(f.replay()).contains("--defect PLACE_ON_PAUSED_NODES");
  }

  @Test
  void theSameTortureWithoutTheDefectFindsNothing() {
    assertThat(Torture.builder().scenarios(200).seed(1).build().run().violations()).isZero();
  }

  @Test
  void aFailingScenarioReplaysAloneFromItsOwnSeed() {
    Torture torture = Torture.builder().nodes(3).vms(6).scenarios(15).seed(3).defects(Defect.SKIP_STORAGE_ARBITRATION)
        .maxShrinkRuns(0).build();
    Finding f = torture.run().firstViolation().orElseThrow();
    Finding replayed = Torture.builder().nodes(3).vms(6).scenarios(1).seed(f.seed())
        .defects(Defect.SKIP_STORAGE_ARBITRATION).maxShrinkRuns(0).build().run().firstViolation().orElseThrow();
    assertThat(replayed.violation()).isEqualTo(f.violation());
    assertThat(replayed.plan()).isEqualTo(f.plan());
  }
}
