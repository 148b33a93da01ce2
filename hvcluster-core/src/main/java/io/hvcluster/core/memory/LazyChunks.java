package io.hvcluster.core.memory;

import static io.hvcluster.api.GuestMemory.PAGE_SIZE;

import io.hvcluster.api.SavedStateInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the chunks of restored memory from an open saved memory file, each on its first access: the
 * chunk's stored pages are read with positional reads (never through a mapping of the saved file, so a
 * file truncated meanwhile is an exception, not a crash) straight into the memory's own mapping, and
 * checked against the header's CRC32C. A chunk that fails stays failed: every access to it throws the
 * same exception, a {@link io.hvcluster.api.CorruptSavedStateException} (or another
 * {@link IOException}) wrapped in an {@link UncheckedIOException}. The saved file is closed as soon as
 * every chunk is filled, or when the memory is closed.
 *
 * <p>Thread-safe: concurrent first accesses of a chunk fill it once.
 */
final class LazyChunks {
  private static final Logger LOG = LoggerFactory.getLogger(LazyChunks.class);
  private static final int PENDING = 0;
  private static final int FILLED = 1;
  private static final int FAILED = 2;

  private final SavedStateReader.Opened saved;
  private final AtomicIntegerArray state;
  private final IOException[] failures;
  private final ChunkCrc crc = new ChunkCrc();
  private int filled;
  private boolean closed;

  LazyChunks(SavedStateReader.Opened saved) {
    this.saved = saved;
    this.state = new AtomicIntegerArray(saved.header.chunkCount());
    this.failures = new IOException[saved.header.chunkCount()];
  }

  SavedStateInfo info() {
    return saved.header.info();
  }

  /** Returns the saved state's stored pages, which become the memory's touched set. */
  PageBitmap stored() {
    return saved.header.stored();
  }

  /**
   * Fills chunk {@code index} of {@code chunk} (the memory's mapping of it) unless done before.
   *
   * @throws UncheckedIOException when the chunk cannot be read or does not match its CRC32C
   */
  void ensureFilled(int index, ByteBuffer chunk) {
    if (state.get(index) == FILLED) {
      return;
    }
    synchronized (this) {
      if (state.get(index) == PENDING) {
        fill(index, chunk);
      }
      if (state.get(index) == FAILED) {
        throw new UncheckedIOException(failures[index]);
      }
    }
  }

  /** Fills every chunk now, as an eager restore does; throws the first failure. */
  void fillAll(java.util.function.IntFunction<ByteBuffer> chunks) throws IOException {
    for (int c = 0; c < state.length(); c++) {
      try {
        ensureFilled(c, chunks.apply(c));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  private void fill(int index, ByteBuffer chunk) {
    SavedStateHeader header = saved.header;
    long firstPage = (long) index * (header.chunkBytes() / PAGE_SIZE);
    int length = (int) Math.min(header.chunkBytes(), header.memoryBytes() - firstPage * PAGE_SIZE);
    try {
      if (closed) {
        throw new IOException("the saved memory file " + saved.file + " is closed");
      }
      int actual = SavedStateIo.readChunk(saved.channel, saved.file, header.stored(), firstPage, length,
          (page, pages) -> chunk.slice((int) ((page - firstPage) * PAGE_SIZE), pages * PAGE_SIZE), crc);
      SavedStateReader.checkChunk(saved.file, header, index, actual);
      state.set(index, FILLED);
      if (++filled == state.length()) {
        close();
      }
    } catch (IOException e) {
      failures[index] = e;
      state.set(index, FAILED);
    }
  }

  /** Closes the saved memory file; chunks not yet filled then fail on access. */
  synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        saved.close();
      } catch (IOException e) {
        LOG.debug("closing saved memory file {} failed", saved.file, e);
      }
    }
  }
}
