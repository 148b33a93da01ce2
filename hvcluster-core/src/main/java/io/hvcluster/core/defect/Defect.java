package io.hvcluster.core.defect;

import org.apiguardian.api.API;

/**
 * Deliberate defects that break the failover engine in known ways, so that a test suite can prove its
 * invariant checkers catch them. Never enable one outside such a test.
 *
 * <p>This package is exported only to the testkit and the command-line tool: an embedding application
 * cannot name a defect, and so cannot switch one on by accident. Each defect bends the engine at one
 * gate; {@link Defects} says which.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum Defect {
  /** Start VMs on a new node without arbitrating their LUNs: a VM may then run where its disk is not owned. */
  SKIP_STORAGE_ARBITRATION,
  /** Nodes that lose quorum keep their cluster service and VMs running. */
  IGNORE_QUORUM,
  /** Paused nodes still take groups: failovers and initial placement may put a group on a paused node. */
  PLACE_ON_PAUSED_NODES
}
