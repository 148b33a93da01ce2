package io.hvcluster.core.management.vmm;

import io.hvcluster.api.migration.MigrationKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.InsufficientCapacityException;
import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.spec.ClusterSettings;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.Fixtures;
import io.hvcluster.core.management.description.VmDescription;
import io.hvcluster.core.management.validation.ValidationRule;
import io.hvcluster.core.management.validation.ValidationStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

final class VirtualMachineManagerTest {

  /** A sound 4-node cluster whose 8 VMs all prefer node1, so the default policy piles them up there. */
  private static ClusterSpec lopsided(String name, UnaryOperator<VmDescription.Builder> change) {
    ClusterDescription d = Fixtures.sound(4, 8);
    List<VmDescription> vms = new ArrayList<>();
    for (VmDescription vm : d.vms()) {
      vms.add(change.apply(VmDescription.builder(vm.name()).memoryGiB(vm.memoryGiB()).lun(vm.luns().get(0))
          .preferredOwners("node1")).build());
    }
    ClusterDescription c = Fixtures.withVms(d, vms);
    return new ClusterDescription(name, c.quorum(), c.reserve(), c.hosts().stream().map(h -> h.withName(name + "-" + h.name()))
        .toList(), c.storage(), rename(name, c.vms()), List.of(), java.util.Optional.empty()).toSpec();
  }

  private static List<VmDescription> rename(String cluster, List<VmDescription> vms) {
    List<VmDescription> out = new ArrayList<>();
    for (VmDescription vm : vms) {
      VmDescription.Builder b = VmDescription.builder(vm.name()).memoryGiB(vm.memoryGiB()).lun(vm.luns().get(0))
          .preferredOwners(vm.preferredOwners().stream().map(h -> cluster + "-" + h).toArray(String[]::new))
          .possibleOwners(vm.possibleOwners().stream().map(h -> cluster + "-" + h).toArray(String[]::new))
          .antiAffinityClass(vm.antiAffinityClasses().toArray(String[]::new));
      out.add(b.build());
    }
    return out;
  }

  private static Cluster started(Simulation sim, ClusterSpec spec) {
    Cluster c = sim.createCluster(spec);
    c.form();
    c.startAllVms();
    assertThat(sim.runUntil(() -> c.vms().stream().allMatch(v -> v.state() == VmState.RUNNING), Duration.ofMinutes(10)))
        .isTrue();
    return c;
  }

  private static double spread(VirtualMachineManager vmm, Cluster c) {
    Rebalancer r = new Rebalancer(IntelligentPlacement.defaults(), 0);
    java.util.Map<HostId, HostLoad> loads = new java.util.LinkedHashMap<>();
    c.hosts().forEach(h -> loads.put(h.id(), HostLoad.of(IntelligentPlacement.defaults(), c, h)));
    return r.spreadNow(loads);
  }

  @Test
  void rebalancingSuggestionsImproveBalanceWithoutViolatingConstraintsAndCanBeApplied() {
    try (Simulation sim = Simulation.builder().seed(11).build()) {
      Cluster c = started(sim, lopsided("HV1", b -> b));
      VirtualMachineManager vmm = VirtualMachineManager.builder().rebalanceThreshold(0.05).build();
      vmm.addCluster(c);
      assertThat(c.host("HV1-node1").vms()).hasSize(8);
      double before = spread(vmm, c);

      List<RebalanceSuggestion> tips = vmm.suggestRebalancing("HV1");

      assertThat(tips).isNotEmpty();
      assertThat(tips).allSatisfy(t -> {
        assertThat(t.from()).isEqualTo(HostId.of("HV1-node1"));
        assertThat(t.to()).isNotEqualTo(t.from());
        assertThat(t.kind()).isEqualTo(MigrationKind.QUICK);
        assertThat(t.spreadAfter()).isLessThan(t.spreadBefore());
      });
      assertThat(tips.get(0).reason()).startsWith("HV1-node1 is at ").contains(" by QUICK migration lowers the load spread");
      for (RebalanceSuggestion tip : tips) {
        MigrationHandle h = vmm.apply(tip);
        assertThat(sim.runUntil(h::isDone, Duration.ofMinutes(10))).isTrue();
        assertThat(h.result().orElseThrow().outcome()).isEqualTo(MigrationOutcome.COMPLETED);
        assertThat(c.vm(tip.vm()).host()).contains(tip.to());
      }
      assertThat(spread(vmm, c)).isLessThan(before);
      assertThat(c.vms()).allSatisfy(v -> assertThat(v.state()).isEqualTo(VmState.RUNNING));
      assertThat(c.hosts()).allSatisfy(h -> assertThat(h.memoryCommittedBytes()).isLessThanOrEqualTo(h.spec().vmMemoryBytes()));
      assertThat(c.hosts()).extracting(h -> h.vms().size()).containsExactly(2, 2, 2, 2);
      assertThat(vmm.suggestRebalancing("HV1")).isEmpty();
    }
  }

  @Test
  void withTheDefaultThresholdSuggestionsStopOnceTheSpreadIsWithinTenPoints() {
    try (Simulation sim = Simulation.builder().seed(11).build()) {
      Cluster c = started(sim, lopsided("HV1", b -> b));
      VirtualMachineManager vmm = VirtualMachineManager.builder().build();
      vmm.addCluster(c);

      List<RebalanceSuggestion> tips = vmm.suggestRebalancing("HV1");

      assertThat(tips).hasSize(5);
      assertThat(tips.get(tips.size() - 1).spreadAfter()).isLessThanOrEqualTo(0.10);
      assertThat(tips.get(tips.size() - 2).spreadAfter()).isGreaterThan(0.10);
      assertThat(tips).isEqualTo(vmm.suggestRebalancing("HV1"));
    }
  }

  @Test
  void suggestionsRespectPossibleOwnersAndAntiAffinity() {
    try (Simulation sim = Simulation.builder().seed(12).build()) {
      Cluster c = started(sim, lopsided("HV1", b -> b.possibleOwners("node1", "node2").antiAffinityClass("sql")));
      VirtualMachineManager vmm = VirtualMachineManager.builder().build();
      vmm.addCluster(c);

      List<RebalanceSuggestion> tips = vmm.suggestRebalancing("HV1");

      // Placement already honoured the soft anti-affinity once: one "sql" VM went to node2, the rest had
      // nowhere else to go. Node1 is heavily loaded, but moving a second "sql" VM to node2 would break
      // the anti-affinity, and no other node is a possible owner: the rebalancer suggests nothing.
      assertThat(c.host("HV1-node1").vms()).hasSize(7);
      assertThat(c.host("HV1-node2").vms()).hasSize(1);
      assertThat(tips).isEmpty();
      List<VmId> onNode2 = new ArrayList<>(c.host("HV1-node2").vms());
      tips.forEach(t -> onNode2.add(t.vm()));
      assertThat(onNode2).hasSizeLessThanOrEqualTo(1);
    }
  }

  @Test
  void vmsThatShareALunAreNeverSuggested() {
    ClusterDescription d = Fixtures.sound(2, 2);
    List<VmDescription> vms = List.of(VmDescription.builder("vm1").memoryGiB(8).lun("lun-vm1").preferredOwners("node1").build(),
        VmDescription.builder("vm2").memoryGiB(8).lun("lun-vm1").preferredOwners("node1").build());
    try (Simulation sim = Simulation.builder().seed(13).build()) {
      Cluster c = started(sim, Fixtures.withVms(d, vms).toSpec());
      VirtualMachineManager vmm = VirtualMachineManager.builder().build();
      vmm.addCluster(c);

      assertThat(c.host("node1").vms()).hasSize(2);
      assertThat(vmm.suggestRebalancing("RETAIL")).isEmpty();
    }
  }

  @Test
  void aBalancedClusterGetsNoSuggestions() {
    try (Simulation sim = Simulation.builder().seed(14).build()) {
      Cluster c = started(sim, Fixtures.sound(4, 8).toSpec());
      VirtualMachineManager vmm = VirtualMachineManager.builder().build();
      vmm.addCluster(c);

      assertThat(vmm.suggestRebalancing("RETAIL")).isEmpty();
    }
  }

  @Test
  void aStaleSuggestionIsRefused() {
    try (Simulation sim = Simulation.builder().seed(15).build()) {
      Cluster c = started(sim, lopsided("HV1", b -> b));
      VirtualMachineManager vmm = VirtualMachineManager.builder().build();
      vmm.addCluster(c);
      RebalanceSuggestion tip = vmm.suggestRebalancing("HV1").get(0);
      c.stopVm(tip.vm());
      sim.runFor(Duration.ofMinutes(2));

      assertThatThrownBy(() -> vmm.apply(tip)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is stale: the VM is SAVED on HV1-node1");
    }
  }

  @Test
  void aHighlyAvailableVmIsPlacedOnTheBestNodeAcrossClusters() {
    try (Simulation sim = Simulation.builder().seed(16).build()) {
      Cluster busy = started(sim, Fixtures.sound(4, 8).toSpec());
      Cluster idle = started(sim, lopsided("HV2", b -> b.memoryGiB(0.5)));
      VirtualMachineManager vmm = VirtualMachineManager.builder().build();
      vmm.addCluster(busy);
      vmm.addCluster(idle);
      vmm.addStandaloneHost(HostSpec.builder("solo1").build());
      vmm.addTemplate(VmTemplate.builder("web").memoryGiB(2).build());

      List<PlacementOption> options = vmm.rate("web", "web9");
      Deployment d = vmm.provision("web", "web9");

      assertThat(options).hasSize(9);
      assertThat(options.get(1).location()).isEqualTo("HV2/HV2-node3");
      assertThat(options.get(0).location()).isEqualTo("HV2/HV2-node2");
      assertThat(options).last().satisfies(o -> {
        assertThat(o.location()).isEqualTo("standalone/solo1");
        assertThat(o.rating().reasons()).containsExactly("not clustered; template web is highly available and needs a cluster");
      });
      assertThat(d.deployed()).isFalse();
      assertThat(d.host()).isEqualTo(HostId.of("HV2-node2"));
      assertThat(d.vm().preferredOwners()).containsExactly(HostId.of("HV2-node2"));
      assertThat(d.lun()).map(l -> l.id().name()).contains("lun-web9");
      ClusterSpec grown = d.clusterSpec().orElseThrow();
      assertThat(grown.vms()).hasSize(9);
      try (Simulation next = Simulation.builder().seed(17).build()) {
        Cluster c = started(next, grown);
        VirtualMachine web9 = c.vm("web9");
        assertThat(web9.host()).contains(HostId.of("HV2-node2"));
      }
    }
  }

  @Test
  void aVmThatIsNotHighlyAvailableIsDeployedOnAStandaloneHost() {
    VirtualMachineManager vmm = VirtualMachineManager.builder().build();
    StandaloneHost solo1 = vmm.addStandaloneHost(HostSpec.builder("solo1").memoryGiB(16).build());
    vmm.addStandaloneHost(HostSpec.builder("solo2").memoryGiB(16).build());
    vmm.addTemplate(VmTemplate.builder("dev").memoryGiB(4).highlyAvailable(false).build());

    Deployment first = vmm.provision("dev", "dev1");
    Deployment second = vmm.provision("dev", "dev2");

    assertThat(first.deployed()).isTrue();
    assertThat(first.host()).isEqualTo(HostId.of("solo1"));
    assertThat(second.host()).isEqualTo(HostId.of("solo2"));
    assertThat(solo1.vms()).extracting(v -> v.id().name()).containsExactly("dev1");
    assertThat(solo1.memoryFreeBytes()).isEqualTo(10L << 30);
    assertThatThrownBy(() -> vmm.provision("dev", "dev1")).isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("VM 'dev1' already exists; VM names must be unique");
  }

  @Test
  void provisioningWithNoHostThatFitsSaysWhy() {
    VirtualMachineManager vmm = VirtualMachineManager.builder().build();
    vmm.addStandaloneHost(HostSpec.builder("solo1").memoryGiB(8).build());
    vmm.addTemplate(VmTemplate.builder("big").memoryGiB(16).highlyAvailable(false).build());

    assertThatThrownBy(() -> vmm.provision("big", "big1")).isInstanceOf(InsufficientCapacityException.class)
        .hasMessage("no managed host can take VM 'big1' from template 'big': [standalone/solo1 (needs 16 GiB of"
            + " memory, 6 GiB free)]");
  }

  @Test
  void theManagerReportsEachClustersReserveAndValidation() {
    try (Simulation sim = Simulation.builder().seed(18).build()) {
      Cluster c = started(sim, Fixtures.sound(4, 8).toSpec());
      VirtualMachineManager vmm = VirtualMachineManager.builder().clusterReserve(2).build();
      vmm.addCluster(c);

      assertThat(vmm.reserve("RETAIL").reserve()).isEqualTo(2);
      assertThat(vmm.reserve("RETAIL").overCommitted()).isFalse();
      assertThat(vmm.validate("RETAIL").status(ValidationRule.NODE_COUNT)).isEqualTo(ValidationStatus.PASS);
      // the sound cluster's hosts have dedicated heartbeat networks, which its spec keeps as a cluster-only network
      assertThat(vmm.validate("RETAIL").status(ValidationRule.HEARTBEAT_NETWORK)).isEqualTo(ValidationStatus.PASS);
    }
    try (Simulation sim = Simulation.builder().seed(18).build()) {
      ClusterSpec spec = Fixtures.sound(4, 8).toSpec();
      Cluster c = started(sim, spec.withSettings(ClusterSettings.defaults(spec.storage().type())));
      VirtualMachineManager vmm = VirtualMachineManager.builder().build();
      vmm.addCluster(c);

      assertThat(vmm.validate("RETAIL").status(ValidationRule.HEARTBEAT_NETWORK)).isEqualTo(ValidationStatus.FAIL);
    }
  }

  @Test
  void namesMustBeUniqueAcrossTheManager() {
    try (Simulation sim = Simulation.builder().seed(19).build()) {
      Cluster c = sim.createCluster(Fixtures.sound(2, 1).toSpec());
      VirtualMachineManager vmm = VirtualMachineManager.builder().build();
      vmm.addCluster(c);

      assertThatThrownBy(() -> vmm.addCluster(c)).hasMessage("cluster 'RETAIL' is already managed; cluster names must be unique");
      assertThatThrownBy(() -> vmm.addStandaloneHost(HostSpec.builder("node1").build()))
          .hasMessage("host 'node1' is already managed; host names must be unique");
      assertThatThrownBy(() -> vmm.cluster("HV9")).hasMessageContaining("HV9");
    }
  }

  @Test
  void theBuilderRefusesAReserveOutsideZeroToFifteen() {
    assertThatThrownBy(() -> VirtualMachineManager.builder().clusterReserve(16)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cluster reserve is 16; allowed: 0 to 15 host failures");
    assertThatThrownBy(() -> VirtualMachineManager.builder().clusterReserve(-1))
        .hasMessage("cluster reserve is -1; allowed: 0 to 15 host failures");
    assertThat(VirtualMachineManager.builder().clusterReserve(15).build()).isNotNull();
  }
}
