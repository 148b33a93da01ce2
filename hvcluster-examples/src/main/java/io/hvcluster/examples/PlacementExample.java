package io.hvcluster.examples;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.Host;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.placement.Placements;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plugs a custom placement policy into a cluster: three Server Core nodes of 16, 32 and 64 GiB and
 * twelve 4 GiB VMs, placed once by Windows Server 2008's policy (the fewest groups: four VMs each, so the
 * small node is full and the big one a quarter used) and once by {@link BalancedMemoryPlacement} (each
 * node about the same share in use). Then node2 fails, and both policies place its VMs on what is
 * left.
 *
 * <p>Run it with {@code java -cp hvcluster-examples/target/examples.jar io.hvcluster.examples.PlacementExample}.
 */
public final class PlacementExample {
  private PlacementExample() {}

  /** Returns the cluster: nodes of 16, 32 and 64 GiB, twelve 4 GiB VMs. */
  public static ClusterSpec cluster() {
    ClusterSpec.Builder b = ClusterSpec.builder("MIXED");
    int[] sizes = {16, 32, 64};
    for (int i = 0; i < sizes.length; i++) {
      b.host(HostSpec.builder("node" + (i + 1)).memoryGiB(sizes[i] + 1).installation(Installation.SERVER_CORE).build());
    }
    List<LunSpec> luns = new ArrayList<>(List.of(LunSpec.witness("witness")));
    for (int i = 1; i <= 12; i++) {
      String vm = String.format("vm%02d", i);
      luns.add(LunSpec.data("lun-" + vm, 40));
      b.vm(VmSpec.builder(vm).memoryGiB(4).lun("lun-" + vm).build());
    }
    return b.storage(StorageSpec.iscsi(luns)).build();
  }

  /**
   * Returns each node's share of VM memory in use, after the VMs start and after node2 fails.
   *
   * @param policy the placement policy to use
   * @return "started" and "after node2 fails", each a map of node name to share in use (0 to 1)
   */
  public static Map<String, Map<String, Double>> run(PlacementPolicy policy) {
    Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
    try (Simulation sim = Simulation.builder().seed(3).build()) {
      Cluster cluster = sim.createCluster(cluster());
      cluster.setPlacementPolicy(policy);
      cluster.form();
      cluster.startAllVms();
      sim.runFor(Duration.ofMinutes(5));
      shares.put("started", shares(cluster));
      sim.faults(cluster).crashHost(cluster.host("node2").id());
      sim.runFor(Duration.ofMinutes(10));
      shares.put("after node2 fails", shares(cluster));
    }
    return shares;
  }

  private static Map<String, Double> shares(Cluster cluster) {
    Map<String, Double> shares = new LinkedHashMap<>();
    for (Host h : cluster.hosts()) {
      shares.put(h.id().name(), h.isRunning() ? BalancedMemoryPlacement.shareAfter(h, 0) : 0);
    }
    return shares;
  }

  /**
   * Prints the shares in use under both policies.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    for (PlacementPolicy policy : List.of(Placements.wsfcDefault(), new BalancedMemoryPlacement())) {
      run(policy).forEach((moment, shares) -> {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s %-18s", policy.name(), moment));
        shares.forEach((node, share) -> line.append(String.format(Locale.ROOT, "  %s %3.0f %%", node, share * 100)));
        System.out.println(line);
      });
    }
  }
}
