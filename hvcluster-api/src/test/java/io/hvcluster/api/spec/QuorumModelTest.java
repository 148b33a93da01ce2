package io.hvcluster.api.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class QuorumModelTest {
  @Test
  void countsVotesForEveryModelAndNodeCountFromTwoToSixteen() {
    for (int n = 2; n <= 16; n++) {
      assertThat(QuorumModel.NODE_MAJORITY.totalVotes(n)).isEqualTo(n);
      assertThat(QuorumModel.NODE_MAJORITY.votesNeeded(n)).isEqualTo(n / 2 + 1);
      assertThat(QuorumModel.NODE_AND_DISK_MAJORITY.totalVotes(n)).isEqualTo(n + 1);
      assertThat(QuorumModel.NODE_AND_DISK_MAJORITY.votesNeeded(n)).isEqualTo((n + 1) / 2 + 1);
      assertThat(QuorumModel.NODE_AND_FILE_SHARE_MAJORITY.totalVotes(n)).isEqualTo(n + 1);
      assertThat(QuorumModel.NODE_AND_FILE_SHARE_MAJORITY.votesNeeded(n)).isEqualTo((n + 1) / 2 + 1);
      assertThat(QuorumModel.DISK_ONLY.totalVotes(n)).isEqualTo(1);
      assertThat(QuorumModel.DISK_ONLY.votesNeeded(n)).isEqualTo(1);
    }
  }

  @Test
  void aSixNodeClusterWithAWitnessDiskNeedsFourVotes() {
    // The reference example: six nodes and a disk witness tolerate three failures (two without the witness).
    assertThat(QuorumModel.NODE_AND_DISK_MAJORITY.votesNeeded(6)).isEqualTo(4);
  }

  @Test
  void describesWhichModelsUseWhichWitness() {
    assertThat(QuorumModel.NODE_MAJORITY.hasWitness()).isFalse();
    assertThat(QuorumModel.NODE_AND_DISK_MAJORITY.usesWitnessDisk()).isTrue();
    assertThat(QuorumModel.NODE_AND_FILE_SHARE_MAJORITY.usesWitnessDisk()).isFalse();
    assertThat(QuorumModel.NODE_AND_FILE_SHARE_MAJORITY.hasWitness()).isTrue();
    assertThat(QuorumModel.DISK_ONLY.nodesVote()).isFalse();
  }
}
