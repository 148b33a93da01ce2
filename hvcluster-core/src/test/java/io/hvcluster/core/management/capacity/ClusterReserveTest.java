package io.hvcluster.core.management.capacity;

import static io.hvcluster.core.management.description.Fixtures.host;
import static io.hvcluster.core.management.description.Fixtures.sound;
import static io.hvcluster.core.management.description.Fixtures.withHost;
import static io.hvcluster.core.management.description.Fixtures.withVms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.spec.Era;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.ReserveMethod;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.VmDescription;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ClusterReserveTest {

  @Test
  void aClusterThatAbsorbsOneFailureIsNotOverCommitted() {
    ReserveReport r = ClusterReserve.evaluate(sound());

    assertThat(r.overCommitted()).isFalse();
    assertThat(r.failedHosts()).containsExactly("node1");
    assertThat(r.survivingCapacityBytes()).isEqualTo(93L << 30);
    assertThat(r.demandBytes()).isEqualTo(16L << 30);
    assertThat(r.spareBytes()).isEqualTo(77L << 30);
    assertThat(r.arithmetic()).containsExactly(
        "cluster reserve 1 of 4 nodes: worst case, the largest node fails: node1 (31 GiB for VMs)",
        "node2, node3, node4 keep 3 × 31 GiB = 93 GiB for VMs",
        "the 8 VMs need 16 GiB: 77 GiB to spare and every group fits on a surviving node (not over-committed)");
  }

  @Test
  void theLargestHostsAreTheOnesAssumedToFail() {
    ClusterDescription d = withHost(sound(), 2, h -> host(h, b -> b.memoryGiB(64)));

    ReserveReport r = ClusterReserve.evaluate(d, 2);

    assertThat(r.failedHosts()).containsExactly("node3", "node1");
    assertThat(r.arithmetic().get(1)).isEqualTo("node2, node4 keep 2 × 31 GiB = 62 GiB for VMs");
  }

  @Test
  void theParentPartitionReserveDependsOnTheInstallation() {
    ClusterDescription d = withHost(sound(), 3, h -> host(h, b -> b.installation(Installation.FULL)));

    ReserveReport r = ClusterReserve.evaluate(d, 1);

    assertThat(r.arithmetic().get(1)).isEqualTo("node2, node3, node4 keep 31 GiB + 31 GiB + 30 GiB = 92 GiB for VMs");
  }

  @Test
  void tooLittleMemoryInTotalIsOverCommittedByTheShortfall() {
    List<VmDescription> vms = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      vms.add(VmDescription.builder("vm" + i).memoryGiB(12).lun("lun-vm" + i).build());
    }

    ReserveReport r = ClusterReserve.evaluate(withVms(sound(), vms));

    assertThat(r.overCommitted()).isTrue();
    assertThat(r.spareBytes()).isEqualTo(-(3L << 30));
    assertThat(r.arithmetic().get(2)).isEqualTo("the 8 VMs need 96 GiB: over-committed, 3 GiB short");
  }

  @Test
  void enoughMemoryInTotalIsStillOverCommittedWhenAGroupFitsNowhere() {
    List<VmDescription> vms = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      vms.add(VmDescription.builder("vm" + i).memoryGiB(20).lun("lun-vm" + i).build());
    }

    ReserveReport r = ClusterReserve.evaluate(withVms(sound(), vms));

    assertThat(r.overCommitted()).isTrue();
    assertThat(r.unplaced()).containsExactly("vm4");
    assertThat(r.arithmetic().get(2)).isEqualTo("the 4 VMs need 80 GiB: 13 GiB free in total, but group 'vm4' (20 GiB)"
        + " fits on no surviving node it may run on (largest free: 11 GiB); over-committed");
  }

  @Test
  void vmsSharingALunArePackedTogether() {
    List<VmDescription> vms = List.of(
        VmDescription.builder("vm1").memoryGiB(16).lun("lun-vm1").build(),
        VmDescription.builder("vm2").memoryGiB(16).lun("lun-vm1").build());

    ReserveReport r = ClusterReserve.evaluate(withVms(sound(), vms));

    assertThat(r.overCommitted()).isTrue();
    assertThat(r.unplaced()).containsExactly("vm1");
  }

  @Test
  void possibleOwnersLimitWhereAGroupMayGo() {
    List<VmDescription> vms = List.of(VmDescription.builder("vm1").memoryGiB(2).lun("lun-vm1").possibleOwners("node1")
        .build());

    ReserveReport r = ClusterReserve.evaluate(withVms(sound(), vms));

    assertThat(r.overCommitted()).isTrue();
    assertThat(r.unplaced()).containsExactly("vm1");
  }

  @Test
  void aReserveOfEveryNodeLeavesNothing() {
    ReserveReport r = ClusterReserve.evaluate(sound(2, 1), 2);

    assertThat(r.overCommitted()).isTrue();
    assertThat(r.arithmetic().get(0)).isEqualTo("cluster reserve 2 of 2 nodes: no node would survive");
  }

  @Test
  void aReserveOfZeroChecksTheClusterAsItIs() {
    ReserveReport r = ClusterReserve.evaluate(sound(), 0);

    assertThat(r.failedHosts()).isEmpty();
    assertThat(r.survivingCapacityBytes()).isEqualTo(124L << 30);
  }

  @Test
  void aNegativeReserveIsRefused() {
    assertThatThrownBy(() -> ClusterReserve.evaluate(sound(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cluster reserve is -1; it must be 0 or more host failures");
  }

  @Test
  void aClusterSpecCanBeEvaluatedDirectly() {
    assertThat(ClusterReserve.evaluate(sound().toSpec(), 1).overCommitted()).isFalse();
  }

  /** One 24 GiB VM and seven of 2 GiB on four hosts with 31 GiB each for VMs. */
  private static ClusterDescription uneven() {
    List<VmDescription> vms = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      vms.add(VmDescription.builder("vm" + i).memoryGiB(i == 1 ? 24 : 2).lun("lun-vm" + i).build());
    }
    return withVms(sound(), vms);
  }

  @Test
  void theSlotMethodCallsAnUnevenClusterOverCommittedWhereBinPackingDoesNot() {
    ReserveReport packing = ClusterReserve.evaluate(uneven(), 1, ReserveMethod.BIN_PACKING);
    ReserveReport slots = ClusterReserve.evaluate(uneven(), 1, ReserveMethod.SLOTS);

    assertThat(packing.overCommitted()).isFalse();
    assertThat(packing.method()).isEqualTo(ReserveMethod.BIN_PACKING);
    assertThat(slots.overCommitted()).isTrue();
    assertThat(slots.method()).isEqualTo(ReserveMethod.SLOTS);
    assertThat(slots.unplaced()).isEmpty();
    assertThat(slots.arithmetic()).containsExactly(
        "cluster reserve 1 of 4 nodes: worst case, the largest node fails: node1 (31 GiB for VMs)",
        "node2, node3, node4 keep 3 × 31 GiB = 93 GiB for VMs",
        "slot method (SCVMM 2008): one slot per VM, the size of the largest VM ('vm1', 24 GiB)",
        "the survivors hold 1 + 1 + 1 = 3 slots for 8 VMs: over-committed, 5 slots short");
  }

  @Test
  void evenlySizedVmsPassTheSlotMethodWithTheSlotsToSpare() {
    ReserveReport r = ClusterReserve.evaluate(sound(), 1, ReserveMethod.SLOTS);

    assertThat(r.overCommitted()).isFalse();
    assertThat(r.arithmetic().get(3)).isEqualTo("the survivors hold 15 + 15 + 15 = 45 slots for 8 VMs: 37 slots to spare"
        + " (not over-committed)");
  }

  @Test
  void theEraChoosesTheMethod() {
    assertThat(ClusterReserve.evaluate(uneven().toBuilder().era(Era.WS2008).build()).overCommitted()).isTrue();
    assertThat(ClusterReserve.evaluate(uneven().toBuilder().era(Era.WS2008_R2).build()).method())
        .isEqualTo(ReserveMethod.SLOTS);
    assertThat(ClusterReserve.evaluate(uneven()).method()).as("no era: the default, WS2012")
        .isEqualTo(ReserveMethod.BIN_PACKING);
    assertThat(ClusterReserve.evaluate(uneven()).overCommitted()).isFalse();
  }
}
