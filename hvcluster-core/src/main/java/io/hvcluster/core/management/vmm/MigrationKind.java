package io.hvcluster.core.management.vmm;

import org.apiguardian.api.API;

/**
 * How a rebalancing suggestion moved a VM, before the library had one list of kinds.
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @deprecated the library has one list of migration kinds, {@link io.hvcluster.api.migration.MigrationKind},
 *     which {@link RebalanceSuggestion} and {@link VirtualMachineManager} use; kept for one version
 *     (CHANGELOG.md)
 * @since 0.1.0
 */
@API(status = API.Status.DEPRECATED, since = "0.1.0")
@Deprecated(since = "0.1.0", forRemoval = true)
public enum MigrationKind {
  /** Live migration (Windows Server 2008 R2): memory pre-copied while the VM runs; suggested for VMs on CSV. */
  LIVE,
  /** Quick Migration: save state to the shared LUN, move the LUN, restore; the seed's planned move. */
  QUICK,
  /** Shut down, move the LUN, boot. */
  COLD;

  /**
   * Returns the same kind in the library's one list.
   *
   * @return the kind
   */
  public io.hvcluster.api.migration.MigrationKind kind() {
    return io.hvcluster.api.migration.MigrationKind.valueOf(name());
  }
}
