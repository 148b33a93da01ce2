package io.hvcluster.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class OperatorTrainingTest {
  private static final OperatorTraining.Exercise EXERCISE = OperatorTraining.run(7);
  private static final long SECOND = 1_000_000_000L;

  @Test
  void theClusterNoticesTheHungNodeAfterFiveMissedHeartbeats() {
    // SameSubnetDelay 1 s x SameSubnetThreshold 5, counted from the last heartbeat before the hang.
    assertThat(EXERCISE.detectionNanos()).isBetween(4 * SECOND, 5 * SECOND);
  }

  @Test
  void theTraineeSeesEachStepInOrderDetectionThenFailoverThenRecovery() {
    List<String> t = EXERCISE.transcript();
    int hang = indexOf(t, "FAULT       host-hang");
    int down = indexOf(t, "node2       UP → DOWN");
    int prompt = indexOf(t, "?? node2 is down after");
    int failover = indexOf(t, "group mail  failover #1");
    int recovered = indexOf(t, "?? every VM runs again");
    assertThat(hang).isLessThan(down);
    assertThat(down).isLessThan(failover);
    assertThat(failover).isLessThan(prompt);
    assertThat(prompt).isLessThan(recovered);
    assertThat(EXERCISE.recoveryNanos()).isGreaterThan(EXERCISE.detectionNanos() + 30 * SECOND);
    assertThat(t.get(recovered)).doesNotContain("on node2");
  }

  @Test
  void theResumedNodeRejoinsWithoutTakingItsVmsBack() throws Exception {
    assertThat(EXERCISE.vmsOnRejoinedNode()).isZero();
    assertThat(EXERCISE.transcript().get(EXERCISE.transcript().size() - 1)).startsWith("?? node2 is UP with 0 VMs");
    assertThat(Mains.stdout(() -> OperatorTraining.main(new String[0])).lines().toList())
        .isEqualTo(EXERCISE.transcript());
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError("no line contains '" + text + "' in " + String.join("\n", lines));
  }
}
