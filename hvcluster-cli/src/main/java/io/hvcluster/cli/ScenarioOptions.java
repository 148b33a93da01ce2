package io.hvcluster.cli;

import io.hvcluster.core.defect.Defect;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that say which torture scenarios run, shared by {@code torture} and {@code campaign torture}
 * so that the same options give the same scenarios in both.
 */
final class ScenarioOptions {
  @Option(names = "--nodes", paramLabel = "N", defaultValue = "4", description = "Nodes per cluster, 2 to 16"
      + " (default: ${DEFAULT-VALUE}).")
  @Range(min = 2, max = 16)
  int nodes;

  @Option(names = "--vms", paramLabel = "M", defaultValue = "20", description = "VMs per cluster (default:"
      + " ${DEFAULT-VALUE}; 1 to 1000).")
  @Range(min = 1, max = 1000)
  int vms;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", converter = SeedOption.class,
      description = "Seed, decimal or hex like 0x1F (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--max-faults", paramLabel = "F", defaultValue = "4", description = "Most faults per plan"
      + " (default: ${DEFAULT-VALUE}; 0 to 20).")
  @Range(min = 0, max = 20)
  int maxFaults;

  @Option(names = "--wide", description = "Draw each scenario's topology (2 to 16 nodes), memory pressure, fault"
      + " count and spacing (up to twice --max-faults, within up to 10 minutes) and failover policies, in swarm"
      + " fashion; --nodes and --vms are then ignored. For long campaigns (docs/property-testing.md).")
  boolean wide;

  @Option(names = "--defect", paramLabel = "DEFECT", description = "Enable a deliberate engine defect, to see the"
      + " checkers catch it: ${COMPLETION-CANDIDATES}.")
  List<Defect> defects = List.of();

  /**
   * Returns the header's topology: the node and VM counts, or the wide generator's range.
   *
   * @return the topology in words
   */
  String topology() {
    return wide ? "wide (2 to 16 nodes, drawn policies)" : nodes + " nodes, " + vms + " VMs";
  }

  /**
   * Returns the most faults a plan has: twice {@code --max-faults} with {@code --wide}.
   *
   * @return the fault budget
   */
  int planFaults() {
    return wide ? 2 * maxFaults : maxFaults;
  }
}
