package io.hvcluster.api.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.InvalidConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SpecValidationTest {
  private static ClusterSpec.Builder nodes(int count) {
    ClusterSpec.Builder b = ClusterSpec.builder("HV1").quorum(QuorumModel.NODE_MAJORITY)
        .storage(StorageSpec.iscsi(List.of(LunSpec.data("lun1", 10))));
    for (int i = 1; i <= count; i++) {
      b.host(HostSpec.builder("n" + i).build());
    }
    return b;
  }

  @Test
  void everyLunFactorySizesInGibExceptTheDefaultWitness() {
    assertThat(LunSpec.witness("w").sizeBytes()).isEqualTo(512L << 20);
    assertThat(LunSpec.witness("w", 1).sizeBytes()).isEqualTo(1L << 30);
    assertThat(LunSpec.witness("w", 1).witness()).isTrue();
    assertThat(LunSpec.data("d", 1).sizeBytes()).isEqualTo(LunSpec.sharedVolume("c", 1).sizeBytes()).isEqualTo(1L << 30);
  }

  @Test
  @SuppressWarnings("removal")
  void theOldWitnessFactoryStillTakesMib() {
    assertThat(LunSpec.witnessDisk("w", 512)).isEqualTo(LunSpec.witness("w"));
  }

  @Test
  void acceptsTwoToSixteenNodes() {
    assertThat(nodes(2).build().hosts()).hasSize(2);
    assertThat(nodes(16).build().hosts()).hasSize(16);
  }

  @Test
  void rejectsSeventeenNodesSayingWhatIsAllowed() {
    assertThatThrownBy(() -> nodes(17).build()).isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("cluster 'HV1' has 17 nodes; a failover cluster has 2 to 16");
  }

  @Test
  void rejectsASingleNode() {
    assertThatThrownBy(() -> nodes(1).build()).hasMessage("cluster 'HV1' has 1 node; a failover cluster has 2 to 16");
  }

  @Test
  void rejectsDuplicateNodeNames() {
    assertThatThrownBy(() -> nodes(2).host(HostSpec.builder("n1").build()).build())
        .hasMessageContaining("lists node 'n1' twice");
  }

  @Test
  void rejectsAVmOnAnUnknownLun() {
    assertThatThrownBy(() -> nodes(2).vm(VmSpec.builder("web").lun("nope").build()).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("VM 'web' uses LUN 'nope' which the storage does not have; LUNs: lun1");
  }

  @Test
  void rejectsAVmOnTheWitnessDisk() {
    ClusterSpec.Builder b = ClusterSpec.builder("HV1").quorum(QuorumModel.NODE_AND_DISK_MAJORITY)
        .host(HostSpec.builder("n1").build()).host(HostSpec.builder("n2").build())
        .storage(StorageSpec.iscsi(List.of(LunSpec.witness("q"))))
        .vm(VmSpec.builder("web").lun("q").build());
    assertThatThrownBy(b::build).hasMessageContaining("uses the witness disk 'q'");
  }

  @Test
  void rejectsPreferredOwnersThatAreNotNodes() {
    assertThatThrownBy(() -> nodes(2).vm(VmSpec.builder("web").lun("lun1").preferredOwners("n9").build()).build())
        .hasMessage("VM 'web' names preferred owner 'n9' which is not a node of the cluster");
  }

  @Test
  void requiresAWitnessDiskForDiskBasedQuorum() {
    ClusterSpec.Builder b = nodes(2).quorum(QuorumModel.NODE_AND_DISK_MAJORITY);
    assertThatThrownBy(b::build).hasMessageContaining("no LUN is marked as witness");
  }

  @Test
  void rejectsAWitnessDiskTheModelDoesNotUse() {
    ClusterSpec.Builder b = ClusterSpec.builder("HV1").quorum(QuorumModel.NODE_MAJORITY)
        .host(HostSpec.builder("n1").build()).host(HostSpec.builder("n2").build())
        .storage(StorageSpec.iscsi(List.of(LunSpec.witness("q"))));
    assertThatThrownBy(b::build).hasMessageContaining("which has no witness disk, but LUN 'q' is marked as witness");
  }

  @Test
  void rejectsTwoWitnessDisksAndDuplicateLuns() {
    assertThatThrownBy(() -> StorageSpec.iscsi(List.of(LunSpec.witness("a"), LunSpec.witness("b"))))
        .hasMessageContaining("at most one witness disk");
    assertThatThrownBy(() -> StorageSpec.iscsi(List.of(LunSpec.data("a", 1), LunSpec.data("a", 2))))
        .hasMessageContaining("LUN name 'a' is used twice");
  }

  @Test
  void rejectsNonPositiveSizes() {
    assertThatThrownBy(() -> LunSpec.data("a", 0)).hasMessage("LUN 'a' size is 0; it must be positive");
    assertThatThrownBy(() -> HostSpec.builder("n1").memoryGiB(0).build()).hasMessage("host 'n1' memory is 0; it must be positive");
    assertThatThrownBy(() -> HostSpec.builder("n1").cores(0).build()).hasMessage("host 'n1' cores is 0; allowed: 1 to 64");
  }

  @Test
  void rejectsAHostTooSmallForItsParentPartition() {
    assertThatThrownBy(() -> HostSpec.builder("n1").memoryGiB(2).build())
        .hasMessageContaining("a FULL host needs at least 3 GiB (its parent partition keeps 2 GiB)");
    assertThat(HostSpec.builder("n1").memoryGiB(2).installation(Installation.SERVER_CORE).build().vmMemoryBytes())
        .isEqualTo(1L << 30);
  }

  @Test
  void enforcesHyperV2008VmLimits() {
    assertThatThrownBy(() -> VmSpec.builder("v").lun("l").vcpus(5).build())
        .hasMessage("VM 'v' virtual processors is 5; allowed: 1 to 4");
    assertThatThrownBy(() -> VmSpec.builder("v").lun("l").memoryGiB(65).build())
        .hasMessage("VM 'v' memory is 65 GiB; Hyper-V 2008 allows 8 MiB to 64 GiB");
    assertThatThrownBy(() -> VmSpec.builder("v").build()).hasMessageContaining("has no LUN");
    assertThatThrownBy(() -> VmSpec.builder("v").lun("l").lun("l").build()).hasMessageContaining("contain 'l' twice");
  }

  @Test
  void requiresPreferredOwnersToBePossibleOwners() {
    assertThatThrownBy(() -> VmSpec.builder("v").lun("l").possibleOwners("a").preferredOwners("b").build())
        .hasMessage("VM 'v' prefers node 'b' which is not among its possible owners [a]");
  }

  @Test
  void acceptsOnlyClusterCapableGuestsInGuestClusters() {
    assertThatThrownBy(() -> VmSpec.builder("v").lun("l").guestOs(GuestOs.WINDOWS_XP).guestCluster("sql").build())
        .hasMessageContaining("cannot be a node of guest cluster 'sql'");
    ClusterSpec.Builder b = nodes(2).vm(VmSpec.builder("v").lun("lun1").guestCluster("sql").build());
    assertThatThrownBy(b::build).hasMessageContaining("guest cluster 'sql' has only one VM");
  }

  @Test
  void validatesPolicies() {
    assertThatThrownBy(() -> FailoverPolicy.defaults().withRestart(-1, Duration.ofMinutes(1)))
        .hasMessage("restart threshold is -1; allowed: 0 to 100");
    assertThatThrownBy(() -> FailoverPolicy.defaults().withFailover(1, Duration.ofHours(1194)))
        .hasMessageContaining("allowed: up to 1193 hours");
    assertThatThrownBy(() -> new FailbackPolicy(FailbackType.ALLOW, 3, -1)).hasMessageContaining("set both hours");
    assertThatThrownBy(() -> FailbackPolicy.window(24, 2)).hasMessage("failback window start hour is 24; allowed: -1 to 23");
    assertThatThrownBy(() -> ClusterSettings.defaults(StorageType.ISCSI).withHeartbeat(Duration.ofMillis(100), 5))
        .hasMessageContaining("allowed: whole milliseconds from 250 to 2000");
  }

  @Test
  void copiesListsSoLaterChangesDoNotLeakIn() {
    List<LunSpec> luns = new ArrayList<>(List.of(LunSpec.data("a", 1)));
    StorageSpec storage = StorageSpec.iscsi(luns);
    luns.add(LunSpec.data("b", 1));
    assertThat(storage.luns()).hasSize(1);
  }

  @Test
  void computesFailoverThresholdAsNodesMinusOneByDefault() {
    assertThat(FailoverPolicy.defaults().effectiveFailoverThreshold(4)).isEqualTo(3);
    assertThat(FailoverPolicy.defaults().withFailover(2, Duration.ofHours(1)).effectiveFailoverThreshold(4)).isEqualTo(2);
  }

  @Test
  void failbackWindowsMayWrapPastMidnight() {
    FailbackPolicy night = FailbackPolicy.window(22, 2);
    assertThat(night.allowsAt(23)).isTrue();
    assertThat(night.allowsAt(1)).isTrue();
    assertThat(night.allowsAt(2)).isFalse();
    assertThat(night.allowsAt(12)).isFalse();
    assertThat(FailbackPolicy.prevent().allowsAt(12)).isFalse();
    assertThat(FailbackPolicy.immediately().allowsAt(12)).isTrue();
  }

  @Test
  void costModelPutsATwoGibQuickMigrationOverIscsiAtThirtyToFortySeconds() {
    CostModel costs = CostModel.forStorage(StorageType.ISCSI);
    long twoGib = 2L << 30;
    Duration total = costs.storageWrite(twoGib).plus(costs.lunHandover()).plus(costs.restoreSetup())
        .plus(costs.storageRead(twoGib));
    assertThat(total.toSeconds()).isBetween(30L, 40L);
  }

  @Test
  void transferTimesDoNotOverflowForLargeSizes() {
    CostModel costs = CostModel.forStorage(StorageType.FC);
    assertThat(costs.storageWrite(64L << 30).toSeconds()).isBetween(140L, 150L);
    assertThat(costs.storageWrite(0)).isEqualTo(Duration.ZERO);
  }
}
