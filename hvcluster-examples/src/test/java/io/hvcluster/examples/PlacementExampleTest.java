package io.hvcluster.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.core.placement.Placements;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class PlacementExampleTest {
  @Test
  void theDefaultPolicyFillsTheSmallNodeWhileTheBalancedOneSpreadsBySize() {
    Map<String, Double> wsfc = PlacementExample.run(Placements.wsfcDefault()).get("started");
    Map<String, Double> balanced = PlacementExample.run(new BalancedMemoryPlacement()).get("started");
    // Fewest groups: four 4 GiB VMs each, so the 16 GiB node is full and the 64 GiB one a quarter used.
    assertThat(wsfc).containsEntry("node1", 1.0).containsEntry("node2", 0.5).containsEntry("node3", 0.25);
    assertThat(spread(balanced)).isLessThan(0.15).isLessThan(spread(wsfc));
  }

  @Test
  void afterAFailureTheBalancedPolicyStillLeavesRoomOnEveryNodeThatRuns() {
    Map<String, Double> after = PlacementExample.run(new BalancedMemoryPlacement()).get("after node2 fails");
    assertThat(after.get("node2")).isZero();
    assertThat(after.get("node1")).isLessThan(1.0);
    assertThat(after.get("node3")).isLessThan(1.0);
  }

  @Test
  void mainPrintsBothPoliciesBeforeAndAfterTheFailure() throws Exception {
    String out = Mains.stdout(() -> PlacementExample.main(new String[0]));
    assertThat(out.lines()).hasSize(4);
    assertThat(out).contains("wsfc-default     started             node1 100 %  node2  50 %  node3  25 %")
        .contains("balanced-memory  after node2 fails");
  }

  private static double spread(Map<String, Double> shares) {
    return Collections.max(shares.values()) - Collections.min(shares.values());
  }
}
