package io.hvcluster.core.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.api.placement.PlacementRequest;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class HardRequirementsTest {
  private static final HostId N1 = HostId.of("n1");
  private static final HostId N2 = HostId.of("n2");
  private static final HostId N3 = HostId.of("n3");

  /** Three 8 GiB nodes; "big" (6 GiB) may run on n1 and n2 only; "small" (1 GiB) anywhere. */
  private static ClusterSpec spec() {
    return ClusterSpec.builder("HR").quorum(QuorumModel.NODE_MAJORITY)
        .host(HostSpec.builder("n1").memoryGiB(8).build())
        .host(HostSpec.builder("n2").memoryGiB(8).build())
        .host(HostSpec.builder("n3").memoryGiB(8).build())
        .storage(StorageSpec.iscsi(List.of(LunSpec.data("lun-big", 40), LunSpec.data("lun-small", 40))))
        .vm(VmSpec.builder("big").memoryGiB(6).lun("lun-big").possibleOwners("n1", "n2").build())
        .vm(VmSpec.builder("small").memoryGiB(1).lun("lun-small").build())
        .build();
  }

  private static PlacementRequest request(Cluster c, String... vms) {
    List<VirtualMachine> asked = java.util.Arrays.stream(vms).map(v -> c.vm(VmId.of(v))).toList();
    return new PlacementRequest(c, c.group(vms[0]), asked, c.hosts(), PlacementReason.INITIAL, Optional.empty());
  }

  @Test
  void aNodeThatMeetsEveryRequirementHasNothingUnmet() {
    try (Simulation sim = Simulation.builder().seed(1).build()) {
      Cluster c = sim.createCluster(spec());
      PlacementRequest r = request(c, "big");
      assertThat(HardRequirements.unmet(r, c.host(N1))).isEmpty();
      assertThat(HardRequirements.met(r, c.host(N1))).isTrue();
    }
  }

  @Test
  void aNodeOutsideThePossibleOwnersIsNamedWithTheVm() {
    try (Simulation sim = Simulation.builder().seed(1).build()) {
      Cluster c = sim.createCluster(spec());
      PlacementRequest r = request(c, "big");
      assertThat(HardRequirements.unmet(r, c.host(N3)))
          .containsExactly(new HardRequirements.NotPossibleOwner(VmId.of("big")));
      assertThat(HardRequirements.met(r, c.host(N3))).isFalse();
    }
  }

  @Test
  void aNodeWithoutRoomSaysWhatItNeedsAndHasFree() {
    try (Simulation sim = Simulation.builder().seed(1).build()) {
      Cluster c = sim.createCluster(spec());
      c.form();
      c.startAllVms();
      sim.runFor(Duration.ofMinutes(5));
      Host bigHost = c.host(c.vm(VmId.of("big")).host().orElseThrow());
      PlacementRequest r = request(c, "big");
      long free = bigHost.memoryFreeBytes();
      assertThat(free).isLessThan(6L << 30);
      assertThat(HardRequirements.unmet(r, bigHost))
          .contains(new HardRequirements.NotEnoughMemory(6L << 30, free));
      // Less need, as when the VMs already hold memory there, fits.
      assertThat(HardRequirements.unmet(r, 0, bigHost)).isEmpty();
    }
  }

  @Test
  void aNodeWithoutAPathToAVmsLunIsNamedWithTheLun() {
    try (Simulation sim = Simulation.builder().seed(1).build()) {
      Cluster c = sim.createCluster(spec());
      sim.faults(c).failStoragePaths(N2, LunId.of("lun-big"), 8);
      PlacementRequest r = request(c, "big");
      assertThat(HardRequirements.unmet(r, c.host(N2)))
          .containsExactly(new HardRequirements.NoStoragePath(LunId.of("lun-big")));
      assertThat(HardRequirements.met(r, c.host(N2))).isFalse();
    }
  }

  @Test
  void metAgreesWithTheRequestsOwnCheckOnEveryNodeAsTheClusterChanges() {
    try (Simulation sim = Simulation.builder().seed(7).build()) {
      Cluster c = sim.createCluster(spec());
      c.form();
      c.startAllVms();
      int checked = 0;
      for (int minute = 0; minute < 10; minute++) {
        if (minute == 4) {
          sim.faults(c).failStoragePaths(N1, LunId.of("lun-small"), 8);
        }
        if (minute == 6) {
          sim.faults(c).crashHost(N3);
        }
        sim.runFor(Duration.ofMinutes(1));
        for (String[] vms : List.of(new String[] {"big"}, new String[] {"small"})) {
          PlacementRequest r = request(c, vms);
          for (Host h : c.hosts()) {
            assertThat(HardRequirements.met(r, h)).as("%s on %s at minute %d", vms[0], h.id(), minute)
                .isEqualTo(r.meetsHardRequirements(h))
                .isEqualTo(HardRequirements.unmet(r, h).isEmpty());
            checked++;
          }
        }
      }
      assertThat(checked).isEqualTo(60);
    }
  }
}
