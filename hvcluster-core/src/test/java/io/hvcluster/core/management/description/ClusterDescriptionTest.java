package io.hvcluster.core.management.description;

import static io.hvcluster.core.management.description.Fixtures.host;
import static io.hvcluster.core.management.description.Fixtures.sound;
import static io.hvcluster.core.management.description.Fixtures.withHost;
import static io.hvcluster.core.management.description.Fixtures.withVms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.GuestOs;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.QuorumModel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ClusterDescriptionTest {

  @Test
  void aSoundDescriptionConvertsToASpecWithItsHostsStorageAndVms() {
    ClusterSpec spec = sound().toSpec();

    assertThat(spec.name()).isEqualTo("RETAIL");
    assertThat(spec.quorum()).isEqualTo(QuorumModel.NODE_AND_DISK_MAJORITY);
    assertThat(spec.hosts()).hasSize(4);
    assertThat(spec.hosts().get(0).installation()).isEqualTo(Installation.SERVER_CORE);
    assertThat(spec.hosts().get(0).vmMemoryBytes()).isEqualTo(31L << 30);
    assertThat(spec.storage().pathsPerHost()).isEqualTo(2);
    assertThat(spec.storage().witness()).map(l -> l.id().name()).contains("witness");
    assertThat(spec.vms()).hasSize(8);
    assertThat(spec.vms().get(0).luns()).containsExactly(LunId.of("lun-vm1"));
    assertThat(spec.vms().get(0).memoryBytes()).isEqualTo(2L << 30);
  }

  @Test
  void theQuorumDefaultsToNodeAndDiskMajorityWithAWitnessAndNodeMajorityWithout() {
    ClusterDescription withWitness = copyWithoutQuorum(sound(4, 2));
    ClusterDescription withoutWitness = copyWithoutQuorum(sound(3, 2));

    assertThat(withWitness.effectiveQuorum()).isEqualTo(QuorumModel.NODE_AND_DISK_MAJORITY);
    assertThat(withoutWitness.effectiveQuorum()).isEqualTo(QuorumModel.NODE_MAJORITY);
  }

  @Test
  void checkNamesThePathOfAValueOutsideItsDomain() {
    ClusterDescription d = withHost(sound(), 2, h -> host(h, b -> b.memoryGiB(-4)));

    assertThatThrownBy(d::check).isInstanceOf(InvalidDescriptionException.class)
        .hasMessage("$.hosts[2].memoryGiB: -4 is not allowed; allowed: more than 0 and at most 4096 GiB")
        .extracting(e -> ((InvalidDescriptionException) e).path()).isEqualTo("$.hosts[2].memoryGiB");
  }

  @Test
  void checkRefusesARepeatedHostName() {
    ClusterDescription d = withHost(sound(), 1, h -> h.withName("node1"));

    assertThatThrownBy(d::check).hasMessage("$.hosts[1].name: host name 'node1' is used twice; host names must be unique");
  }

  @Test
  void checkRefusesAnInvalidName() {
    ClusterDescription d = withHost(sound(), 0, h -> h.withName("bad name"));

    assertThatThrownBy(d::check).hasMessageStartingWith("$.hosts[0].name: host name 'bad name' is not allowed");
  }

  @Test
  void checkRefusesAReferenceToAnUnknownLunOrHost() {
    ClusterDescription lun = withVms(sound(4, 1), List.of(VmDescription.builder("vm1").lun("lun-vm1", "nope").build()));
    ClusterDescription owner = withVms(sound(4, 1),
        List.of(VmDescription.builder("vm1").lun("lun-vm1").preferredOwners("node1", "node9").build()));

    assertThatThrownBy(lun::check).hasMessage("$.vms[0].luns[1]: LUN 'nope' is not defined in $.storage.luns");
    assertThatThrownBy(owner::check).hasMessage("$.vms[0].preferredOwners[1]: host 'node9' is not defined in $.hosts");
  }

  @Test
  void checkRefusesAnOutOfRangeReserve() {
    ClusterDescription d = sound();
    ClusterDescription bad = new ClusterDescription(d.name(), d.quorum(), -1, d.hosts(), d.storage(), d.vms(),
        List.of(), Optional.empty());

    assertThatThrownBy(bad::check).hasMessage("$.reserve: -1 is not allowed; allowed: 0 to 15 host failures");
  }

  @Test
  void checkRefusesAWorkloadWithAnImpossibleCpuPercentage() {
    ClusterDescription d = ClusterDescription.builder("PLAN")
        .workload(WorkloadDescription.builder("web", 120, 2).build()).build();

    assertThatThrownBy(d::check).hasMessage("$.workloads[0].cpuPercent: 120 is not allowed; allowed: 0 to 100"
        + " (percent of the server's cores)");
  }

  @Test
  void checkAcceptsWhatValidationReportsInsteadOfRefusing() {
    ClusterDescription d = withHost(sound(17, 2), 0, h -> host(h, b -> b.edition(ServerEdition.STANDARD)));

    assertThat(d.check()).isSameAs(d);
  }

  @Test
  void toSpecNamesTheHostListWhenTheNodeCountIsOutOfRange() {
    assertThatThrownBy(() -> sound(17, 2).toSpec()).isInstanceOf(InvalidDescriptionException.class)
        .hasMessage("$.hosts: cluster 'RETAIL' has 17 nodes; a failover cluster has 2 to 16");
  }

  @Test
  void toSpecNamesTheEditionOfAStandardHost() {
    ClusterDescription d = withHost(sound(), 1, h -> host(h, b -> b.edition(ServerEdition.STANDARD)));

    assertThatThrownBy(d::toSpec).hasMessage("$.hosts[1].edition: host 'node2' runs the STANDARD edition, which has no"
        + " failover clustering; allowed: ENTERPRISE or DATACENTER");
  }

  @Test
  void toSpecNamesTheVcpusOfAVmBeyondTheLimit() {
    ClusterDescription d = withVms(sound(4, 1), List.of(VmDescription.builder("vm1").vcpus(8).lun("lun-vm1").build()));

    assertThatThrownBy(d::toSpec).hasMessage("$.vms[0].vcpus: VM 'vm1' has 8 virtual processors; Hyper-V 2008 allows 1 to 4");
  }

  @Test
  void toSpecNamesTheLunsOfAVmWithoutOne() {
    ClusterDescription d = withVms(sound(4, 1), List.of(VmDescription.builder("vm1").build()));

    assertThatThrownBy(d::toSpec).hasMessageStartingWith("$.vms[0].luns: VM 'vm1' has no LUN");
  }

  @Test
  void toSpecNamesTheGuestOsOfAGuestClusterNodeThatCannotCluster() {
    ClusterDescription d = withVms(sound(4, 2), List.of(
        VmDescription.builder("vm1").lun("lun-vm1").guestCluster("g").build(),
        VmDescription.builder("vm2").lun("lun-vm2").guestCluster("g").guestOs(GuestOs.WINDOWS_XP).build()));

    assertThatThrownBy(d::toSpec).hasMessageStartingWith("$.vms[1].guestOs: VM 'vm2' runs WINDOWS_XP");
  }

  @Test
  void toSpecNamesTheQuorumWhenItNeedsAMissingWitness() {
    ClusterDescription d = sound(3, 1);
    ClusterDescription bad = new ClusterDescription(d.name(), Optional.of(QuorumModel.NODE_AND_DISK_MAJORITY), 1,
        d.hosts(), d.storage(), d.vms(), List.of(), Optional.empty());

    assertThatThrownBy(bad::toSpec).hasMessageStartingWith("$.quorum: NODE_AND_DISK_MAJORITY needs a witness disk");
  }

  @Test
  void toSpecKeepsOwnersAndGuestClusters() {
    ClusterDescription d = withVms(sound(4, 2), List.of(
        VmDescription.builder("vm1").lun("lun-vm1").guestCluster("g").preferredOwners("node2").possibleOwners("node2",
            "node3").build(),
        VmDescription.builder("vm2").lun("lun-vm2").guestCluster("g").antiAffinityClass("sql").build()));

    ClusterSpec spec = d.toSpec();

    assertThat(spec.vms().get(0).preferredOwners()).containsExactly(HostId.of("node2"));
    assertThat(spec.vms().get(0).possibleOwners()).containsExactly(HostId.of("node2"), HostId.of("node3"));
    assertThat(spec.vms().get(1).guestCluster()).isEqualTo("g");
    assertThat(spec.vms().get(1).antiAffinityClasses()).containsExactly("sql");
  }

  @Test
  void aSpecConvertsBackToAnEquivalentDescription() {
    ClusterSpec spec = sound().toSpec();

    ClusterDescription back = ClusterDescription.fromSpec(spec);

    assertThat(back.toSpec()).isEqualTo(spec);
  }

  @Test
  void aVmSpecConvertsBackToTheDescriptionItCameFrom() {
    VmDescription vm = VmDescription.builder("vm1").memoryGiB(1.5).vcpus(2).guestOs(GuestOs.WINDOWS_SERVER_2003)
        .lun("lun-vm1").preferredOwners("node2").possibleOwners("node2", "node3").antiAffinityClass("sql")
        .guestCluster("g").build();
    ClusterSpec spec = withVms(sound(4, 2), List.of(vm, VmDescription.builder("vm2").lun("lun-vm2").guestCluster("g")
        .build())).toSpec();

    assertThat(VmDescription.fromSpec(spec.vms().get(0))).isEqualTo(vm);
    assertThat(ServerEdition.of(spec.hosts().get(0).edition())).isEqualTo(ServerEdition.ENTERPRISE);
  }

  @Test
  void toBuilderCopiesEveryValueSoThatOneCanBeChanged() {
    ClusterDescription d = sound().toBuilder().workload(WorkloadDescription.builder("web", 10, 2).build())
        .planning(PlanningDescription.defaults()).build();

    ClusterDescription copy = d.toBuilder().build();
    ClusterDescription changed = d.toBuilder().reserve(2).build();

    assertThat(copy).isEqualTo(d);
    assertThat(changed.reserve()).isEqualTo(2);
    assertThat(changed).isEqualTo(new ClusterDescription(d.name(), d.quorum(), 2, d.hosts(), d.storage(), d.vms(),
        d.workloads(), d.planning()));
  }

  @Test
  void vmsThatShareAnOrdinaryLunFormOneFailoverGroupAndACsvJoinsNoOne() {
    ClusterDescription d = withVms(sound(4, 3), List.of(
        VmDescription.builder("vm1").memoryGiB(2).lun("lun-vm1").build(),
        VmDescription.builder("vm2").memoryGiB(1).lun("lun-vm2").build(),
        VmDescription.builder("vm3").memoryGiB(1).lun("lun-vm1").possibleOwners("node1", "node2").build()));
    ClusterDescription csv = d.toBuilder().storage(Fixtures.soundStorage(3).csv(true).build()).build();

    List<FailoverGroup> groups = d.failoverGroups();

    assertThat(groups).extracting(FailoverGroup::name).containsExactly("vm1", "vm2");
    assertThat(groups.get(0).vms()).extracting(VmDescription::name).containsExactly("vm1", "vm3");
    assertThat(groups.get(0).sharedLuns()).containsExactly("lun-vm1");
    assertThat(groups.get(0).memoryBytes()).isEqualTo(3L << 30);
    assertThat(groups.get(0).mayRunOn("node2")).isTrue();
    assertThat(groups.get(0).mayRunOn("node3")).isFalse();
    assertThat(groups.get(1).sharedLuns()).isEmpty();
    assertThat(csv.failoverGroups()).extracting(FailoverGroup::name).containsExactly("vm1", "vm2", "vm3");
  }

  private static ClusterDescription copyWithoutQuorum(ClusterDescription d) {
    return new ClusterDescription(d.name(), Optional.empty(), d.reserve(), d.hosts(), d.storage(), d.vms(), d.workloads(),
        d.planning());
  }
}
