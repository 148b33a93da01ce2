package io.hvcluster.api;

import java.nio.ByteBuffer;
import org.apiguardian.api.API;

/**
 * The memory of one virtual machine, in 4 KiB pages, with a touched-page set and a dirty-page bitmap.
 *
 * <p>Backing {@link MemoryBacking#REAL} keeps real bytes in a sparse memory-mapped file, so only
 * touched pages cost RAM or disk; {@link MemoryBacking#MODELED} keeps sizes and page accounting only.
 * Both have the same API: a modeled memory accepts {@link #writePage writes} (it records the page as
 * touched and dirty and drops the bytes) and {@link #readPage reads} every page as zeros.
 *
 * <p>A page is <em>touched</em> once it has been written and stays so; a page is <em>dirty</em> from its
 * next write until the dirty set is {@link #harvestDirty() harvested}. Harvesting returns the dirty set
 * and clears it in one step, like KVM's {@code GET_DIRTY_LOG} followed by {@code CLEAR_DIRTY_LOG}, so a
 * pre-copy migration round sends what it harvested and the next round sees only later writes. Pages
 * that were never touched read as zeros.
 *
 * <p>A migration strategy copies memory with this interface alone:
 * <pre>{@code
 * ByteBuffer page = ByteBuffer.allocateDirect(GuestMemory.PAGE_SIZE);
 * PageSet dirty = source.harvestDirty();
 * for (long p = dirty.nextPage(0); p >= 0; p = dirty.nextPage(p + 1)) {
 *   source.readPage(p, page.clear());
 *   target.writePage(p, page.flip());
 * }
 * }</pre>
 *
 * <p>Memory restored lazily from a saved state verifies each chunk's checksum on its first access; a
 * chunk that fails makes that access, and every later access to the chunk, throw
 * {@link java.io.UncheckedIOException} wrapping a {@link CorruptSavedStateException}.
 *
 * <p>Access after {@link #close()} throws {@link IllegalStateException} instead of touching unmapped
 * memory. Not thread-safe: a guest memory belongs to the simulation that created it and is used from
 * its thread.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface GuestMemory extends AutoCloseable {
  /** The page size, 4 KiB, as on x64 Hyper-V. */
  int PAGE_SIZE = 4096;

  /**
   * Returns the VM whose memory this is.
   *
   * @return the VM's identifier
   */
  VmId vm();

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
   * Writes one whole page: copies {@link #PAGE_SIZE} bytes from {@code src}, starting at its position,
   * which advances by {@link #PAGE_SIZE}. The page becomes touched and dirty. A modeled memory drops
   * the bytes but still consumes them.
   *
   * @param page the page number, from 0 to {@code pageCount() - 1}
   * @param src holds at least {@link #PAGE_SIZE} remaining bytes
   * @throws IndexOutOfBoundsException when the page number is out of range
   * @throws IllegalArgumentException when {@code src} has fewer than {@link #PAGE_SIZE} bytes remaining
   * @throws IllegalStateException when the memory is closed
   * @throws java.io.UncheckedIOException wrapping {@link CorruptSavedStateException} when lazily
   *     restored memory finds the page's chunk corrupt
   */
  void writePage(long page, ByteBuffer src);

  /**
   * Reads one whole page into {@code dst} at its position, which advances by {@link #PAGE_SIZE}.
   * Untouched pages, and every page of a modeled memory, read as zeros. Reading changes neither the
   * touched nor the dirty set.
   *
   * @param page the page number, from 0 to {@code pageCount() - 1}
   * @param dst has room for at least {@link #PAGE_SIZE} bytes
   * @throws IndexOutOfBoundsException when the page number is out of range
   * @throws IllegalArgumentException when {@code dst} has less than {@link #PAGE_SIZE} bytes remaining
   * @throws IllegalStateException when the memory is closed
   * @throws java.io.UncheckedIOException wrapping {@link CorruptSavedStateException} when lazily
   *     restored memory finds the page's chunk corrupt
   */
  void readPage(long page, ByteBuffer dst);

  /**
   * Returns whether a page has ever been written (for restored memory: whether the saved state held
   * it).
   *
   * @param page the page number, from 0 to {@code pageCount() - 1}
   * @return true when touched
   * @throws IndexOutOfBoundsException when the page number is out of range
   * @throws IllegalStateException when the memory is closed
   */
  boolean isTouched(long page);

  /**
   * Returns whether a page was written since the dirty set was last harvested.
   *
   * @param page the page number, from 0 to {@code pageCount() - 1}
   * @return true when dirty
   * @throws IndexOutOfBoundsException when the page number is out of range
   * @throws IllegalStateException when the memory is closed
   */
  boolean isDirty(long page);

  /**
   * Returns the number of pages that have ever been written.
   *
   * @return touched pages
   */
  long touchedPageCount();

  /**
   * Returns the number of pages written since the dirty set was last harvested.
   *
   * @return dirty pages
   */
  long dirtyPageCount();

  /**
   * Returns a snapshot of the touched pages; later writes do not change it.
   *
   * @return the touched pages
   * @throws IllegalStateException when the memory is closed
   */
  PageSet touchedPages();

  /**
   * Returns the dirty pages and clears the dirty set in the same step (get and clear). Pages written
   * afterwards appear in the next harvest only.
   *
   * @return the pages written since the previous harvest; owned by the caller, never changed later
   * @throws IllegalStateException when the memory is closed
   */
  PageSet harvestDirty();

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
