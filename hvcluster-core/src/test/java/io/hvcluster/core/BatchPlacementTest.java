package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.GroupPlaced;
import io.hvcluster.api.placement.PlacementDecision;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.api.placement.PlacementRequest;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.FailbackPolicy;
import io.hvcluster.api.spec.FailoverPolicy;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A drain and every batch of placements decide one group at a time, and each decision is visible to the
 * next: the request (through its live host views) reflects the batch so far, for the default policy and a
 * user's alike; {@code GroupPlaced} names who decided.
 */
final class BatchPlacementTest {
  private static final HostId N1 = HostId.of("n1");

  /** Four 32 GiB nodes; six 2 GiB VMs, each on its own LUN, preferring n1 (so all start there). */
  private static ClusterSpec sixOnN1(FailbackPolicy failback) {
    ClusterSpec.Builder b = ClusterSpec.builder("BATCH").quorum(QuorumModel.NODE_MAJORITY);
    for (int i = 1; i <= 4; i++) {
      b.host(HostSpec.builder("n" + i).memoryGiB(32).build());
    }
    List<LunSpec> luns = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      luns.add(LunSpec.data("lun" + i, 20));
    }
    b.storage(StorageSpec.iscsi(luns));
    for (int i = 1; i <= 6; i++) {
      b.vm(VmSpec.builder("vm" + i).memoryGiB(2).lun("lun" + i).preferredOwners("n1")
          .failover(FailoverPolicy.defaults().withFailback(failback)).build());
    }
    return b.build();
  }

  private static Cluster running(Simulation sim, ClusterSpec spec, PlacementPolicy policy) {
    Cluster c = sim.createCluster(spec);
    if (policy != null) {
      c.setPlacementPolicy(policy);
    }
    c.form();
    c.startAllVms();
    sim.runFor(Duration.ofMinutes(3));
    assertThat(c.vms()).allMatch(v -> v.state() == VmState.RUNNING && v.host().orElseThrow().equals(N1));
    return c;
  }

  private static Map<String, Integer> vmsPerNode(Cluster c) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Host h : c.hosts()) {
      counts.put(h.id().name(), h.vms().size());
    }
    return counts;
  }

  @Test
  void aDrainOfSixGroupsOverThreeNodesLeavesThemTwoAndTwo() {
    try (Simulation sim = Simulation.builder().seed(171).build()) {
      EventLog log = EventLog.on(sim);
      Cluster c = running(sim, sixOnN1(FailbackPolicy.prevent()), null);
      int before = log.events.size();
      c.drainNode(N1);
      sim.runFor(Duration.ofMinutes(10));
      assertThat(vmsPerNode(c)).isEqualTo(new TreeMap<>(Map.of("n1", 0, "n2", 2, "n3", 2, "n4", 2)));
      List<GroupPlaced> placed = log.events.subList(before, log.events.size()).stream()
          .filter(GroupPlaced.class::isInstance).map(GroupPlaced.class::cast).toList();
      // One decision per group, made by the policy, each seeing the ones before it.
      assertThat(placed).extracting(GroupPlaced::group).containsExactly("vm1", "vm2", "vm3", "vm4", "vm5", "vm6");
      assertThat(placed).extracting(GroupPlaced::policy).containsOnly("wsfc-default");
      assertThat(placed).extracting(GroupPlaced::reason).containsExactly(
          "fewest groups (0); no preferred owner is available", "fewest groups (0); no preferred owner is available",
          "fewest groups (0); no preferred owner is available", "fewest groups (1); no preferred owner is available",
          "fewest groups (1); no preferred owner is available", "fewest groups (1); no preferred owner is available");
    }
  }

  /** A user's fewest-groups policy that remembers what each request showed it. */
  private static final class Observing implements PlacementPolicy {
    final List<PlacementReason> reasons = new ArrayList<>();
    final List<Integer> groupsOnCandidates = new ArrayList<>();
    final List<Long> freeOnCandidates = new ArrayList<>();

    @Override
    public PlacementDecision place(PlacementRequest request) {
      reasons.add(request.reason());
      groupsOnCandidates.add(request.candidates().stream().mapToInt(Host::groupCount).sum());
      freeOnCandidates.add(request.candidates().stream().mapToLong(Host::memoryFreeBytes).sum());
      return request.candidates().stream().filter(request::meetsHardRequirements)
          .min(Comparator.comparingInt(Host::groupCount))
          .map(h -> PlacementDecision.choose(h.id(), "fewest groups, as I count them"))
          .orElse(PlacementDecision.none("no room"));
    }

    @Override
    public String name() {
      return "observing";
    }
  }

  @Test
  void aUsersPolicySeesTheEarlierDecisionsOfADrain() {
    try (Simulation sim = Simulation.builder().seed(172).build()) {
      Observing policy = new Observing();
      // Its own first placement goes to n1 too: the VMs prefer n1 and this policy ignores preferences,
      // so use the default for the start and the observing policy for the drain.
      Cluster c = running(sim, sixOnN1(FailbackPolicy.prevent()), null);
      c.setPlacementPolicy(policy);
      EventLog log = EventLog.on(sim);
      c.drainNode(N1);
      sim.runFor(Duration.ofMinutes(10));
      assertThat(policy.reasons).hasSize(6).containsOnly(PlacementReason.DRAIN);
      // Each decision counts one more group, and 2 GiB less free memory, on the candidates than the last.
      assertThat(policy.groupsOnCandidates).containsExactly(0, 1, 2, 3, 4, 5);
      for (int i = 1; i < 6; i++) {
        assertThat(policy.freeOnCandidates.get(i - 1) - policy.freeOnCandidates.get(i)).as("decision " + i)
            .isEqualTo(2L << 30);
      }
      assertThat(vmsPerNode(c)).containsEntry("n2", 2).containsEntry("n3", 2).containsEntry("n4", 2);
      assertThat(log.of(GroupPlaced.class)).hasSize(6).extracting(GroupPlaced::policy).containsOnly("observing");
    }
  }

  @Test
  void aUsersPolicySeesTheEarlierDecisionsOfAFailover() {
    try (Simulation sim = Simulation.builder().seed(173).build()) {
      Observing policy = new Observing();
      Cluster c = running(sim, sixOnN1(FailbackPolicy.prevent()), null);
      c.setPlacementPolicy(policy);
      sim.faults(c).crashHost(N1);
      sim.runFor(Duration.ofMinutes(5));
      assertThat(policy.reasons).hasSize(6).containsOnly(PlacementReason.FAILOVER);
      assertThat(policy.groupsOnCandidates).containsExactly(0, 1, 2, 3, 4, 5);
      assertThat(vmsPerNode(c)).containsEntry("n2", 2).containsEntry("n3", 2).containsEntry("n4", 2);
    }
  }

  @Test
  void aFailbackIsReportedAsTheFailbackPolicysDecision() {
    try (Simulation sim = Simulation.builder().seed(174).build()) {
      Cluster c = running(sim, sixOnN1(FailbackPolicy.immediately()), null);
      sim.faults(c).crashHost(N1);
      sim.runFor(Duration.ofMinutes(5));
      EventLog log = EventLog.on(sim);
      sim.faults(c).powerOnHost(N1);
      sim.runFor(Duration.ofMinutes(15));
      assertThat(c.host(N1).vms()).hasSize(6);
      List<GroupPlaced> placed = log.of(GroupPlaced.class);
      assertThat(placed).hasSize(6).allSatisfy(p -> {
        assertThat(p.target()).isEqualTo(N1);
        assertThat(p.policy()).isEqualTo("failback-policy");
        assertThat(p.reason()).isEqualTo("preferred owner 1 of 1");
      });
    }
  }
}
