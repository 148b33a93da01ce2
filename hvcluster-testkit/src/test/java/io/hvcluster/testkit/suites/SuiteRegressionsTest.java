package io.hvcluster.testkit.suites;

import io.hvcluster.testkit.engine.ClusterRun;
import io.hvcluster.testkit.junit.ClusterProperty;

/**
 * Tries that longer (nightly-style) runs of the suites once found failing, replayed from their seeds.
 * Each broke the engine or a checker before its fix; each must stay clean.
 */
final class SuiteRegressionsTest {
  /**
   * A hung node's VMs on a Cluster Shared Volume were never fenced when the cluster removed the node, so
   * their groups waited for the node to resume instead of failing over (L1).
   */
  @ClusterProperty(seed = 0x35FE086ED8BE9364L, tries = 1, scenarios = SafetyUnderRandomFaultsTest.Swarm.class)
  void vmsOnCsvOfARemovedHungNodeFailOver(ClusterRun run) {
    run.runToEnd();
  }

  /**
   * A quick migration aborted by a hang of its source left the VM SAVING forever after the host resumed
   * (L1).
   */
  @ClusterProperty(seed = 0xD34A9B0603945194L, tries = 1, scenarios = QuickMigrationFaultsTest.Migrations.class)
  void aSaveFrozenByAHangEndsWhenTheHostResumes(ClusterRun run) {
    run.runToEnd();
  }

  /**
   * Two bit rots flipped the same bit, so the second undid the first; the S7 checker still held the saved
   * state damaged and flagged the (correct) restore as accepting corruption.
   */
  @ClusterProperty(seed = 0xA0966FFDD7C30F8DL, tries = 1, scenarios = RealStorageFaultsTest.RealFiles.class)
  void twoBitRotsOfOneSavedStateAreBothCaught(ClusterRun run) {
    run.runToEnd();
  }
}
