package io.hvcluster.core.memory;

import static io.hvcluster.api.GuestMemory.PAGE_SIZE;

import io.hvcluster.api.CorruptSavedStateException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Small I/O steps shared by saving, restoring and verifying: walking runs of stored pages, whole-buffer
 * positional reads and writes, and reading and checking one chunk.
 *
 * <p>Stateless and thread-safe.
 */
final class SavedStateIo {
  /** Stored pages are moved and checksummed in runs of at most 8 MiB: large writes, still cache-friendly. */
  static final int MAX_RUN_PAGES = 2048;

  /** Receives one run of consecutive pages. */
  @FunctionalInterface
  interface RunAction {
    void run(long firstPage, int pages) throws IOException;
  }

  private SavedStateIo() {}

  /** Calls {@code action} for maximal runs (at most {@link #MAX_RUN_PAGES}) of pages in {@code set} within [from, to). */
  static void forEachRun(PageBitmap set, long from, long to, RunAction action) throws IOException {
    long page = set.nextPage(from);
    while (page >= 0 && page < to) {
      long end = page + 1;
      while (end < to && end - page < MAX_RUN_PAGES && set.contains(end)) {
        end++;
      }
      action.run(page, (int) (end - page));
      page = set.nextPage(end);
    }
  }

  /** Gives the buffer a run of stored pages is read into: empty, with room for exactly the run. */
  @FunctionalInterface
  interface RunBuffer {
    ByteBuffer forRun(long firstPage, int pages);
  }

  /**
   * Reads the stored pages of one chunk with positional reads (never through a mapping, so a file that
   * shrinks meanwhile is an exception, not a crash), rejects the first stored page that holds only zeros
   * (a save never stores one, so it marks a lying header over holes), and returns the chunk's CRC32C
   * with unstored pages counted as zeros.
   *
   * @param firstPage the chunk's first page
   * @param chunkLength the chunk's length in bytes
   */
  static int readChunk(FileChannel in, Path file, PageBitmap stored, long firstPage, long chunkLength,
      RunBuffer buffers, ChunkCrc crc) throws IOException {
    crc.reset();
    forEachRun(stored, firstPage, firstPage + chunkLength / PAGE_SIZE, (page, pages) -> {
      ByteBuffer run = buffers.forRun(page, pages);
      readFully(in, run, page * PAGE_SIZE, file);
      run.flip();
      for (int p = 0; p < pages; p++) {
        if (isZeroPage(run, p * PAGE_SIZE)) {
          throw new CorruptSavedStateException(file, (page + p) * PAGE_SIZE, "page " + (page + p)
              + " is marked stored but holds only zeros; a save never stores a zero page");
        }
      }
      crc.add((page - firstPage) * PAGE_SIZE, run);
    });
    return crc.finish(chunkLength);
  }

  /** Returns whether the page at {@code offset} of {@code buffer} (absolute) holds only zeros. */
  static boolean isZeroPage(ByteBuffer buffer, int offset) {
    for (int i = offset; i < offset + PAGE_SIZE; i += Long.BYTES) {
      if (buffer.getLong(i) != 0) {
        return false;
      }
    }
    return true;
  }

  static void writeFully(FileChannel channel, ByteBuffer src, long position) throws IOException {
    long at = position;
    while (src.hasRemaining()) {
      at += channel.write(src, at);
    }
  }

  /** Fills {@code dst} from {@code position}; a file that ends first is reported as truncated. */
  static void readFully(FileChannel channel, ByteBuffer dst, long position, Path file) throws IOException {
    long at = position;
    while (dst.hasRemaining()) {
      int n = channel.read(dst, at);
      if (n < 0) {
        throw new CorruptSavedStateException(file, at, "truncated: the file ends at " + at + " while "
            + dst.remaining() + " more bytes were expected");
      }
      at += n;
    }
  }
}
