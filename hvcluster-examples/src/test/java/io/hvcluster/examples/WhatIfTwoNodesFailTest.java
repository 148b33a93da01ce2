package io.hvcluster.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.HostId;
import java.util.List;
import org.junit.jupiter.api.Test;

final class WhatIfTwoNodesFailTest {
  private static final List<WhatIfTwoNodesFail.Outcome> OUTCOMES = WhatIfTwoNodesFail.run(42);

  @Test
  void everyPairOfFiveNodesIsTriedAndNoneCostsQuorum() {
    assertThat(OUTCOMES).hasSize(10).allMatch(WhatIfTwoNodesFail.Outcome::quorum);
  }

  @Test
  void onlyLosingTwoSmallNodesKeepsEveryVmRunning() {
    List<List<HostId>> survived = OUTCOMES.stream().filter(WhatIfTwoNodesFail.Outcome::survived)
        .map(WhatIfTwoNodesFail.Outcome::lost).toList();
    assertThat(survived).containsExactly(hosts("node3", "node4"), hosts("node3", "node5"), hosts("node4", "node5"));
  }

  @Test
  void losingABigAndASmallNodeFitsByTheTotalsButNotVmByVm() {
    List<WhatIfTwoNodesFail.Outcome> mixed = OUTCOMES.stream()
        .filter(o -> o.lost().get(0).name().compareTo("node3") < 0 && o.lost().get(1).name().compareTo("node3") >= 0)
        .toList();
    assertThat(mixed).hasSize(6).allSatisfy(o -> {
      assertThat(o.totalsSayFits()).isTrue();
      // 47 + 23 + 23 GiB for ten 8 GiB VMs: 5 + 2 + 2 fit.
      assertThat(o.running()).isEqualTo(9);
    });
    WhatIfTwoNodesFail.Outcome bothBig = OUTCOMES.get(0);
    assertThat(bothBig.lost()).isEqualTo(hosts("node1", "node2"));
    assertThat(bothBig.totalsSayFits()).isFalse();
    assertThat(bothBig.running()).isEqualTo(6);
  }

  @Test
  void theSameSeedGivesTheSameAnswersAndMainPrintsThem() throws Exception {
    assertThat(WhatIfTwoNodesFail.run(42)).isEqualTo(OUTCOMES);
    String out = Mains.stdout(() -> WhatIfTwoNodesFail.main(new String[0]));
    assertThat(out.lines()).hasSize(11);
    assertThat(out)
        .startsWith("node1 + node2 fail: 6 of 10 VMs running, quorum kept; adding up memory says does not fit")
        .contains("node3 + node4 fail: 10 of 10 VMs running")
        .endsWith("the cluster survives every pair but [node1, node2], [node1, node3], [node1, node4], [node1, node5],"
            + " [node2, node3], [node2, node4], [node2, node5]" + System.lineSeparator());
  }

  private static List<HostId> hosts(String a, String b) {
    return List.of(HostId.of(a), HostId.of(b));
  }
}
