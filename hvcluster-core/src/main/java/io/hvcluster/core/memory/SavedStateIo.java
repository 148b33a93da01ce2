package io.hvcluster.core.memory;

import static io.hvcluster.api.GuestMemory.PAGE_SIZE;

import io.hvcluster.api.CorruptSavedStateException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Small I/O steps shared by saving, restoring and verifying: walking runs of stored pages, whole-buffer
 * positional reads and writes, and the CRC of a mapped chunk.
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

  /** Returns the CRC32C of a mapped chunk, reading only the pages in {@code present}. */
  static int chunkCrc(ByteBuffer chunk, long firstPage, int chunkLength, PageBitmap present, ChunkCrc crc) {
    crc.reset();
    try {
      forEachRun(present, firstPage, firstPage + chunkLength / PAGE_SIZE, (page, pages) -> {
        int offset = (int) ((page - firstPage) * PAGE_SIZE);
        crc.add(offset, chunk.slice(offset, pages * PAGE_SIZE));
      });
    } catch (IOException e) {
      throw new AssertionError("no I/O happens here", e);
    }
    return crc.finish(chunkLength);
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
