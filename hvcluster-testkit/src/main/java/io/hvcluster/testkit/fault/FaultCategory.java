package io.hvcluster.testkit.fault;

import org.apiguardian.api.API;

/**
 * The families of faults, which budgets and swarm mode treat as groups.
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
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
