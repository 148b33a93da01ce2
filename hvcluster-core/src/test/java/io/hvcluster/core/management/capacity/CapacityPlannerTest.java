package io.hvcluster.core.management.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.spec.GuestOs;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.Fixtures;
import io.hvcluster.core.management.description.HostDescription;
import io.hvcluster.core.management.description.LunDescription;
import io.hvcluster.core.management.description.PlanningDescription;
import io.hvcluster.core.management.description.VmDescription;
import io.hvcluster.core.management.description.WorkloadDescription;
import io.hvcluster.core.management.validation.ConfigurationValidator;
import io.hvcluster.core.management.validation.ValidationReport;
import io.hvcluster.core.management.validation.ValidationStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class CapacityPlannerTest {

  /**
   * The seed's case study: 120 physical servers measured and consolidated onto 12 hosts. The workload
   * numbers are this project's choice (documented in docs/cluster-description.md and in
   * examples/saas-12-hosts-120-vms.json).
   */
  static ClusterDescription saas() {
    return ClusterDescription.builder("SAAS")
        .workload(WorkloadDescription.builder("web", 10, 2).count(40).cores(2).iops(30).networkMbps(15).build())
        .workload(WorkloadDescription.builder("app", 20, 3).count(30).cores(2).iops(60).networkMbps(10).build())
        .workload(WorkloadDescription.builder("sql", 15, 4).count(20).cores(4).iops(400).networkMbps(20).diskGiB(100)
            .vcpus(2).build())
        .workload(WorkloadDescription.builder("infra", 8, 2.5).count(30).cores(2).iops(20).networkMbps(5)
            .guestOs(GuestOs.WINDOWS_SERVER_2003).build())
        .planning(new PlanningDescription(HostDescription.builder("hv").installation(Installation.SERVER_CORE)
            .cores(8).memoryGiB(32).guestNicPorts(1).heartbeatNetwork(true).iscsiNetwork(true)
            .osVersion("6.0.6002").servicePack(2).build(), 16, 80, 4000))
        .build();
  }

  @Test
  void theSeedsCaseOf120VirtualServersComesOutAt12Hosts() {
    CapacityPlan plan = CapacityPlanner.plan(saas().check());

    assertThat(plan.vmCount()).isEqualTo(120);
    assertThat(plan.activeHosts()).isEqualTo(11);
    assertThat(plan.totalHosts()).isEqualTo(12);
    assertThat(plan.clusters()).hasSize(1);
    assertThat(plan.feasible()).isTrue();
    assertThat(plan.arithmetic()).containsExactly(
        "120 VMs from 4 workloads need 325 GiB of memory, 36.8 cores of CPU, 11600 IOPS and 1450 Mbit/s",
        "host model 'hv': 32 GiB − 1 GiB for the SERVER_CORE parent partition = 31 GiB for VMs;"
            + " 8 cores × 80 % = 6.4 cores; 4000 IOPS",
        "lower bounds: memory ≥ 11 hosts (325 GiB / 31 GiB = 10.48), CPU ≥ 6 hosts (36.8 / 6.4 = 5.75),"
            + " disk I/O ≥ 3 hosts (11600 / 4000 = 2.9)",
        "packing the VMs largest first fills 11 hosts",
        "cluster reserve 1: 11 + 1 spare = 12 hosts in 1 cluster of at most 16 nodes",
        "cluster SAAS: 12 nodes, 120 VMs, 3 guest NIC ports a host (one per 4 VMs after 1 failure),"
            + " quorum NODE_AND_DISK_MAJORITY, reserve check: not over-committed");
  }

  @Test
  void theProposedClusterPassesValidationAndKeepsTheLastHostSpare() {
    ClusterDescription cluster = CapacityPlanner.plan(saas().check()).clusters().get(0).check();

    ValidationReport report = ConfigurationValidator.validate(cluster);

    assertThat(report.items()).allSatisfy(i -> assertThat(i.status()).as(i.toString()).isEqualTo(ValidationStatus.PASS));
    assertThat(cluster.hosts()).extracting(HostDescription::name).containsExactly("hv01", "hv02", "hv03", "hv04", "hv05",
        "hv06", "hv07", "hv08", "hv09", "hv10", "hv11", "hv12");
    assertThat(cluster.vms()).noneMatch(vm -> vm.preferredOwners().contains("hv12"));
    assertThat(cluster.vms().get(0).name()).isEqualTo("web-001");
    assertThat(cluster.storage().orElseThrow().mountPoints()).isTrue();
    assertThat(cluster.storage().orElseThrow().lun("lun-sql-001")).map(LunDescription::sizeGiB).contains(104.0);
    assertThat(cluster.effectiveQuorum()).isEqualTo(QuorumModel.NODE_AND_DISK_MAJORITY);
    assertThat(cluster.toSpec().vms()).hasSize(120);
  }

  @Test
  void noHostIsPackedBeyondItsMemoryCpuOrDiskIo() {
    ClusterDescription d = saas();
    ClusterDescription cluster = CapacityPlanner.plan(d.check()).clusters().get(0);

    for (HostDescription h : cluster.hosts()) {
      var mine = cluster.vms().stream().filter(vm -> vm.preferredOwners().contains(h.name())).toList();
      long memory = mine.stream().mapToLong(VmDescription::memoryBytes).sum();
      double cpu = mine.stream().mapToDouble(vm -> workload(d, vm).cpuCores()).sum();
      double iops = mine.stream().mapToDouble(vm -> workload(d, vm).iops()).sum();
      assertThat(memory).as(h.name()).isLessThanOrEqualTo(h.vmMemoryBytes());
      assertThat(cpu).as(h.name()).isLessThanOrEqualTo(6.4 + 1e-9);
      assertThat(iops).as(h.name()).isLessThanOrEqualTo(4000);
    }
  }

  @Test
  void morePlannedHostsThanOneClusterHoldsAreSplitIntoEvenClustersEachWithItsReserve() {
    ClusterDescription d = ClusterDescription.builder("BIG")
        .workload(WorkloadDescription.builder("vm", 10, 15).count(40).build())
        .build();

    CapacityPlan plan = CapacityPlanner.plan(d.check());

    assertThat(plan.activeHosts()).isEqualTo(20);
    assertThat(plan.clusters()).extracting(ClusterDescription::name).containsExactly("BIG-1", "BIG-2");
    assertThat(plan.clusters()).extracting(c -> c.hosts().size()).containsExactly(11, 11);
    assertThat(plan.totalHosts()).isEqualTo(22);
    assertThat(plan.clusters().get(1).hosts().get(0).name()).isEqualTo("hv12");
    assertThat(plan.clusters()).allSatisfy(c -> assertThat(ClusterReserve.evaluate(c).overCommitted()).isFalse());
  }

  @Test
  void aWorkloadTooLargeForTheHostModelIsUnplaceable() {
    ClusterDescription d = ClusterDescription.builder("X")
        .workload(WorkloadDescription.builder("huge", 10, 48).build())
        .workload(WorkloadDescription.builder("small", 10, 2).count(2).build())
        .build();

    CapacityPlan plan = CapacityPlanner.plan(d.check());

    assertThat(plan.feasible()).isFalse();
    assertThat(plan.unplaceable()).containsExactly("huge-001");
    assertThat(plan.activeHosts()).isEqualTo(1);
    assertThat(plan.clusters().get(0).hosts()).hasSize(2);
  }

  @Test
  void aLoneHostStillBecomesATwoNodeClusterWithoutAReserve() {
    ClusterDescription d = ClusterDescription.builder("TINY").reserve(0)
        .workload(WorkloadDescription.builder("vm", 5, 1).build()).build();

    CapacityPlan plan = CapacityPlanner.plan(d.check());

    assertThat(plan.activeHosts()).isEqualTo(1);
    assertThat(plan.totalHosts()).isEqualTo(2);
  }

  @Test
  void withoutWorkloadsThereIsNothingToPlan() {
    CapacityPlan plan = CapacityPlanner.plan(Fixtures.sound().check());

    assertThat(plan.vmCount()).isZero();
    assertThat(plan.clusters()).isEmpty();
    assertThat(plan.arithmetic()).last().isEqualTo("no workloads are described, so there is nothing to plan");
  }

  @Test
  void aReserveAsLargeAsTheLargestClusterCannotBePlanned() {
    ClusterDescription d = ClusterDescription.builder("X").reserve(2)
        .workload(WorkloadDescription.builder("vm", 5, 1).build())
        .planning(new PlanningDescription(PlanningDescription.defaultHostModel(), 2, 80, 0)).build();

    CapacityPlan plan = CapacityPlanner.plan(d.check());

    assertThat(plan.feasible()).isFalse();
    assertThat(plan.arithmetic()).last().isEqualTo("a cluster of at most 2 nodes cannot keep a reserve of 2 spare nodes");
  }

  @Test
  void planningTheSameDescriptionTwiceGivesTheSamePlan() {
    assertThat(CapacityPlanner.plan(saas())).isEqualTo(CapacityPlanner.plan(saas()));
  }

  private static WorkloadDescription workload(ClusterDescription d, VmDescription vm) {
    String name = vm.name().substring(0, vm.name().lastIndexOf('-'));
    Optional<WorkloadDescription> w = d.workloads().stream().filter(x -> x.name().equals(name)).findFirst();
    return w.orElseThrow();
  }
}
