package io.hvcluster.core.memory;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.PageSet;
import io.hvcluster.api.VmId;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * What real and modeled memory share: bounds and use-after-close checks, the touched set and the dirty
 * bitmap with get-and-clear harvesting. Subclasses move the bytes.
 *
 * <p>Not thread-safe, except that {@link #close()} may race any access from another thread without
 * harm: every access to the bytes holds a read lock ({@link #enter()}) and close takes the write lock,
 * so it waits for accesses in progress (a mapping released under a reader would crash the JVM) and
 * later ones fail with {@link IllegalStateException}.
 */
abstract sealed class BitmapGuestMemory implements GuestMemory permits MappedGuestMemory, ModeledGuestMemory {
  /** A page of zeros for reads of untouched pages; read-only, used with absolute bulk gets only. */
  private static final ByteBuffer ZERO_PAGE = ByteBuffer.allocateDirect(PAGE_SIZE).asReadOnlyBuffer();

  private final VmId vm;
  private final long sizeBytes;
  PageBitmap touched;
  private PageBitmap dirty;
  private volatile boolean closed;
  private final ReentrantReadWriteLock access = new ReentrantReadWriteLock();

  BitmapGuestMemory(VmId vm, long sizeBytes) {
    this.vm = vm;
    this.sizeBytes = sizeBytes;
    this.touched = new PageBitmap(sizeBytes / PAGE_SIZE);
    this.dirty = new PageBitmap(sizeBytes / PAGE_SIZE);
  }

  /** Copies one page from {@code src} (position advanced) into the backing store. */
  abstract void store(long page, ByteBuffer src);

  /** Copies one touched page from the backing store into {@code dst} (position advanced). */
  abstract void load(long page, ByteBuffer dst);

  /** Releases the backing store; called once, by {@link #close()}. */
  abstract void release();

  @Override
  public final VmId vm() {
    return vm;
  }

  @Override
  public final long sizeBytes() {
    return sizeBytes;
  }

  @Override
  public final void writePage(long page, ByteBuffer src) {
    checkOpen();
    checkPage(page);
    if (src.remaining() < PAGE_SIZE) {
      throw new IllegalArgumentException("a page write needs " + PAGE_SIZE + " bytes; the buffer has "
          + src.remaining() + " remaining");
    }
    enter();
    try {
      store(page, src);
    } finally {
      exit();
    }
    touched.set(page);
    dirty.set(page);
  }

  @Override
  public final void readPage(long page, ByteBuffer dst) {
    checkOpen();
    checkPage(page);
    if (dst.remaining() < PAGE_SIZE) {
      throw new IllegalArgumentException("a page read needs room for " + PAGE_SIZE + " bytes; the buffer has "
          + dst.remaining() + " remaining");
    }
    if (touched.contains(page)) {
      enter();
      try {
        load(page, dst);
      } finally {
        exit();
      }
    } else {
      dst.put(dst.position(), ZERO_PAGE, 0, PAGE_SIZE);
      dst.position(dst.position() + PAGE_SIZE);
    }
  }

  @Override
  public final boolean isTouched(long page) {
    checkOpen();
    checkPage(page);
    return touched.contains(page);
  }

  @Override
  public final boolean isDirty(long page) {
    checkOpen();
    checkPage(page);
    return dirty.contains(page);
  }

  @Override
  public final long touchedPageCount() {
    return touched.count();
  }

  @Override
  public final long dirtyPageCount() {
    return dirty.count();
  }

  @Override
  public final PageSet touchedPages() {
    checkOpen();
    return touched.copy();
  }

  @Override
  public final PageSet harvestDirty() {
    checkOpen();
    PageBitmap harvested = dirty;
    dirty = new PageBitmap(pageCount());
    return harvested;
  }

  @Override
  public final boolean isClosed() {
    return closed;
  }

  /**
   * Closes the memory. Safe from any thread at any time: it waits for accesses in progress to end.
   *
   * @throws IllegalStateException when called by a thread in the middle of an access of this memory
   */
  @Override
  public final void close() {
    if (access.getReadHoldCount() > 0) {
      throw new IllegalStateException("guest memory of VM '" + vm + "' cannot be closed from inside an access");
    }
    access.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        release();
      }
    } finally {
      access.writeLock().unlock();
    }
  }

  /**
   * Starts an access of the bytes: until {@link #exit()}, close waits. Reentrant.
   *
   * @throws IllegalStateException when the memory is closed
   */
  final void enter() {
    access.readLock().lock();
    if (closed) {
      access.readLock().unlock();
      throw closedException();
    }
  }

  /** Ends an access started by {@link #enter()}. */
  final void exit() {
    access.readLock().unlock();
  }

  private IllegalStateException closedException() {
    return new IllegalStateException("guest memory of VM '" + vm + "' is closed");
  }

  final void checkOpen() {
    if (closed) {
      throw closedException();
    }
  }

  final void checkPage(long page) {
    if (page < 0 || page >= pageCount()) {
      throw new IndexOutOfBoundsException("page " + page + " is outside the memory of VM '" + vm + "', which has "
          + pageCount() + " pages (0 to " + (pageCount() - 1) + ")");
    }
  }

  @Override
  public String toString() {
    return backing() + " memory of VM '" + vm + "', " + sizeBytes + " bytes, " + touched.count() + " pages touched"
        + (closed ? ", closed" : "");
  }
}
