package io.hvcluster.testkit.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.testkit.fake.Specs;
import io.hvcluster.testkit.property.Property;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class WorkloadsTest {
  private static final ClusterSpec SPEC = Specs.cluster(3, 4);

  @Test
  void operationsAreSortedAndWithinTheHorizon() {
    Property.forAll(Workloads.operations(SPEC, Duration.ofMinutes(2), 8)).seed(1).tries(200).check((w, info) -> {
      assertThat(w.operations()).hasSizeLessThanOrEqualTo(8);
      assertThat(w.operations()).isSortedAccordingTo(java.util.Comparator.comparing(Operation::at));
      assertThat(w.operations()).allMatch(op -> op.at().compareTo(Duration.ofMinutes(2)) < 0);
    }).assertPassed();
  }

  @Test
  void aWorkloadThatFailsShrinksToOneOperationAtTheStart() {
    var result = Property.forAll(Workloads.operations(SPEC, Duration.ofMinutes(2), 8)).seed(2)
        .holds(w -> w.operations().stream().noneMatch(op -> op instanceof Operation.StopVm));
    Workload minimal = result.counterexample().orElseThrow().shrunk();
    assertThat(minimal.operations()).hasSize(1);
    assertThat(minimal.operations().get(0)).isInstanceOf(Operation.StopVm.class);
    assertThat(minimal.operations().get(0).at()).isZero();
    assertThat(minimal.describe()).isEqualTo("workload: 1 operation\n  at 0s stop-vm vm=vm1");
  }

  @Test
  void guestWorkloadsFitTheirVm() {
    Property.forAll(Workloads.guest(1L << 30)).seed(3).tries(100)
        .holds(w -> w.workingSetBytes() <= (1L << 29) && w.dirtyPagesPerSecond() <= 2000).assertPassed();
  }
}
