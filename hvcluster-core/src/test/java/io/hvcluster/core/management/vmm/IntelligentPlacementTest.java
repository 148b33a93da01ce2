package io.hvcluster.core.management.vmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.HostId;
import io.hvcluster.api.LunState;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.fake.FakeCluster;
import io.hvcluster.api.placement.HostRating;
import io.hvcluster.api.placement.PlacementDecision;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

final class IntelligentPlacementTest {

  /**
   * Four Server Core hosts with 31 GiB for VMs and 8 cores each; 2 GiB VMs vm1..vm7 placed 4/2/1/0, and
   * the VM to place, "new", not yet running.
   */
  private static FakeCluster cluster(UnaryOperator<VmSpec.Builder> newVm) {
    ClusterSpec.Builder b = ClusterSpec.builder("HV1");
    for (int i = 1; i <= 4; i++) {
      b.host(HostSpec.builder("node" + i).installation(Installation.SERVER_CORE).cores(8).memoryGiB(32).build());
    }
    List<LunSpec> luns = new ArrayList<>();
    luns.add(LunSpec.witness("witness"));
    for (int i = 1; i <= 7; i++) {
      luns.add(LunSpec.data("lun-vm" + i, 40));
      b.vm(VmSpec.builder("vm" + i).memoryGiB(2).lun("lun-vm" + i).build());
    }
    luns.add(LunSpec.data("lun-new", 40));
    b.vm(newVm.apply(VmSpec.builder("new").memoryGiB(4).lun("lun-new")).build());
    b.storage(StorageSpec.iscsi(luns));
    return new FakeCluster(b.build()).run("vm1", "node1").run("vm2", "node1").run("vm3", "node1").run("vm4", "node1")
        .run("vm5", "node2").run("vm6", "node2").run("vm7", "node3");
  }

  private static FakeCluster cluster() {
    return cluster(v -> v);
  }

  private static IntelligentPlacement.Builder policy() {
    return IntelligentPlacement.builder().clusterReserve(0);
  }

  private static List<String> order(PlacementDecision d) {
    return d.ratings().stream().map(r -> r.host().name()).toList();
  }

  private static double stars(PlacementDecision d, String host) {
    return d.ratings().stream().filter(r -> r.host().name().equals(host)).findFirst().orElseThrow().stars();
  }

  private static HostRating rating(PlacementDecision d, String host) {
    return d.ratings().stream().filter(r -> r.host().name().equals(host)).findFirst().orElseThrow();
  }

  @Test
  void loadBalancingChoosesTheHostWithTheMostHeadroomAndExplainsEveryRating() {
    PlacementDecision d = policy().weights(new ResourceWeights(1, 1, 0, 0)).build()
        .place(cluster().request("new", PlacementReason.INITIAL));

    assertThat(d.host()).contains(HostId.of("node4"));
    assertThat(d.reason()).isEqualTo("node4 rated 4.5 stars for LOAD_BALANCING");
    assertThat(order(d)).containsExactly("node4", "node3", "node2", "node1");
    assertThat(d.ratings()).extracting(HostRating::stars).containsExactly(4.5, 4.5, 4.0, 3.5);
    assertThat(rating(d, "node1").reasons()).containsExactly(
        "memory 8 GiB → 12 GiB of 31 GiB (39 %)",
        "CPU 0.8 → 1 of 8 cores (13 %)",
        "disk I/O 0 → 0 of 10000 IOPS (0 %)",
        "network 0 → 0 of 1000 Mbit/s (0 %)");
  }

  @Test
  void resourceMaximizationChoosesTheFullestHostThatStillFits() {
    PlacementDecision d = policy().goal(PlacementGoal.RESOURCE_MAXIMIZATION).weights(new ResourceWeights(0, 1, 0, 0))
        .build().place(cluster().request("new", PlacementReason.INITIAL));

    assertThat(d.host()).contains(HostId.of("node1"));
    assertThat(order(d)).containsExactly("node1", "node2", "node3", "node4");
    assertThat(stars(d, "node1")).isEqualTo(2.0);
    assertThat(stars(d, "node4")).isEqualTo(0.5);
  }

  @Test
  void everyRatingIsZeroToFiveStarsInHalfSteps() {
    for (PlacementGoal goal : PlacementGoal.values()) {
      PlacementDecision d = policy().goal(goal).build().place(cluster().request("new", PlacementReason.INITIAL));
      assertThat(d.ratings()).allSatisfy(r -> {
        assertThat(r.stars()).isBetween(0.0, 5.0);
        assertThat(r.stars() * 2).isEqualTo(Math.rint(r.stars() * 2));
      });
    }
  }

  @Test
  void aHostThatIsNotAPossibleOwnerIsBlockedWithZeroStars() {
    PlacementDecision d = policy().build()
        .place(cluster(v -> v.possibleOwners("node1", "node2")).request("new", PlacementReason.INITIAL));

    assertThat(d.host()).contains(HostId.of("node2"));
    HostRating node4 = rating(d, "node4");
    assertThat(node4.blocked()).isTrue();
    assertThat(node4.stars()).isZero();
    assertThat(node4.reasons()).containsExactly("not a possible owner of new");
    assertThat(order(d)).containsExactly("node2", "node1", "node3", "node4");
  }

  @Test
  void aHostWithoutTheMemoryIsBlocked() {
    PlacementDecision d = policy().goal(PlacementGoal.RESOURCE_MAXIMIZATION).build()
        .place(cluster(v -> v.memoryGiB(28)).request("new", PlacementReason.INITIAL));

    assertThat(d.host()).contains(HostId.of("node3"));
    assertThat(rating(d, "node1").reasons()).containsExactly("needs 28 GiB of memory, 23 GiB free");
    assertThat(rating(d, "node2").blocked()).isTrue();
    assertThat(rating(d, "node4").blocked()).isFalse();
  }

  @Test
  void whenNoHostMeetsTheHardRequirementsNoneIsChosenAndEachReasonIsGiven() {
    PlacementDecision d = policy().build()
        .place(cluster(v -> v.memoryGiB(28).possibleOwners("node1", "node2")).request("new", PlacementReason.FAILOVER));

    assertThat(d.host()).isEmpty();
    assertThat(d.reason()).isEqualTo("no node meets the hard requirements: node1: needs 28 GiB of memory, 23 GiB free;"
        + " node2: needs 28 GiB of memory, 27 GiB free; node3: not a possible owner of new;"
        + " node4: not a possible owner of new");
  }

  @Test
  void aFailedLunBlocksEveryHost() {
    FakeCluster c = cluster().lunState("lun-new", LunState.FAILED);

    PlacementDecision d = policy().build().place(c.request("new", PlacementReason.INITIAL));

    assertThat(d.host()).isEmpty();
    assertThat(d.ratings()).allSatisfy(r -> assertThat(r.reasons()).contains("LUN lun-new has failed"));
  }

  @Test
  void aHostWithoutAPathToTheGroupsLunIsBlockedAndTheNextBestChosen() {
    FakeCluster c = cluster().noPath("node4", "lun-new").noPath("node4", "lun-vm1");

    PlacementDecision d = policy().build().place(c.request("new", PlacementReason.FAILOVER));

    assertThat(d.host()).contains(HostId.of("node3"));
    HostRating node4 = rating(d, "node4");
    assertThat(node4.blocked()).isTrue();
    assertThat(node4.stars()).isZero();
    assertThat(node4.reasons()).containsExactly("no path to LUN lun-new");
    assertThat(c.request("new", PlacementReason.FAILOVER).meetsHardRequirements(c.host("node4"))).isFalse();
    assertThat(c.request("new", PlacementReason.FAILOVER).meetsHardRequirements(c.host("node3"))).isTrue();
  }

  @Test
  void aLunTooSmallForTheExpectedDiskAndSavedStateBlocksEveryHost() {
    PlacementDecision d = policy().vmLoad("new", new VmLoad(20, 40, 0, 0)).build()
        .place(cluster().request("new", PlacementReason.INITIAL));

    assertThat(d.host()).isEmpty();
    assertThat(rating(d, "node1").reasons())
        .containsExactly("LUN lun-new has 40 GiB but its VMs' disks and saved states need 44 GiB");
  }

  @Test
  void aPausedHostIsBlocked() {
    FakeCluster c = cluster();
    PlacementDecision d = policy().build().place(new io.hvcluster.api.placement.PlacementRequest(c, null,
        List.of(c.vm("new")), c.hosts(), PlacementReason.INITIAL, java.util.Optional.empty()));
    c.nodeState("node4", NodeState.PAUSED);

    PlacementDecision paused = policy().build().place(new io.hvcluster.api.placement.PlacementRequest(c, null,
        List.of(c.vm("new")), c.hosts(), PlacementReason.INITIAL, java.util.Optional.empty()));

    assertThat(d.host()).contains(HostId.of("node4"));
    assertThat(paused.host()).contains(HostId.of("node3"));
    assertThat(rating(paused, "node4").reasons()).containsExactly("node is PAUSED");
  }

  @Test
  void preferredOwnersComeFirstInOrderUnlessSwitchedOff() {
    FakeCluster c = cluster(v -> v.preferredOwners("node1", "node2"));

    PlacementDecision first = policy().build().place(c.request("new", PlacementReason.FAILOVER));
    PlacementDecision byRating = policy().preferredOwnersFirst(false).build().place(c.request("new", PlacementReason.FAILOVER));

    assertThat(first.host()).contains(HostId.of("node1"));
    assertThat(first.reason()).endsWith(", preferred owner #1");
    assertThat(order(first)).containsExactly("node1", "node2", "node4", "node3");
    assertThat(rating(first, "node1").reasons()).first().isEqualTo("preferred owner #1");
    assertThat(byRating.host()).contains(HostId.of("node4"));
  }

  @Test
  void aHostRunningAVmOfTheSameAntiAffinityClassOrGuestClusterIsAvoided() {
    ClusterSpec base = cluster().spec();
    ClusterSpec.Builder b = ClusterSpec.builder("HV1").storage(base.storage());
    base.hosts().forEach(b::host);
    for (VmSpec vm : base.vms()) {
      String name = vm.id().name();
      b.vm(name.equals("vm7") || name.equals("new")
          ? vm.toBuilder().antiAffinityClass("sql").build() : vm);
    }
    FakeCluster c = new FakeCluster(b.build()).run("vm1", "node1").run("vm7", "node4");

    PlacementDecision d = policy().build().place(c.request("new", PlacementReason.FAILOVER));

    assertThat(d.host()).contains(HostId.of("node2"));
    assertThat(order(d)).last().isEqualTo("node4");
    assertThat(rating(d, "node4").reasons()).first().isEqualTo("runs vm7 of anti-affinity class sql");
  }

  @Test
  void anOverCommittedClusterRatesEveryHostZeroStarsOnInitialPlacementButStillPlaces() {
    FakeCluster c = cluster(v -> v.memoryGiB(30));

    PlacementDecision initial = IntelligentPlacement.builder().clusterReserve(3).build()
        .place(c.request("new", PlacementReason.INITIAL));
    PlacementDecision failover = IntelligentPlacement.builder().clusterReserve(3).build()
        .place(c.request("new", PlacementReason.FAILOVER));

    assertThat(initial.ratings()).allSatisfy(r -> assertThat(r.stars()).isZero());
    assertThat(initial.host()).contains(HostId.of("node4"));
    assertThat(rating(initial, "node4").blocked()).isFalse();
    assertThat(rating(initial, "node4").reasons().get(0)).startsWith("cluster over-committed: cluster reserve 3 of 4 nodes");
    assertThat(stars(failover, "node4")).isPositive();
  }

  @Test
  void theExpectedLoadOfEachVmShapesTheCpuRating() {
    PlacementDecision d = policy().weights(new ResourceWeights(1, 0, 0, 0)).vmLoad("vm7", new VmLoad(100, 2, 0, 0))
        .build().place(cluster().request("new", PlacementReason.INITIAL));

    assertThat(d.host()).contains(HostId.of("node4"));
    assertThat(order(d)).containsExactly("node4", "node2", "node1", "node3");
    assertThat(rating(d, "node3").reasons()).contains("CPU 1 → 1.2 of 8 cores (15 %)");
  }

  @Test
  void tiesAreBrokenByNodeOrder() {
    FakeCluster c = cluster();
    PlacementDecision d = policy().build().place(c.request("vm1", PlacementReason.FAILOVER));
    PlacementDecision again = policy().build().place(c.request("vm1", PlacementReason.FAILOVER));

    assertThat(d).isEqualTo(again);
    assertThat(order(d)).startsWith("node4");
  }

  @Test
  void weightsAndLoadsRefuseImpossibleValues() {
    assertThatThrownBy(() -> new ResourceWeights(0, 0, 0, 0)).hasMessage("all resource weights are 0; at least one must be positive");
    assertThatThrownBy(() -> new ResourceWeights(-1, 1, 1, 1)).hasMessage("CPU weight is -1.0; it must be 0 or more");
    assertThatThrownBy(() -> new VmLoad(120, 2, 0, 0)).hasMessage("expected CPU is 120.0 %; allowed: 0 to 100");
    assertThatThrownBy(() -> IntelligentPlacement.builder().clusterReserve(16))
        .hasMessage("cluster reserve is 16; allowed: 0 to 15 host failures");
  }

  @Test
  void thePolicyNamesItsGoal() {
    assertThat(IntelligentPlacement.defaults().name()).isEqualTo("IntelligentPlacement(LOAD_BALANCING)");
  }
}
