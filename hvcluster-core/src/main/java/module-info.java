/**
 * The hvcluster engine: the deterministic simulation kernel, the failover engine, shared storage and
 * quorum, guest memory on memory-mapped files with saved-state files, migration strategies, placement,
 * and the management layer. Entry point: {@link io.hvcluster.core.Simulation}.
 *
 * <p>The deliberate defects ({@code io.hvcluster.core.defect}) are exported only to the testkit, the
 * campaign module and the command-line tool, which are built after this module: "module" warnings are
 * suppressed because javac cannot find those modules yet.
 */
@SuppressWarnings("module")
module io.hvcluster.core {
  requires static transitive org.apiguardian.api;
  requires transitive io.hvcluster.api;
  requires org.slf4j;
  requires jdk.unsupported;

  exports io.hvcluster.core;
  exports io.hvcluster.core.placement;
  exports io.hvcluster.core.migration;
  exports io.hvcluster.core.report;
  exports io.hvcluster.core.fleet;
  exports io.hvcluster.core.memory;
  exports io.hvcluster.core.management.description;
  exports io.hvcluster.core.management.validation;
  exports io.hvcluster.core.management.capacity;
  exports io.hvcluster.core.management.vmm;
  exports io.hvcluster.core.defect to io.hvcluster.testkit, io.hvcluster.campaign, io.hvcluster.cli;

}
