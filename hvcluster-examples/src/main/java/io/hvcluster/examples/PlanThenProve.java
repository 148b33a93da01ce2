package io.hvcluster.examples;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageType;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.management.capacity.ClusterReserve;
import io.hvcluster.core.management.capacity.ReserveReport;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.HostDescription;
import io.hvcluster.core.management.description.LunDescription;
import io.hvcluster.core.management.description.StorageDescription;
import io.hvcluster.core.management.description.VmDescription;
import io.hvcluster.core.management.validation.ConfigurationValidator;
import io.hvcluster.core.management.validation.ValidationReport;
import io.hvcluster.core.management.validation.ValidationStatus;
import java.time.Duration;
import java.util.List;

/**
 * The management layer's answer, then the simulator's: a cluster is validated the way SCVMM 2008's
 * <i>Validate a Configuration</i> wizard would, its cluster reserve (one node) is checked with the
 * arithmetic SCVMM uses, and then the node the reserve check names as the worst loss really fails in a
 * simulation. The two agree: when the check says the cluster is over-committed, VMs stay down after the
 * failure; when it says the reserve holds, every VM runs again.
 *
 * <p>The same description serves both: the management layer reads it (it is the format of
 * docs/cluster-description.md, built here in code), and {@link ClusterDescription#toSpec} turns it into
 * the spec the simulator runs.
 *
 * <p>Run it with {@code java -cp hvcluster-examples/target/examples.jar io.hvcluster.examples.PlanThenProve}.
 */
public final class PlanThenProve {
  private PlanThenProve() {}

  /**
   * One cluster's verdicts.
   *
   * @param cluster the cluster's name
   * @param validation the validation's overall status
   * @param warnings the validation's warnings and failures, one line each
   * @param reserve the cluster reserve check
   * @param vmsRunning VMs running after the worst node failed, in the simulation
   * @param vms VMs in the cluster
   */
  public record Verdict(String cluster, ValidationStatus validation, List<String> warnings, ReserveReport reserve,
      int vmsRunning, int vms) {
    /** Returns whether the simulation agrees with the reserve check. */
    public boolean agree() {
      return reserve.overCommitted() == (vmsRunning < vms);
    }
  }

  /**
   * Returns the description of a three-node cluster as an administrator writes it: Server Core nodes of
   * 16 GiB with their own heartbeat and iSCSI networks, certified iSCSI storage with MPIO, {@code vms} VMs
   * of 4 GiB.
   */
  public static ClusterDescription cluster(String name, int vms) {
    ClusterDescription.Builder b = ClusterDescription.builder(name).quorum(QuorumModel.NODE_MAJORITY);
    for (int i = 1; i <= 3; i++) {
      b.host(HostDescription.builder("node" + i).installation(Installation.SERVER_CORE).osVersion("6.0.6002")
          .servicePack(2).memoryGiB(16).heartbeatNetwork(true).iscsiNetwork(true).build());
    }
    StorageDescription.Builder storage = StorageDescription.builder(StorageType.ISCSI).persistentReservations(true)
        .certified(true).mpio(true);
    for (int i = 1; i <= vms; i++) {
      storage.lun(LunDescription.data("lun-vm" + i, 40));
      b.vm(VmDescription.builder("vm" + i).memoryGiB(4).lun("lun-vm" + i).build());
    }
    return b.storage(storage.build()).build();
  }

  /** Validates a cluster, checks its reserve, and fails its worst node in a simulation. */
  public static Verdict check(ClusterDescription description) {
    ValidationReport validation = ConfigurationValidator.validate(description);
    List<String> warnings = validation.items().stream().filter(i -> i.status() != ValidationStatus.PASS)
        .map(i -> i.status() + " " + i.rule().id() + ": " + i.reason()).toList();
    ReserveReport reserve = ClusterReserve.evaluate(description, 1);
    ClusterSpec spec = description.toSpec();
    try (Simulation sim = Simulation.builder().seed(8).build()) {
      Cluster cluster = sim.createCluster(spec);
      cluster.form();
      cluster.startAllVms();
      sim.runFor(Duration.ofMinutes(5));
      reserve.failedHosts().forEach(h -> sim.faults(cluster).crashHost(HostId.of(h)));
      sim.runFor(Duration.ofMinutes(15));
      int running = (int) cluster.vms().stream().filter(vm -> vm.state() == VmState.RUNNING).count();
      return new Verdict(spec.name(), validation.status(), warnings, reserve, running, spec.vms().size());
    }
  }

  /**
   * Checks a cluster that keeps its reserve (six VMs) and one that does not (eight).
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    for (ClusterDescription description : List.of(cluster("ROOMY", 6), cluster("TIGHT", 8))) {
      Verdict v = check(description);
      System.out.println(v.cluster() + ": validation " + v.validation() + (v.warnings().isEmpty() ? "" : ":"));
      v.warnings().forEach(w -> System.out.println("  " + w));
      System.out.println("  reserve check: " + (v.reserve().overCommitted() ? "OVER-COMMITTED" : "holds") + "; "
          + v.reserve().explanation());
      System.out.println("  simulation: " + v.reserve().failedHosts() + " fails, " + v.vmsRunning() + " of " + v.vms()
          + " VMs run again; " + (v.agree() ? "the check and the simulation agree" : "THEY DISAGREE"));
    }
  }
}
