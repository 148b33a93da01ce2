package io.hvcluster.core.cluster.model;

import io.hvcluster.api.GuestMemory;
import org.apiguardian.api.API;

/**
 * What a VM asks of the memory adapter (modeled or real, in {@code cluster.memory}): its guest memory
 * now, and the release of that memory when its instance ends.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface MemoryPort {
  /**
   * Returns the VM's memory, materialized (with its guest's writes so far) on first use.
   *
   * @param vm the VM
   * @return its memory, or null when its instance holds none
   */
  GuestMemory memory(SimVm vm);

  /**
   * The VM's instance holds no memory any more: its memory is released.
   *
   * @param vm the VM
   */
  void instanceEnded(SimVm vm);
}
