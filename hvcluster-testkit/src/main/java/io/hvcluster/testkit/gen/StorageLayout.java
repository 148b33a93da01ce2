package io.hvcluster.testkit.gen;

/**
 * How generated VMs keep their files on the shared storage.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum StorageLayout {
  /** Each VM has a LUN of its own, so VMs fail over individually (the seed's advice). */
  LUN_PER_VM,
  /** Several VMs share ordinary LUNs, so VMs on one LUN form one group and move together. */
  SHARED_LUNS,
  /** VMs live on Cluster Shared Volumes, each VM a group of its own. */
  CSV
}
