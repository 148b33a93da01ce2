package io.hvcluster.api;

/**
 * The memory of one virtual machine, in 4 KiB pages, with a dirty-page bitmap.
 *
 * <p>Backing {@link MemoryBacking#REAL} keeps real bytes in a sparse memory-mapped file, so only
 * touched pages cost RAM or disk; {@link MemoryBacking#MODELED} keeps sizes and page accounting only.
 * Both have the same API. Access after {@link #close()} throws {@link IllegalStateException} instead
 * of touching unmapped memory.
 *
 * <p>Not thread-safe: a guest memory belongs to the simulation that created it and is used from its
 * thread.
 */
public interface GuestMemory extends AutoCloseable {
  /** The page size, 4 KiB, as on x64 Hyper-V. */
  int PAGE_SIZE = 4096;

  /**
   * Returns the size of guest memory.
   *
   * @return bytes, a multiple of {@link #PAGE_SIZE}
   */
  long sizeBytes();

  /**
   * Returns the number of pages.
   *
   * @return {@code sizeBytes() / PAGE_SIZE}
   */
  default long pageCount() {
    return sizeBytes() / PAGE_SIZE;
  }

  /**
   * Returns how this memory is backed.
   *
   * @return real or modeled
   */
  MemoryBacking backing();

  /**
   * Returns the number of pages that have ever been written.
   *
   * @return touched pages
   */
  long touchedPageCount();

  /**
   * Returns the number of pages written since the dirty bitmap was last harvested.
   *
   * @return dirty pages
   */
  long dirtyPageCount();

  /**
   * Returns whether {@link #close()} has been called.
   *
   * @return true once closed
   */
  boolean isClosed();

  /** Releases the memory (and unmaps its file for real backing); later access throws. Idempotent. */
  @Override
  void close();
}
