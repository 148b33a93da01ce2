package io.hvcluster.core;

/**
 * Deliberate defects that break the failover engine in known ways, so that a test suite can prove its
 * invariant checkers catch them. Never enable one outside such a test.
 */
public enum Defect {
  /** Start VMs on a new node without arbitrating their LUNs: a VM may then run where its disk is not owned. */
  SKIP_STORAGE_ARBITRATION,
  /** Nodes that lose quorum keep their cluster service and VMs running. */
  IGNORE_QUORUM
}
