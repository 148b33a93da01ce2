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
   * Maps the saved memory file copy-on-write and verifies a chunk's checksum on its first access, as
   * Firecracker does; the restore itself costs about the same for any memory size, and the saved file
   * is never modified.
   */
  LAZY
}
