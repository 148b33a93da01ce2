package io.hvcluster.testkit.invariant;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.event.MigrationPhaseStarted;
import io.hvcluster.api.event.MigrationStarted;
import io.hvcluster.api.fake.FakeCluster;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.testkit.check.StepInvariant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The state invariants S1–S6 on hand-built cluster states: each catches what it is for, and only that. */
final class StateInvariantsTest {
  private long version;

  private static ClusterSpec spec() {
    return ClusterSpec.builder("HV1").quorum(QuorumModel.NODE_MAJORITY)
        .host(HostSpec.builder("node1").memoryGiB(16).build())
        .host(HostSpec.builder("node2").memoryGiB(16).build())
        .host(HostSpec.builder("node3").memoryGiB(16).build())
        .vm(VmSpec.builder("vm1").memoryGiB(2).lun("lun1").build())
        .vm(VmSpec.builder("vm2").memoryGiB(2).lun("csv1").build())
        .vm(VmSpec.builder("big").memoryGiB(15).lun("lun2").build())
        .storage(StorageSpec.iscsi(List.of(LunSpec.data("lun1", 40), LunSpec.data("lun2", 40),
            LunSpec.sharedVolume("csv1", 100))))
        .build();
  }

  private Snapshot snapshot(FakeCluster cluster) {
    return new Snapshot(() -> version, cluster);
  }

  private Optional<String> check(StepInvariant invariant, FakeCluster cluster) {
    version++;
    return invariant.check(cluster, null);
  }

  @Test
  void aVmExecutingOnTwoRunningHostsBreaksS1() {
    FakeCluster c = new FakeCluster(spec()).run("vm1", "node1").stale("vm1", "node2", VmState.RUNNING);
    assertThat(check(new SingleRunner(snapshot(c)), c)).hasValueSatisfying(m ->
        assertThat(m).contains("vm1 executes on two hosts at once").contains("node1").contains("node2"));
  }

  @Test
  void aFrozenInstanceOnAHungHostDoesNotCountForS1() {
    FakeCluster c = new FakeCluster(spec()).run("vm1", "node1").stale("vm1", "node2", VmState.RUNNING).hang("node2");
    assertThat(check(new SingleRunner(snapshot(c)), c)).isEmpty();
  }

  @Test
  void aSavedInstanceElsewhereDoesNotCountForS1() {
    FakeCluster c = new FakeCluster(spec()).run("vm1", "node1").stale("vm1", "node2", VmState.SAVED);
    assertThat(check(new SingleRunner(snapshot(c)), c)).isEmpty();
  }

  @Test
  void aVmRunningWhereAnotherNodeReservesItsLunBreaksS3() {
    FakeCluster c = new FakeCluster(spec()).run("vm1", "node2").own("lun1", "node1");
    assertThat(check(new StorageOwnership(snapshot(c), new RunFacts(c)), c)).hasValueSatisfying(m ->
        assertThat(m).contains("vm1 is RUNNING on node2 but its LUN lun1 is reserved by node1"));
  }

  @Test
  void aVmRunningOnAClusterSharedVolumeNeedsNoReservationForS3() {
    FakeCluster c = new FakeCluster(spec()).run("vm2", "node2").own("csv1", "node1");
    assertThat(check(new StorageOwnership(snapshot(c), new RunFacts(c)), c)).isEmpty();
  }

  @Test
  void aVmFrozenInALiveMigrationsBlackoutMayLetItsLunChangeHandsUnderS3() {
    FakeCluster c = new FakeCluster(spec()).vmState("vm1", VmState.MIGRATING, "node1");
    RunFacts facts = new RunFacts(c);
    StorageOwnership s3 = new StorageOwnership(snapshot(c), facts);
    facts.onEvent(new MigrationStarted(1, "HV1", VmId.of("vm1"), HostId.of("node1"), HostId.of("node2"), "live"));
    facts.onEvent(new MigrationPhaseStarted(2, "HV1", VmId.of("vm1"), "pre-copy"));
    assertThat(check(s3, c)).as("pre-copy: the guest runs and writes").hasValueSatisfying(m ->
        assertThat(m).contains("vm1 is MIGRATING on node1 but its LUN lun1 is owned by no node"));

    facts.onEvent(new MigrationPhaseStarted(3, "HV1", VmId.of("vm1"), "stop-and-copy"));
    assertThat(check(s3, c)).as("blackout: frozen, no I/O").isEmpty();

    facts.onEvent(new MigrationFinished(4, "HV1", new MigrationResult("live", VmId.of("vm1"), HostId.of("node1"),
        HostId.of("node2"), MigrationOutcome.FAILED, 1, 4, 0, 0, List.of(), List.of(), false,
        "lost the arbitration")));
    assertThat(check(s3, c)).as("thawed on the source without its LUN").isPresent();
  }

  @Test
  void aVmSavingWithoutItsLunBreaksS3() {
    FakeCluster c = new FakeCluster(spec()).vmState("vm1", VmState.SAVING, "node2");
    assertThat(check(new StorageOwnership(snapshot(c), new RunFacts(c)), c)).hasValueSatisfying(m ->
        assertThat(m).contains("SAVING on node2").contains("owned by no node"));
  }

  @Test
  void aVmRunningOutsideThePartitionWithQuorumBreaksS4() {
    FakeCluster c = new FakeCluster(spec()).run("vm1", "node1").own("lun1", "node1").hang("node2").hang("node3");
    assertThat(check(new QuorumRule(snapshot(c)), c)).hasValueSatisfying(m ->
        assertThat(m).contains("vm1 is RUNNING on node1, which is not in a partition with quorum"));
  }

  @Test
  void aVmRunningInsideThePartitionWithQuorumKeepsS4() {
    FakeCluster c = new FakeCluster(spec()).run("vm1", "node1").own("lun1", "node1").hang("node3");
    assertThat(check(new QuorumRule(snapshot(c)), c)).isEmpty();
  }

  @Test
  void aVmRunningOnANodeThatIsDownBreaksS5() {
    FakeCluster c = new FakeCluster(spec()).run("vm1", "node1").nodeState("node1", NodeState.DOWN);
    assertThat(check(new LiveHostsOnly(snapshot(c)), c)).hasValueSatisfying(m ->
        assertThat(m).isEqualTo("vm1 is RUNNING on node1, which is DOWN (not a member of the cluster)"));
  }

  @Test
  void aPausedNodeMayRunVmsUnderS5() {
    FakeCluster c = new FakeCluster(spec()).run("vm1", "node1").nodeState("node1", NodeState.PAUSED);
    assertThat(check(new LiveHostsOnly(snapshot(c)), c)).isEmpty();
  }

  @Test
  void moreMemoryCommittedThanAHostHasBreaksS6() {
    FakeCluster c = new FakeCluster(spec()).run("big", "node1").run("vm1", "node1");
    assertThat(check(new MemoryCapacity(snapshot(c)), c)).hasValueSatisfying(m ->
        assertThat(m).startsWith("node1 has 17408 MiB committed to VMs but only"));
  }

  @Test
  void aReservationGenerationThatGoesBackBreaksS2() {
    FakeCluster c = new FakeCluster(spec()).own("lun1", "node1").generation("lun1", 3);
    LunFencing s2 = new LunFencing(c);
    assertThat(check(s2, c)).isEmpty();
    c.generation("lun1", 2);
    assertThat(check(s2, c)).hasValueSatisfying(m -> assertThat(m).contains("went back from 3 to 2"));
  }

  @Test
  void aLunThatChangesHandsWithoutANewGenerationBreaksS2() {
    FakeCluster c = new FakeCluster(spec()).own("lun1", "node1").generation("lun1", 3);
    LunFencing s2 = new LunFencing(c);
    assertThat(check(s2, c)).isEmpty();
    c.own("lun1", "node2");
    assertThat(check(s2, c)).hasValueSatisfying(m -> assertThat(m).contains("changed hands from node1 to node2"));
  }

  @Test
  void anOwnerWithoutARegistrationBreaksS2() {
    FakeCluster c = new FakeCluster(spec()).ownWithoutRegistration("lun1", "node1").generation("lun1", 1);
    assertThat(check(new LunFencing(c), c)).hasValueSatisfying(m -> assertThat(m).contains("holds no registration"));
  }

  @Test
  void aStateInvariantIsNotEvaluatedAgainWhenNoEventHappened() {
    FakeCluster c = new FakeCluster(spec()).run("vm1", "node1");
    SingleRunner s1 = new SingleRunner(snapshot(c));
    assertThat(check(s1, c)).isEmpty();
    c.stale("vm1", "node2", VmState.RUNNING);
    assertThat(s1.check(c, null)).as("same event count: nothing it reads can have changed").isEmpty();
    assertThat(check(s1, c)).isPresent();
  }
}
