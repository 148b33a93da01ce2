package io.hvcluster.core.memory;

import io.hvcluster.api.GuestMemory;
import java.nio.ByteBuffer;

/**
 * Memory contents that say which save wrote them: page 0 holds a tag (one long, repeated), pages 1 to
 * {@link #PAGES} the guest workload's content for that tag as seed, the rest zeros. A reader that
 * restores a saved state can so check that every page comes from one and the same save.
 */
final class TaggedContent {
  static final long MEMORY_BYTES = 1 << 20;
  static final int CHUNK_BYTES = 64 * 1024;
  static final int PAGES = 64;

  private TaggedContent() {}

  /** Writes the contents of {@code tag} into {@code memory}. */
  static void write(GuestMemory memory, long tag) {
    ByteBuffer page = ByteBuffer.allocateDirect(GuestMemory.PAGE_SIZE);
    while (page.hasRemaining()) {
      page.putLong(tag);
    }
    memory.writePage(0, page.flip());
    for (long p = 1; p <= PAGES; p++) {
      GuestWorkload.pageContent(tag, memory.vm(), p, 1, page.clear());
      memory.writePage(p, page.flip());
    }
  }

  /** Returns the tag of a restored memory, or throws {@link AssertionError} naming the first bad page. */
  static long check(GuestMemory memory) {
    ByteBuffer page = ByteBuffer.allocateDirect(GuestMemory.PAGE_SIZE);
    ByteBuffer expected = ByteBuffer.allocateDirect(GuestMemory.PAGE_SIZE);
    memory.readPage(0, page.clear());
    long tag = page.getLong(0);
    for (int i = 0; i < GuestMemory.PAGE_SIZE; i += Long.BYTES) {
      if (page.getLong(i) != tag) {
        throw new AssertionError("page 0 mixes tags " + tag + " and " + page.getLong(i));
      }
    }
    for (long p = 1; p < memory.pageCount(); p++) {
      memory.readPage(p, page.clear());
      expected.clear();
      if (p <= PAGES) {
        GuestWorkload.pageContent(tag, memory.vm(), p, 1, expected);
      } else {
        expected.put(ByteBuffer.allocate(GuestMemory.PAGE_SIZE));
      }
      if (!page.flip().equals(expected.flip())) {
        throw new AssertionError("page " + p + " does not belong to the save tagged " + tag);
      }
    }
    return tag;
  }
}
