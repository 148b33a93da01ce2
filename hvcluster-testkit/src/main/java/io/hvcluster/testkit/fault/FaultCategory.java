package io.hvcluster.testkit.fault;

/**
 * The families of faults, which budgets and swarm mode treat as groups.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum FaultCategory {
  /** Whole-node faults: crash, power loss, hang, cluster-service crash. */
  HOST,
  /** Faults of single VMs: worker crash, guest hang. */
  VM,
  /** Network faults: partitions of every shape, one-way links, heartbeat-only faults, clogging. */
  NETWORK,
  /** Storage faults: paths, LUNs, latency, errors, lost or torn writes, corruption, reservations, witness. */
  STORAGE,
  /** Faults that strike at a phase of a migration. */
  MIGRATION
}
