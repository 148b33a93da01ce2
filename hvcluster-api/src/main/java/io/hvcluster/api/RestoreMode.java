package io.hvcluster.api;

import org.apiguardian.api.API;

/**
 * How a saved state is brought back into guest memory.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum RestoreMode {
  /**
   * Copies every stored page into fresh memory and verifies every chunk's checksum before the VM runs;
   * the cost grows with the stored bytes.
   */
  EAGER,
  /**
   * Copies and verifies each chunk of the saved memory on its first access, as Firecracker faults
   * memory in on demand; the restore itself costs about the same for any memory size, and the saved
   * file is never modified (nor mapped, so a later change to it is an error, not a crash).
   */
  LAZY
}
