package io.hvcluster.api;

import org.apiguardian.api.API;

/**
 * Describes one committed saved state of a VM: what its header says, after it was validated.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param vm the VM the state belongs to
 * @param generation the save's generation, 1 for the first save into a directory, then one more per save
 * @param memoryBytes the VM's memory size
 * @param pageSize the page size, {@link GuestMemory#PAGE_SIZE}
 * @param chunkBytes the checksummed chunk size, a power of two of at most 1 GiB
 * @param chunkCount the number of chunks, {@code ceil(memoryBytes / chunkBytes)}
 * @param storedPages the pages held in the memory file; the others were zero or untouched and are holes
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record SavedStateInfo(
    VmId vm, long generation, long memoryBytes, int pageSize, int chunkBytes, int chunkCount, long storedPages) {
  /**
   * Creates a description after checking that its numbers are consistent.
   *
   * @param vm the VM the state belongs to
   * @param generation the save's generation, 1 or more
   * @param memoryBytes the VM's memory size, a positive multiple of the page size
   * @param pageSize the page size, {@link GuestMemory#PAGE_SIZE}
   * @param chunkBytes the checksummed chunk size, a power of two from the page size to 1 GiB
   * @param chunkCount the number of chunks, {@code ceil(memoryBytes / chunkBytes)}
   * @param storedPages the pages held in the memory file, from 0 to the page count
   * @throws IllegalArgumentException when a value is out of range or inconsistent with the others
   */
  public SavedStateInfo {
    if (vm == null) {
      throw new IllegalArgumentException("saved-state VM is missing");
    }
    if (generation < 1) {
      throw new IllegalArgumentException("saved-state generation is " + generation + "; it must be 1 or more");
    }
    if (pageSize != GuestMemory.PAGE_SIZE) {
      throw new IllegalArgumentException("page size is " + pageSize + "; it must be " + GuestMemory.PAGE_SIZE);
    }
    if (memoryBytes <= 0 || memoryBytes % pageSize != 0) {
      throw new IllegalArgumentException("memory size is " + memoryBytes + "; it must be a positive multiple of "
          + pageSize);
    }
    if (chunkBytes < pageSize || chunkBytes > (1 << 30) || Integer.bitCount(chunkBytes) != 1) {
      throw new IllegalArgumentException("chunk size is " + chunkBytes + "; it must be a power of two from "
          + pageSize + " to 1 GiB");
    }
    if (chunkCount != (memoryBytes + chunkBytes - 1) / chunkBytes) {
      throw new IllegalArgumentException("chunk count is " + chunkCount + "; " + memoryBytes + " bytes in chunks of "
          + chunkBytes + " need " + (memoryBytes + chunkBytes - 1) / chunkBytes);
    }
    if (storedPages < 0 || storedPages > memoryBytes / pageSize) {
      throw new IllegalArgumentException("stored page count is " + storedPages + "; it must be 0 to "
          + memoryBytes / pageSize);
    }
  }

  /**
   * Returns the bytes of memory held in the memory file.
   *
   * @return {@code storedPages * pageSize}
   */
  public long storedBytes() {
    return storedPages * pageSize;
  }
}
