package io.hvcluster.core.management.vmm;

/**
 * How a rebalancing suggestion moves a VM. The manager maps each kind to a
 * {@link io.hvcluster.api.migration.MigrationStrategy} when the suggestion is applied.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum MigrationKind {
  /** Live migration (Windows Server 2008 R2): memory pre-copied while the VM runs; suggested for VMs on CSV. */
  LIVE,
  /** Quick Migration: save state to the shared LUN, move the LUN, restore; the seed's planned move. */
  QUICK,
  /** Shut down, move the LUN, boot. */
  COLD
}
