package io.hvcluster.core.cluster.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.spec.QuorumModel;
import org.junit.jupiter.api.Test;

final class QuorumMathTest {
  @Test
  void decidesQuorumForEveryModelNodeCountPartitionSizeAndWitness() {
    int checked = 0;
    for (int n = 2; n <= 16; n++) {
      for (int k = 0; k <= n; k++) {
        for (boolean w : new boolean[] {false, true}) {
          // More than half of the votes, written out per model.
          boolean nodeMajority = k * 2 > n;
          boolean withWitness = k >= 1 && (k + (w ? 1 : 0)) * 2 > n + 1;
          boolean diskOnly = k >= 1 && w;
          assertThat(QuorumMath.hasQuorum(QuorumModel.NODE_MAJORITY, n, k, w)).as("NM n=%d k=%d w=%b", n, k, w)
              .isEqualTo(nodeMajority);
          assertThat(QuorumMath.hasQuorum(QuorumModel.NODE_AND_DISK_MAJORITY, n, k, w)).as("NDM n=%d k=%d w=%b", n, k, w)
              .isEqualTo(withWitness);
          assertThat(QuorumMath.hasQuorum(QuorumModel.NODE_AND_FILE_SHARE_MAJORITY, n, k, w))
              .as("NFSM n=%d k=%d w=%b", n, k, w).isEqualTo(withWitness);
          assertThat(QuorumMath.hasQuorum(QuorumModel.DISK_ONLY, n, k, w)).as("DO n=%d k=%d w=%b", n, k, w)
              .isEqualTo(diskOnly);
          checked += 4;
        }
      }
    }
    assertThat(checked).isEqualTo(4 * 2 * (3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15 + 16 + 17));
  }

  @Test
  void atMostOnePartitionCanHoldQuorum() {
    for (QuorumModel model : QuorumModel.values()) {
      for (int n = 2; n <= 16; n++) {
        for (int k = 0; k <= n; k++) {
          // The witness goes to at most one side.
          for (int witnessSide = 0; witnessSide < 3; witnessSide++) {
            boolean a = QuorumMath.hasQuorum(model, n, k, witnessSide == 1);
            boolean b = QuorumMath.hasQuorum(model, n, n - k, witnessSide == 2);
            assertThat(a && b).as("%s n=%d split %d/%d witness side %d", model, n, k, n - k, witnessSide).isFalse();
          }
        }
      }
    }
  }
}
