package io.hvcluster.examples;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A what-if capacity check: "which two node losses can my cluster survive?" For every pair of nodes of
 * a five-node cluster, a fresh simulation with the same seed forms the cluster, starts its ten VMs,
 * cuts the power of both nodes at once and lets the cluster fail over for fifteen minutes; then it
 * counts the VMs that run again.
 *
 * <p>Two of the nodes are big (48 GiB) and three small (24 GiB). With node majority, any two losses
 * leave three of five votes, so quorum always survives; whether every VM runs again is a question of
 * memory. Adding up the memory left says that losing a big and a small node is fine (93 GiB for 80 GiB
 * of VMs), but whole 8 GiB VMs do not pack that way: five fit on a big node and two on a small one. The
 * simulation answers the way the cluster would, placing each VM with memory as a hard requirement, and
 * the program prints both answers side by side.
 *
 * <p>Run it with {@code java -cp hvcluster-examples/target/examples.jar io.hvcluster.examples.WhatIfTwoNodesFail}.
 */
public final class WhatIfTwoNodesFail {
  private static final int VMS = 10;
  private static final int VM_GIB = 8;

  private WhatIfTwoNodesFail() {}

  /**
   * What became of the cluster after two nodes failed.
   *
   * @param lost the two nodes that failed
   * @param running VMs running at the end
   * @param total VMs in the cluster
   * @param quorum whether the cluster kept quorum
   * @param down the VMs not running at the end
   * @param totalsSayFits whether the memory left for VMs, added up, is at least what the VMs need
   */
  public record Outcome(List<HostId> lost, int running, int total, boolean quorum, List<VmId> down,
      boolean totalsSayFits) {
    /** Returns whether every VM runs again. */
    public boolean survived() {
      return quorum && running == total;
    }

    /** Returns the outcome in one line. */
    public String line() {
      return lost.get(0) + " + " + lost.get(1) + " fail: " + running + " of " + total + " VMs running, quorum "
          + (quorum ? "kept" : "LOST") + "; adding up memory says " + (totalsSayFits ? "fits" : "does not fit")
          + (down.isEmpty() ? "" : "; down: " + down);
    }
  }

  /** Returns the cluster: two big and three small Server Core nodes, ten 8 GiB VMs, one LUN each. */
  public static ClusterSpec cluster() {
    ClusterSpec.Builder b = ClusterSpec.builder("WHATIF").quorum(QuorumModel.NODE_MAJORITY);
    for (int i = 1; i <= 5; i++) {
      b.host(HostSpec.builder("node" + i).memoryGiB(i <= 2 ? 48 : 24).installation(Installation.SERVER_CORE).build());
    }
    List<LunSpec> luns = new ArrayList<>();
    for (int i = 1; i <= VMS; i++) {
      String vm = String.format("vm%02d", i);
      luns.add(LunSpec.data("lun-" + vm, 60));
      b.vm(VmSpec.builder(vm).memoryGiB(VM_GIB).lun("lun-" + vm).build());
    }
    return b.storage(StorageSpec.iscsi(luns)).build();
  }

  /** Returns the outcome of every pair of node losses, in node order. */
  public static List<Outcome> run(long seed) {
    ClusterSpec spec = cluster();
    List<Outcome> outcomes = new ArrayList<>();
    for (int a = 0; a < spec.hosts().size(); a++) {
      for (int b = a + 1; b < spec.hosts().size(); b++) {
        outcomes.add(lose(spec, seed, spec.hosts().get(a).id(), spec.hosts().get(b).id()));
      }
    }
    return outcomes;
  }

  private static Outcome lose(ClusterSpec spec, long seed, HostId first, HostId second) {
    try (Simulation sim = Simulation.builder().seed(seed).build()) {
      Cluster cluster = sim.createCluster(spec);
      cluster.form();
      cluster.startAllVms();
      sim.runFor(Duration.ofMinutes(5));
      sim.faults(cluster).crashHost(first);
      sim.faults(cluster).crashHost(second);
      sim.runFor(Duration.ofMinutes(15));
      List<VmId> down = cluster.vms().stream().filter(vm -> vm.state() != VmState.RUNNING)
          .map(VirtualMachine::id).toList();
      long left = spec.hosts().stream().filter(h -> !h.id().equals(first) && !h.id().equals(second))
          .mapToLong(HostSpec::vmMemoryBytes).sum();
      long needed = spec.vms().stream().mapToLong(VmSpec::memoryBytes).sum();
      return new Outcome(List.of(first, second), cluster.vms().size() - down.size(), cluster.vms().size(),
          cluster.quorum().hasQuorum(), down, left >= needed);
    }
  }

  /**
   * Prints the outcome of every pair, then the pairs the cluster does not survive.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    List<Outcome> outcomes = run(42);
    outcomes.forEach(o -> System.out.println(o.line()));
    List<String> fatal = outcomes.stream().filter(o -> !o.survived()).map(o -> o.lost().toString()).toList();
    System.out.println(fatal.isEmpty() ? "the cluster survives any two node losses"
        : "the cluster survives every pair but " + String.join(", ", fatal));
  }
}
