package io.hvcluster.testkit.gen;

import org.apiguardian.api.API;

/**
 * How generated VMs keep their files on the shared storage.
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum StorageLayout {
  /** Each VM has a LUN of its own, so VMs fail over individually (the seed's advice). */
  LUN_PER_VM,
  /** Several VMs share ordinary LUNs, so VMs on one LUN form one group and move together. */
  SHARED_LUNS,
  /** VMs live on Cluster Shared Volumes, each VM a group of its own. */
  CSV
}
