package io.hvcluster.core.management.validation;

import static io.hvcluster.core.management.description.Fixtures.host;
import static io.hvcluster.core.management.description.Fixtures.sound;
import static io.hvcluster.core.management.description.Fixtures.withHost;
import static io.hvcluster.core.management.description.Fixtures.withHosts;
import static io.hvcluster.core.management.description.Fixtures.withStorage;
import static io.hvcluster.core.management.description.Fixtures.withVms;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.spec.GuestOs;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageType;
import io.hvcluster.core.management.description.Architecture;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.Fixtures;
import io.hvcluster.core.management.description.HostDescription;
import io.hvcluster.core.management.description.LunDescription;
import io.hvcluster.core.management.description.ServerEdition;
import io.hvcluster.core.management.description.StorageDescription;
import io.hvcluster.core.management.description.VhdType;
import io.hvcluster.core.management.description.VmDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ConfigurationValidatorTest {

  private static ValidationReport validate(ClusterDescription d) {
    return ConfigurationValidator.validate(d.check());
  }

  private static ValidationItem only(ValidationReport report, ValidationRule rule) {
    assertThat(report.items(rule)).hasSize(1);
    return report.items(rule).get(0);
  }

  @Test
  void aSoundClusterPassesEveryRule() {
    ValidationReport report = validate(sound());

    assertThat(report.items()).allSatisfy(i -> assertThat(i.status()).as(i.toString()).isEqualTo(ValidationStatus.PASS));
    assertThat(report.items().stream().map(ValidationItem::rule).distinct()).containsExactly(ValidationRule.values());
    assertThat(report.failed()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 16})
  void nodeCountsFrom2To16Pass(int nodes) {
    ValidationItem item = only(validate(sound(nodes, 2)), ValidationRule.NODE_COUNT);

    assertThat(item.status()).isEqualTo(ValidationStatus.PASS);
    assertThat(item.reason()).isEqualTo(nodes + " nodes; a failover cluster has 2 to 16");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 17})
  void nodeCountsOutside2To16Fail(int nodes) {
    ValidationReport report = validate(sound(nodes, 2));

    assertThat(only(report, ValidationRule.NODE_COUNT).status()).isEqualTo(ValidationStatus.FAIL);
    assertThat(report.failed()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = ServerEdition.class, names = {"STANDARD", "WEB"})
  void aHostWithoutFailoverClusteringFailsTheEditionRule(ServerEdition edition) {
    ClusterDescription d = withHost(sound(), 2, h -> host(h, b -> b.edition(edition)));

    ValidationItem item = only(validate(d), ValidationRule.EDITION);

    assertThat(item.status()).isEqualTo(ValidationStatus.FAIL);
    assertThat(item.subject()).isEqualTo("node3");
    assertThat(item.reason()).contains(edition.name()).contains("ENTERPRISE or DATACENTER");
  }

  @Test
  void datacenterHostsPassTheEditionRule() {
    ClusterDescription d = withHosts(sound(), h -> host(h, b -> b.edition(ServerEdition.DATACENTER)));

    assertThat(only(validate(d), ValidationRule.EDITION).status()).isEqualTo(ValidationStatus.PASS);
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"X86", "IA64"})
  void aHostThatIsNotX64FailsTheArchitectureRule(Architecture architecture) {
    ClusterDescription d = withHost(sound(), 0, h -> host(h, b -> b.architecture(architecture)));

    ValidationItem item = only(validate(d), ValidationRule.ARCHITECTURE);

    assertThat(item.status()).isEqualTo(ValidationStatus.FAIL);
    assertThat(item.subject()).isEqualTo("node1");
  }

  @Test
  void aFullInstallationIsAWarningBecauseServerCoreIsRecommended() {
    ClusterDescription d = withHost(sound(), 1, h -> host(h, b -> b.installation(Installation.FULL)));

    ValidationItem item = only(validate(d), ValidationRule.SERVER_CORE);

    assertThat(item.status()).isEqualTo(ValidationStatus.WARN);
    assertThat(item.subject()).isEqualTo("node2");
    assertThat(item.reason()).contains("1 GiB instead of 2 GiB");
  }

  @Test
  void aHostWithNoMemoryBeyondItsParentPartitionFailsTheHostMemoryRule() {
    ClusterDescription d = withHost(sound(4, 2), 3, h -> host(h, b -> b.installation(Installation.FULL).memoryGiB(2.5)));

    ValidationItem item = only(validate(d), ValidationRule.HOST_MEMORY);

    assertThat(item.status()).isEqualTo(ValidationStatus.FAIL);
    assertThat(item.reason()).isEqualTo("has 2.5 GiB; its FULL parent partition keeps 2 GiB, so a host needs at least 3 GiB");
  }

  @Test
  void nodesAtDifferentServicePacksFailTheOsLevelRule() {
    ClusterDescription d = withHost(sound(), 3, h -> host(h, b -> b.osVersion("6.0.6001").servicePack(1)));

    ValidationItem item = only(validate(d), ValidationRule.OS_LEVEL);

    assertThat(item.status()).isEqualTo(ValidationStatus.FAIL);
    assertThat(item.reason()).isEqualTo("nodes differ: node1, node2, node3 at version 6.0.6002, service pack 2;"
        + " node4 at version 6.0.6001, service pack 1; every node must run the same OS version and service pack");
  }

  @Test
  void nodesWithoutAStatedOsLevelAreAWarning() {
    ClusterDescription d = withHost(sound(), 1, h -> HostDescription.builder("node2").installation(Installation.SERVER_CORE)
        .guestNicPorts(2).heartbeatNetwork(true).iscsiNetwork(true).build());

    ValidationItem item = only(validate(d), ValidationRule.OS_LEVEL);

    assertThat(item.status()).isEqualTo(ValidationStatus.WARN);
    assertThat(item.subject()).isEqualTo("node2");
  }

  @Test
  void nodesAtTheSameLevelPassTheOsLevelRule() {
    assertThat(only(validate(sound()), ValidationRule.OS_LEVEL).reason())
        .isEqualTo("every node runs version 6.0.6002, service pack 2");
  }

  @Test
  void vmsBeyondHyperV2008LimitsFailTheVmLimitsRule() {
    ClusterDescription d = sound(4, 2);
    List<VmDescription> vms = List.of(
        VmDescription.builder("vm1").memoryGiB(96).vcpus(8).lun("lun-vm1").build(), d.vms().get(1));
    ClusterDescription big = withVms(d, vms);

    ValidationItem item = only(validate(big), ValidationRule.VM_LIMITS);

    assertThat(item.status()).isEqualTo(ValidationStatus.FAIL);
    assertThat(item.reason()).isEqualTo("has 8 virtual processors; Hyper-V 2008 allows 1 to 4;"
        + " has 96 GiB of memory; Hyper-V 2008 allows 8 MiB to 64 GiB");
  }

  @Test
  void aClusterWithoutSharedStorageFailsAndSkipsTheStorageDetails() {
    ClusterDescription d = withVms(withStorage(sound(), null), List.of());

    ValidationReport report = validate(d);

    assertThat(only(report, ValidationRule.SHARED_STORAGE).status()).isEqualTo(ValidationStatus.FAIL);
    assertThat(report.items(ValidationRule.PERSISTENT_RESERVATIONS)).isEmpty();
    assertThat(report.items(ValidationRule.QUORUM)).extracting(ValidationItem::status).contains(ValidationStatus.FAIL);
  }

  @Test
  void storageWithoutPersistentReservationsFails() {
    StorageDescription s = storage(b -> b.persistentReservations(false));

    assertThat(only(validate(withStorage(sound(), s)), ValidationRule.PERSISTENT_RESERVATIONS).status())
        .isEqualTo(ValidationStatus.FAIL);
  }

  @Test
  void uncertifiedStorageFailsAndUnstatedCertificationWarns() {
    StorageDescription uncertified = storage(b -> b.certified(false));
    StorageDescription unstated = new StorageDescription(StorageType.ISCSI, true, Optional.empty(), true, false, false,
        sound().storage().orElseThrow().luns());

    assertThat(only(validate(withStorage(sound(), uncertified)), ValidationRule.CERTIFIED_STORAGE).status())
        .isEqualTo(ValidationStatus.FAIL);
    assertThat(only(validate(withStorage(sound(), unstated)), ValidationRule.CERTIFIED_STORAGE).status())
        .isEqualTo(ValidationStatus.WARN);
  }

  @Test
  void singlePathStorageIsAnMpioWarning() {
    StorageDescription s = storage(b -> b.mpio(false));

    assertThat(only(validate(withStorage(sound(), s)), ValidationRule.MPIO).status()).isEqualTo(ValidationStatus.WARN);
  }

  @Test
  void vmsSharingAnOrdinaryLunWarnThatTheyFailOverTogether() {
    ClusterDescription d = sound(4, 3);
    List<VmDescription> vms = List.of(d.vms().get(0), VmDescription.builder("vm2").memoryGiB(2).lun("lun-vm1").build(),
        d.vms().get(2));

    ValidationItem item = only(validate(withVms(d, vms)), ValidationRule.LUN_PER_VM);

    assertThat(item.status()).isEqualTo(ValidationStatus.WARN);
    assertThat(item.subject()).isEqualTo("vm1, vm2");
    assertThat(item.reason()).startsWith("share LUN 'lun-vm1', which is not a Cluster Shared Volume");
  }

  @Test
  void vmsSharingAClusterSharedVolumePassTheLunPerVmRule() {
    ClusterDescription d = sound(4, 2);
    StorageDescription csv = Fixtures.soundStorage(0).csv(true).lun(LunDescription.data("volume1", 500)).build();
    List<VmDescription> vms = List.of(VmDescription.builder("vm1").lun("volume1").build(),
        VmDescription.builder("vm2").lun("volume1").build());

    ValidationReport report = validate(withVms(withStorage(d, csv), vms));

    assertThat(only(report, ValidationRule.LUN_PER_VM).status()).isEqualTo(ValidationStatus.PASS);
    assertThat(only(report, ValidationRule.QUORUM).status()).isEqualTo(ValidationStatus.PASS);
  }

  @Test
  void aVmWithoutALunOrOnTheWitnessDiskFailsTheLunPerVmRule() {
    ClusterDescription d = sound(4, 2);
    List<VmDescription> vms = List.of(VmDescription.builder("vm1").build(),
        VmDescription.builder("vm2").lun("witness").build());

    List<ValidationItem> items = validate(withVms(d, vms)).items(ValidationRule.LUN_PER_VM);

    assertThat(items).extracting(ValidationItem::subject, ValidationItem::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("vm1", ValidationStatus.FAIL),
        org.assertj.core.groups.Tuple.tuple("vm2", ValidationStatus.FAIL));
  }

  @Test
  void moreThan21ClusterDisksFailWithoutMountPointsAndPassWithThem() {
    ClusterDescription d = sound(4, 21);

    ValidationItem without = only(validate(d), ValidationRule.DRIVE_LETTERS);
    ValidationItem with = only(validate(withStorage(d, storage(d, b -> b.mountPoints(true)))), ValidationRule.DRIVE_LETTERS);

    assertThat(without.status()).isEqualTo(ValidationStatus.FAIL);
    assertThat(without.reason()).startsWith("22 cluster disks (LUNs that are not Cluster Shared Volumes) need drive letters"
        + " but only 21 are available");
    assertThat(with.status()).isEqualTo(ValidationStatus.PASS);
    assertThat(only(validate(sound(4, 20)), ValidationRule.DRIVE_LETTERS).status()).isEqualTo(ValidationStatus.PASS);
  }

  @Test
  void clusterSharedVolumesNeedNoDriveLetters() {
    ClusterDescription d = sound(4, 21);

    ValidationItem item = only(validate(withStorage(d, storage(d, b -> b.csv(true)))), ValidationRule.DRIVE_LETTERS);

    assertThat(item.status()).isEqualTo(ValidationStatus.PASS);
    assertThat(item.reason()).startsWith("1 cluster disk ");
  }

  @ParameterizedTest
  @EnumSource(value = VhdType.class, names = {"DYNAMIC", "DIFFERENCING"})
  void growingVhdsAreAWarning(VhdType type) {
    ClusterDescription d = sound(4, 2);
    List<VmDescription> vms = List.of(d.vms().get(0),
        VmDescription.builder("vm2").memoryGiB(2).lun("lun-vm2").vhdType(type).build());

    ValidationItem item = only(validate(withVms(d, vms)), ValidationRule.FIXED_VHD);

    assertThat(item.status()).isEqualTo(ValidationStatus.WARN);
    assertThat(item.subject()).isEqualTo("vm2");
  }

  @Test
  void guestNicPortsFollowOnePortPerFourVmsWithTheReserveAsAWarning() {
    ClusterDescription d = sound(4, 16);
    ClusterDescription onePort = withHosts(d, h -> h.withGuestNicPorts(1));
    ClusterDescription noPort = withHost(d, 0, h -> h.withGuestNicPorts(0));

    ValidationItem warn = validate(onePort).items(ValidationRule.GUEST_NIC_PORTS).get(0);
    ValidationItem fail = only(validate(noPort), ValidationRule.GUEST_NIC_PORTS);

    assertThat(warn.status()).isEqualTo(ValidationStatus.WARN);
    assertThat(warn.reason()).isEqualTo("has 1 guest port; after 1 node failure up to 6 a node, which needs 2 ports"
        + " (one GbE port per 4 VMs)");
    assertThat(fail.status()).isEqualTo(ValidationStatus.FAIL);
    assertThat(fail.reason()).isEqualTo("has 0 guest ports; 16 VMs on 4 nodes is up to 4 a node, which needs 1 port"
        + " (one GbE port per 4 VMs)");
    assertThat(only(validate(d), ValidationRule.GUEST_NIC_PORTS).status()).isEqualTo(ValidationStatus.PASS);
  }

  @Test
  void aHostWithoutAHeartbeatNetworkFails() {
    ClusterDescription d = withHost(sound(), 0, h -> host(h, b -> b.heartbeatNetwork(false)));

    assertThat(only(validate(d), ValidationRule.HEARTBEAT_NETWORK).status()).isEqualTo(ValidationStatus.FAIL);
  }

  @Test
  void aHostWithoutAnIscsiNetworkFailsOnlyWithIscsiStorage() {
    ClusterDescription d = withHost(sound(), 0, h -> host(h, b -> b.iscsiNetwork(false)));
    StorageDescription fc = new StorageDescription(StorageType.FC, true, Optional.of(true), true, false, false,
        d.storage().orElseThrow().luns());

    assertThat(only(validate(d), ValidationRule.ISCSI_NETWORK).status()).isEqualTo(ValidationStatus.FAIL);
    assertThat(only(validate(withStorage(d, fc)), ValidationRule.ISCSI_NETWORK).reason())
        .isEqualTo("the storage is FC, so no iSCSI network is needed");
  }

  @Test
  void quorumAdviceIsNodeAndDiskMajorityForAnEvenCountAndNodeMajorityForAnOddOne() {
    ValidationItem even = only(validate(sound(4, 2)), ValidationRule.QUORUM);
    ValidationItem odd = only(validate(sound(5, 2)), ValidationRule.QUORUM);

    assertThat(even.status()).isEqualTo(ValidationStatus.PASS);
    assertThat(even.reason()).isEqualTo("NODE_AND_DISK_MAJORITY suits 4 nodes (even) in one site:"
        + " 4 nodes + witness disk = 5 votes, 3 needed: survives 2 node failures");
    assertThat(odd.status()).isEqualTo(ValidationStatus.PASS);
    assertThat(odd.reason()).isEqualTo("NODE_MAJORITY suits 5 nodes (odd) in one site:"
        + " 5 nodes = 5 votes, 3 needed: survives 2 node failures");
  }

  @Test
  void nodeMajorityOnAnEvenCountIsAWarningWithTheArithmetic() {
    ClusterDescription d = sound(4, 2);
    ClusterDescription nodeMajority = new ClusterDescription(d.name(), Optional.of(QuorumModel.NODE_MAJORITY), 1,
        d.hosts(), Optional.of(StorageDescription.builder(StorageType.ISCSI).certified(true).mpio(true)
            .lun(LunDescription.data("lun-vm1", 40)).lun(LunDescription.data("lun-vm2", 40)).build()),
        d.vms(), List.of(), Optional.empty());

    ValidationItem item = only(validate(nodeMajority), ValidationRule.QUORUM);

    assertThat(item.status()).isEqualTo(ValidationStatus.WARN);
    assertThat(item.reason()).isEqualTo("for 4 nodes (even) NODE_AND_DISK_MAJORITY is recommended: 4 nodes + witness"
        + " disk = 5 votes, 3 needed: survives 2 node failures; NODE_MAJORITY: 4 nodes = 4 votes, 3 needed:"
        + " survives 1 node failure");
  }

  @Test
  void aWitnessQuorumWithoutAWitnessDiskFails() {
    ClusterDescription d = sound(4, 2);
    StorageDescription noWitness = StorageDescription.builder(StorageType.ISCSI).certified(true).mpio(true)
        .lun(LunDescription.data("lun-vm1", 40)).lun(LunDescription.data("lun-vm2", 40)).build();

    List<ValidationItem> items = validate(withStorage(d, noWitness)).items(ValidationRule.QUORUM);

    assertThat(items).extracting(ValidationItem::status).contains(ValidationStatus.FAIL);
    assertThat(items.get(0).reason()).startsWith("NODE_AND_DISK_MAJORITY needs a witness disk");
  }

  @Test
  void diskOnlyAndFileShareQuorumsAreWarnings() {
    ClusterDescription d = sound(4, 2);
    ClusterDescription diskOnly = new ClusterDescription(d.name(), Optional.of(QuorumModel.DISK_ONLY), 1, d.hosts(),
        d.storage(), d.vms(), List.of(), Optional.empty());

    ValidationItem item = only(validate(diskOnly), ValidationRule.QUORUM);

    assertThat(item.status()).isEqualTo(ValidationStatus.WARN);
    assertThat(item.reason()).startsWith("DISK_ONLY makes the witness disk a single point of failure");
  }

  @Test
  void guestClusterNodesThatCanRunOnDifferentHostsPass() {
    ClusterDescription d = sound(4, 2);
    List<VmDescription> vms = List.of(
        VmDescription.builder("vm1").lun("lun-vm1").guestCluster("sql").preferredOwners("node1").build(),
        VmDescription.builder("vm2").lun("lun-vm2").guestCluster("sql").preferredOwners("node2").build());

    ValidationItem item = only(validate(withVms(d, vms)), ValidationRule.GUEST_CLUSTER);

    assertThat(item.status()).isEqualTo(ValidationStatus.PASS);
    assertThat(item.reason()).isEqualTo("vm1, vm2 can run on different hosts");
  }

  @Test
  void guestClusterNodesPinnedToOneHostFail() {
    ClusterDescription d = sound(4, 2);
    List<VmDescription> vms = List.of(
        VmDescription.builder("vm1").lun("lun-vm1").guestCluster("sql").possibleOwners("node1").build(),
        VmDescription.builder("vm2").lun("lun-vm2").guestCluster("sql").possibleOwners("node1").build());

    ValidationItem item = only(validate(withVms(d, vms)), ValidationRule.GUEST_CLUSTER);

    assertThat(item.status()).isEqualTo(ValidationStatus.FAIL);
    assertThat(item.reason()).isEqualTo("its 2 VM nodes (vm1, vm2) cannot all run on different hosts:"
        + " vm1 may run on node1; vm2 may run on node1");
  }

  @Test
  void guestClusterNodesOnOneLunOrWithTheSameFirstPreferenceAreReported() {
    ClusterDescription d = sound(4, 3);
    List<VmDescription> vms = List.of(
        VmDescription.builder("vm1").lun("lun-vm1").guestCluster("sql").preferredOwners("node1").build(),
        VmDescription.builder("vm2").lun("lun-vm1").guestCluster("sql").build(),
        VmDescription.builder("vm3").lun("lun-vm3").guestCluster("sql").preferredOwners("node1").build());

    List<ValidationItem> items = validate(withVms(d, vms)).items(ValidationRule.GUEST_CLUSTER);

    assertThat(items).extracting(ValidationItem::status).containsExactly(ValidationStatus.FAIL, ValidationStatus.WARN);
    assertThat(items.get(0).reason()).startsWith("vm1, vm2 share an ordinary LUN");
    assertThat(items.get(1).reason()).startsWith("vm1, vm3 all prefer node1 first");
  }

  @Test
  void aGuestClusterOfOneOrWithANonClusterGuestFails() {
    ClusterDescription d = sound(4, 2);
    List<VmDescription> vms = List.of(
        VmDescription.builder("vm1").lun("lun-vm1").guestCluster("solo").guestOs(GuestOs.WINDOWS_XP).build(),
        d.vms().get(1));

    List<ValidationItem> items = validate(withVms(d, vms)).items(ValidationRule.GUEST_CLUSTER);

    assertThat(items).extracting(ValidationItem::status).containsOnly(ValidationStatus.FAIL).hasSize(2);
  }

  @Test
  void anOverCommittedClusterFailsTheReserveRuleWithTheArithmetic() {
    ClusterDescription d = sound(2, 2);
    List<VmDescription> vms = new ArrayList<>();
    vms.add(VmDescription.builder("vm1").memoryGiB(20).lun("lun-vm1").build());
    vms.add(VmDescription.builder("vm2").memoryGiB(20).lun("lun-vm2").build());

    ValidationItem item = only(validate(withVms(d, vms)), ValidationRule.CLUSTER_RESERVE);

    assertThat(item.status()).isEqualTo(ValidationStatus.FAIL);
    assertThat(item.reason()).isEqualTo("cluster reserve 1 of 2 nodes: worst case, the largest node fails: node1 (31 GiB"
        + " for VMs); node2 keeps 1 × 31 GiB = 31 GiB for VMs; the 2 VMs need 40 GiB: over-committed, 9 GiB short");
  }

  @Test
  void everyItemOfTheReportKeepsRuleOrder() {
    ValidationReport report = validate(withHosts(sound(17, 2), h -> host(h, b -> b.installation(Installation.FULL))));

    List<Integer> ordinals = report.items().stream().map(i -> i.rule().ordinal()).toList();
    assertThat(ordinals).isSorted();
    assertThat(report.count(ValidationStatus.WARN)).isEqualTo(17);
  }

  private static StorageDescription storage(java.util.function.UnaryOperator<StorageDescription.Builder> change) {
    return storage(sound(), change);
  }

  private static StorageDescription storage(ClusterDescription d,
      java.util.function.UnaryOperator<StorageDescription.Builder> change) {
    StorageDescription s = d.storage().orElseThrow();
    StorageDescription.Builder b = StorageDescription.builder(s.type()).persistentReservations(s.persistentReservations())
        .mpio(s.mpio()).csv(s.csv()).mountPoints(s.mountPoints());
    s.certified().ifPresent(b::certified);
    s.luns().forEach(b::lun);
    return change.apply(b).build();
  }
}
