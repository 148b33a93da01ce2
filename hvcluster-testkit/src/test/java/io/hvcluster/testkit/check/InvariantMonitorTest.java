package io.hvcluster.testkit.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.event.GuestClusterFailover;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.fake.FakeCluster;
import io.hvcluster.testkit.fake.Specs;
import io.hvcluster.testkit.fault.BudgetVerdict;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.fault.Heal;
import io.hvcluster.testkit.fault.HostCrash;
import io.hvcluster.testkit.fault.HostSelector;
import io.hvcluster.testkit.fault.Timing;
import io.hvcluster.testkit.history.History;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class InvariantMonitorTest {
  private static final long S = 1_000_000_000L;
  private static final StepInvariant NOTHING_ON_DOWN_HOSTS = StepInvariant.of("S5", (cluster, event) ->
      cluster.hosts().stream().filter(h -> h.state() == NodeState.DOWN && !h.vms().isEmpty()).map(Host::id).findFirst()
          .map(h -> h + " is down but runs " + cluster.host(h).vms()));

  private static NodeStateChanged down(long t, String host) {
    return new NodeStateChanged(t, "HV1", HostId.of(host), NodeState.UP, NodeState.DOWN, "crashed");
  }

  @Test
  void eventsAreRecordedAndTheFirstViolationKept() {
    FakeCluster cluster = new FakeCluster(Specs.cluster(3, 2)).run("vm1", "node2");
    History history = new History();
    InvariantMonitor monitor = new InvariantMonitor(cluster, history, List.of(NOTHING_ON_DOWN_HOSTS));
    monitor.onEvent(down(S, "node1"));
    cluster.crash("node1");
    monitor.onEvent(down(2 * S, "node1"));
    assertThat(monitor.firstViolation()).isEmpty();
    cluster.crash("node2");
    monitor.onEvent(down(3 * S, "node2"));
    monitor.onEvent(down(4 * S, "node3"));
    Violation v = monitor.firstViolation().orElseThrow();
    assertThat(v).hasToString("SAFETY S5 at 3s: node2 is down but runs [vm1]");
    assertThat(v.historyIndex()).isEqualTo(2);
    assertThat(history.size()).isEqualTo(4);
    assertThat(history.entries().get(2).toString())
        .isEqualTo("#2 t=3s cluster info node-state-changed host=node2 from=UP to=DOWN reason=crashed");
  }

  @Test
  void anEventTypeIsNamedInKebabCase() {
    assertThat(InvariantMonitor.eventName(NodeStateChanged.class)).isEqualTo("node-state-changed");
    assertThat(InvariantMonitor.eventName(GuestClusterFailover.class)).isEqualTo("guest-cluster-failover");
    assertThat(InvariantMonitor.eventName(down(S, "node1"))).isEqualTo("node-state-changed");
  }

  @Test
  void finalChecksAddLivenessFailures() {
    FakeCluster cluster = new FakeCluster(Specs.cluster(3, 0)).crash("node1").crash("node2");
    InvariantMonitor monitor = new InvariantMonitor(cluster, new History(), List.of());
    List<Violation> found = monitor.runFinalChecks(List.of(FinalCheck.of("L2", FailureClass.LIVENESS, (c, h) ->
        c.quorum().hasQuorum() ? Optional.empty() : Optional.of("no quorum after healing"))));
    assertThat(found).extracting(Violation::invariant).containsExactly("L2");
    assertThat(monitor.firstViolation()).get().extracting(Violation::failureClass).isEqualTo(FailureClass.LIVENESS);
  }

  @Test
  void aReportHasSeedEventSlicePlanAndReplay() {
    FakeCluster cluster = new FakeCluster(Specs.cluster(3, 1)).run("vm1", "node1").crash("node1");
    History history = new History();
    InvariantMonitor monitor = new InvariantMonitor(cluster, history, List.of(NOTHING_ON_DOWN_HOSTS));
    monitor.onEvent(down(7 * S, "node1"));
    FaultPlan plan = FaultPlan.of(Heal.at(Duration.ofMinutes(1)),
        new HostCrash(HostSelector.explicit("node1"), Timing.atSeconds(2)));
    String report = ViolationReport.of(monitor.firstViolation().orElseThrow()).seed(0x2AL).plan(plan).history(history)
        .replay("@ClusterProperty(seed = 0x000000000000002AL, tries = 1)").render();
    assertThat(report).startsWith("SAFETY S5 at 7s: node1 is down but runs [vm1]\nseed: 0x000000000000002A\n"
        + "first violating event: #0 t=7s cluster info node-state-changed host=node1")
        .contains(">> #0 ").contains("fault plan: 1 fault").contains("\"fault\": \"host-crash\"")
        .endsWith("replay: @ClusterProperty(seed = 0x000000000000002AL, tries = 1)");
  }

  @Test
  void outOfModelPlansReclassifyViolations() {
    Violation v = new Violation("S1", FailureClass.SAFETY, "vm1 runs twice", S, -1);
    BudgetVerdict out = new BudgetVerdict(BudgetVerdict.Fit.OUT_OF_MODEL, List.of("too many crashes"));
    InvariantViolation error = ViolationReport.of(v).verdict(out).toError();
    assertThat(error.violation().failureClass()).isEqualTo(FailureClass.OUT_OF_MODEL);
    assertThat(error).hasMessageContaining("(classified SAFETY but the plan is OUT_OF_MODEL: too many crashes)");
  }
}
