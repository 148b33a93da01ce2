package io.hvcluster.testkit.invariant;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.event.FaultApplied;
import io.hvcluster.api.event.GroupPlaced;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.event.MigrationStarted;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.event.OperatorAction;
import io.hvcluster.api.event.VmStateChanged;
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

/** The invariants over what happened, S7–S10, fed hand-written event sequences. */
final class EventInvariantsTest {
  private static final long S = 1_000_000_000L;

  private static ClusterSpec spec() {
    ClusterSpec.Builder b = ClusterSpec.builder("HV1").quorum(QuorumModel.NODE_MAJORITY);
    for (int i = 1; i <= 3; i++) {
      b.host(HostSpec.builder("node" + i).memoryGiB(16).build());
    }
    return b.vm(VmSpec.builder("vm1").memoryGiB(2).lun("lun1").build())
        .storage(StorageSpec.iscsi(List.of(LunSpec.data("lun1", 40)))).build();
  }

  private static VmStateChanged vm(long t, VmState from, VmState to, String host, String reason) {
    return new VmStateChanged(t, "HV1", VmId.of("vm1"), Optional.ofNullable(host).map(HostId::of), from, to, reason);
  }

  private static MigrationResult result(MigrationOutcome outcome) {
    return new MigrationResult("quick", VmId.of("vm1"), HostId.of("node1"), HostId.of("node2"), outcome, 0, 30 * S, 30 * S,
        0, List.of(), List.of(), false, "test");
  }

  private static Optional<String> feed(StepInvariant invariant, FakeCluster cluster, ClusterEvent... events) {
    for (ClusterEvent e : events) {
      invariant.observe(e);
    }
    return invariant.check(cluster, events.length == 0 ? null : events[events.length - 1]);
  }

  @Test
  void aVmRunningPastTheInstantOfItsRestoreFromADamagedStateBreaksS7() {
    FakeCluster c = new FakeCluster(spec()).vmState("vm1", VmState.SAVED, "node2");
    SavedStateIntegrity s7 = new SavedStateIntegrity(c, null);
    assertThat(feed(s7, c, new FaultApplied(10 * S, "HV1", "saved-state-bit-rot", "vm1"))).isEmpty();
    c.vmState("vm1", VmState.RUNNING, "node2");
    assertThat(feed(s7, c, vm(20 * S, VmState.SAVED, VmState.RESTORING, "node2", "restoring"),
        vm(21 * S, VmState.RESTORING, VmState.RUNNING, "node2", "resumed"))).as("same instant: detection may follow")
        .isEmpty();
    assertThat(feed(s7, c, new OperatorAction(22 * S, "HV1", "pause-node", "node3"))).hasValueSatisfying(m ->
        assertThat(m).contains("vm1 was restored at 21s from a saved state damaged by saved-state-bit-rot")
            .contains("accepted silently"));
  }

  @Test
  void aRestoreThatRejectsTheDamagedStateKeepsS7() {
    FakeCluster c = new FakeCluster(spec()).vmState("vm1", VmState.SAVED, "node2");
    SavedStateIntegrity s7 = new SavedStateIntegrity(c, null);
    feed(s7, c, new FaultApplied(10 * S, "HV1", "saved-state-torn-write", "vm1"));
    c.vmState("vm1", VmState.STARTING, "node2");
    assertThat(feed(s7, c, vm(20 * S, VmState.SAVED, VmState.RESTORING, "node2", "restoring"),
        vm(20 * S, VmState.RESTORING, VmState.OFF, null, "saved state rejected"),
        vm(20 * S, VmState.OFF, VmState.STARTING, "node2", "cold boot"),
        new OperatorAction(25 * S, "HV1", "pause-node", "node3"))).isEmpty();
  }

  @Test
  void damageDuringARestoreUnderWayAffectsOnlyTheNextRestore() {
    FakeCluster c = new FakeCluster(spec()).vmState("vm1", VmState.RESTORING, "node2");
    SavedStateIntegrity s7 = new SavedStateIntegrity(c, null);
    feed(s7, c, new FaultApplied(10 * S, "HV1", "saved-state-bit-rot", "vm1"));
    c.vmState("vm1", VmState.RUNNING, "node2");
    assertThat(feed(s7, c, vm(11 * S, VmState.RESTORING, VmState.RUNNING, "node2", "resumed"),
        new OperatorAction(30 * S, "HV1", "pause-node", "node3"))).isEmpty();
  }

  @Test
  void anOperatorStoppedVmThatTheClusterStartsBreaksS8() {
    FakeCluster c = new FakeCluster(spec()).operatorStopped("vm1", true);
    RunFacts facts = new RunFacts(c);
    OperatorIntent s8 = new OperatorIntent(facts);
    assertThat(feed(s8, c, vm(5 * S, VmState.OFF, VmState.STARTING, "node1", "cold boot on node1")))
        .hasValueSatisfying(m -> assertThat(m).isEqualTo("vm1 was stopped by an operator but the cluster moved it to"
            + " STARTING on node1 (cold boot on node1)"));
  }

  @Test
  void aRestoreThatFinishesAMigrationUnderWayIsNotAStartUnderS8() {
    FakeCluster c = new FakeCluster(spec()).operatorStopped("vm1", true);
    RunFacts facts = new RunFacts(c);
    MigrationStarted started = new MigrationStarted(S, "HV1", VmId.of("vm1"), HostId.of("node1"), HostId.of("node2"),
        "quick");
    facts.onEvent(started);
    assertThat(feed(new OperatorIntent(facts), c, started, vm(9 * S, VmState.SAVED, VmState.RESTORING, "node2",
        "restoring"))).isEmpty();
  }

  @Test
  void moreFailoversThanTheThresholdInThePeriodBreakS9() {
    FakeCluster c = new FakeCluster(spec());
    RetryLimits s9 = new RetryLimits(c);
    FailoverStarted first = new FailoverStarted(S, "HV1", "vm1", Optional.of(HostId.of("node1")), 1, "node failed");
    FailoverStarted second = new FailoverStarted(2 * S, "HV1", "vm1", Optional.of(HostId.of("node2")), 2, "node failed");
    FailoverStarted third = new FailoverStarted(3 * S, "HV1", "vm1", Optional.of(HostId.of("node3")), 3, "node failed");
    assertThat(feed(s9, c, first, second)).isEmpty();
    assertThat(feed(s9, c, third)).hasValueSatisfying(m -> assertThat(m).contains("failover number 3")
        .contains("threshold is 2"));
  }

  @Test
  void moreRestartsInPlaceThanTheThresholdBreakS9() {
    FakeCluster c = new FakeCluster(spec());
    RetryLimits s9 = new RetryLimits(c);
    for (int i = 0; i < 3; i++) {
      assertThat(feed(s9, c, vm((10 * i + 1) * S, VmState.RUNNING, VmState.FAILED, "node1", "crashed"),
          vm((10 * i + 2) * S, VmState.FAILED, VmState.STARTING, "node1", "restart"))).isEmpty();
    }
    assertThat(feed(s9, c, vm(41 * S, VmState.RUNNING, VmState.FAILED, "node1", "crashed"),
        vm(42 * S, VmState.FAILED, VmState.STARTING, "node1", "restart"))).hasValueSatisfying(m ->
        assertThat(m).contains("restarted in place on node1 4 times within 15 min"));
  }

  @Test
  void anOperatorStartBeginsANewRestartCountUnderS9() {
    FakeCluster c = new FakeCluster(spec());
    RetryLimits s9 = new RetryLimits(c);
    for (int i = 0; i < 3; i++) {
      feed(s9, c, vm((10 * i + 1) * S, VmState.RUNNING, VmState.FAILED, "node1", "crashed"),
          vm((10 * i + 2) * S, VmState.FAILED, VmState.STARTING, "node1", "restart"));
    }
    assertThat(feed(s9, c, new OperatorAction(40 * S, "HV1", "start-vm", "vm1"),
        vm(41 * S, VmState.RUNNING, VmState.FAILED, "node1", "crashed"),
        vm(42 * S, VmState.FAILED, VmState.STARTING, "node1", "restart"))).isEmpty();
  }

  @Test
  void aMigrationThatEndsTwiceBreaksS10() {
    FakeCluster c = new FakeCluster(spec()).run("vm1", "node2");
    MigrationEnds s10 = new MigrationEnds(c);
    MigrationStarted started = new MigrationStarted(S, "HV1", VmId.of("vm1"), HostId.of("node1"), HostId.of("node2"),
        "quick");
    MigrationFinished done = new MigrationFinished(30 * S, "HV1", result(MigrationOutcome.COMPLETED));
    assertThat(feed(s10, c, started, done)).isEmpty();
    assertThat(feed(s10, c, done)).hasValueSatisfying(m -> assertThat(m).contains("ended twice or never started"));
  }

  @Test
  void aSecondMigrationOfAVmWhileOneIsOpenBreaksS10() {
    FakeCluster c = new FakeCluster(spec()).run("vm1", "node1");
    MigrationStarted started = new MigrationStarted(S, "HV1", VmId.of("vm1"), HostId.of("node1"), HostId.of("node2"),
        "quick");
    assertThat(feed(new MigrationEnds(c), c, started, started)).hasValueSatisfying(m ->
        assertThat(m).contains("a second migration of vm1"));
  }

  @Test
  void aCompletedMigrationWhoseVmIsNotOnTheTargetBreaksS10() {
    FakeCluster c = new FakeCluster(spec()).run("vm1", "node1");
    MigrationEnds s10 = new MigrationEnds(c);
    assertThat(feed(s10, c, new MigrationStarted(S, "HV1", VmId.of("vm1"), HostId.of("node1"), HostId.of("node2"),
        "quick"), new MigrationFinished(30 * S, "HV1", result(MigrationOutcome.COMPLETED)))).hasValueSatisfying(m ->
        assertThat(m).isEqualTo("the migration of vm1 to node2 completed but the VM is RUNNING on node1"));
  }

  @Test
  void aVmOnANodeThatIsNeitherSourceNorTargetDuringItsMigrationBreaksS10() {
    FakeCluster c = new FakeCluster(spec()).run("vm1", "node3");
    assertThat(feed(new MigrationEnds(c), c, new MigrationStarted(S, "HV1", VmId.of("vm1"), HostId.of("node1"),
        HostId.of("node2"), "quick"))).hasValueSatisfying(m -> assertThat(m).contains("while it migrates from node1"));
  }

  @Test
  void aMigrationStillOpenAtTheEndFailsTheFinalS10Check() {
    FakeCluster c = new FakeCluster(spec()).vmState("vm1", VmState.SAVING, "node1");
    MigrationEnds s10 = new MigrationEnds(c);
    feed(s10, c, new MigrationStarted(S, "HV1", VmId.of("vm1"), HostId.of("node1"), HostId.of("node2"), "quick"));
    assertThat(s10.finalCheck()).hasValue("migrations never ended: vm1 (node1 -> node2, quick)");
  }

  @Test
  void aGroupPlacedOrAMigrationAimedAtAPausedNodeBreaksS11UntilTheNodeResumes() {
    FakeCluster c = new FakeCluster(spec());
    HostId node2 = HostId.of("node2");
    ClusterEvent pause = new NodeStateChanged(1 * S, "HV1", node2, NodeState.UP, NodeState.PAUSED, "paused by operator");
    ClusterEvent placed = new GroupPlaced(2 * S, "HV1", "vm1", node2, "wsfc", "failover");
    ClusterEvent migrate = new MigrationStarted(3 * S, "HV1", VmId.of("vm1"), HostId.of("node1"), node2, "quick");
    ClusterEvent resume = new NodeStateChanged(4 * S, "HV1", node2, NodeState.PAUSED, NodeState.UP, "resumed by operator");
    ClusterEvent placedAfter = new GroupPlaced(5 * S, "HV1", "vm1", node2, "wsfc", "failover");

    assertThat(feed(new PausedNodes(), c, placed)).as("an up node takes groups").isEmpty();
    assertThat(feed(new PausedNodes(), c, pause, placed)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("group vm1 was placed on node2, which is paused");
    assertThat(feed(new PausedNodes(), c, pause, migrate)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("quick migration to node2, which is paused");
    assertThat(feed(new PausedNodes(), c, pause, resume, placedAfter)).as("resumed").isEmpty();
  }
}
