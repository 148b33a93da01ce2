package io.hvcluster.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.core.management.validation.ValidationStatus;
import org.junit.jupiter.api.Test;

final class PlanThenProveTest {
  @Test
  void aClusterThatKeepsItsReserveRunsEveryVmAfterItsWorstLoss() {
    PlanThenProve.Verdict v = PlanThenProve.check(PlanThenProve.cluster("ROOMY", 6));
    assertThat(v.validation()).isEqualTo(ValidationStatus.PASS);
    assertThat(v.warnings()).isEmpty();
    assertThat(v.reserve().overCommitted()).isFalse();
    assertThat(v.vmsRunning()).isEqualTo(6);
    assertThat(v.agree()).isTrue();
  }

  @Test
  void anOverCommittedClusterFailsValidationAndLosesVmsInTheSimulation() throws Exception {
    PlanThenProve.Verdict v = PlanThenProve.check(PlanThenProve.cluster("TIGHT", 8));
    assertThat(v.validation()).isEqualTo(ValidationStatus.FAIL);
    assertThat(v.warnings()).singleElement().asString().startsWith("FAIL cluster-reserve:");
    assertThat(v.reserve().overCommitted()).isTrue();
    assertThat(v.reserve().failedHosts()).containsExactly("node1");
    // Two 15 GiB nodes hold three 4 GiB VMs each.
    assertThat(v.vmsRunning()).isEqualTo(6);
    assertThat(v.agree()).isTrue();
    assertThat(Mains.stdout(() -> PlanThenProve.main(new String[0]))).contains("the check and the simulation agree")
        .doesNotContain("DISAGREE");
  }
}
