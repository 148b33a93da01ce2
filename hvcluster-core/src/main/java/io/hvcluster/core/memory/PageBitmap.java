package io.hvcluster.core.memory;

import io.hvcluster.api.PageSet;
import java.util.Arrays;

/**
 * One bit per page in blocks of {@value #BLOCK_PAGES} pages that are allocated on their first set bit,
 * so a large, mostly untouched memory costs little heap. Scanning uses
 * {@link Long#numberOfTrailingZeros(long)} word by word.
 *
 * <p>A bitmap handed out as a {@link PageSet} (a harvest or a snapshot) is never changed afterwards.
 * Not thread-safe.
 */
final class PageBitmap implements PageSet {
  static final int BLOCK_SHIFT = 15;
  static final int BLOCK_PAGES = 1 << BLOCK_SHIFT;
  private static final int WORDS_PER_BLOCK = BLOCK_PAGES / 64;

  private final long pages;
  private final long[][] blocks;
  private long count;

  PageBitmap(long pages) {
    this.pages = pages;
    this.blocks = new long[(int) ((pages + BLOCK_PAGES - 1) >>> BLOCK_SHIFT)][];
  }

  private PageBitmap(PageBitmap other) {
    this.pages = other.pages;
    this.blocks = new long[other.blocks.length][];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = other.blocks[i] == null ? null : other.blocks[i].clone();
    }
    this.count = other.count;
  }

  /** Builds a bitmap from little-endian words, one bit per page; bits past {@code pages} must be clear. */
  static PageBitmap fromWords(long pages, long[] words) {
    PageBitmap map = new PageBitmap(pages);
    for (int w = 0; w < words.length; w++) {
      if (words[w] != 0) {
        long[] block = map.block(w * 64L, true);
        block[w % WORDS_PER_BLOCK] = words[w];
        map.count += Long.bitCount(words[w]);
      }
    }
    return map;
  }

  /** Returns the bits as words, one bit per page, {@code ceil(pages / 64)} words. */
  long[] toWords() {
    long[] words = new long[wordCount(pages)];
    for (int b = 0; b < blocks.length; b++) {
      if (blocks[b] != null) {
        int from = b * WORDS_PER_BLOCK;
        System.arraycopy(blocks[b], 0, words, from, Math.min(WORDS_PER_BLOCK, words.length - from));
      }
    }
    return words;
  }

  static int wordCount(long pages) {
    return (int) ((pages + 63) >>> 6);
  }

  long pages() {
    return pages;
  }

  PageBitmap copy() {
    return new PageBitmap(this);
  }

  /** Sets a page's bit and returns whether it was clear. */
  boolean set(long page) {
    long[] block = block(page, true);
    int word = (int) (page >>> 6) & (WORDS_PER_BLOCK - 1);
    long bit = 1L << page;
    if ((block[word] & bit) != 0) {
      return false;
    }
    block[word] |= bit;
    count++;
    return true;
  }

  void clear(long page) {
    long[] block = block(page, false);
    if (block != null) {
      int word = (int) (page >>> 6) & (WORDS_PER_BLOCK - 1);
      long bit = 1L << page;
      if ((block[word] & bit) != 0) {
        block[word] &= ~bit;
        count--;
      }
    }
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public boolean contains(long page) {
    if (page < 0 || page >= pages) {
      return false;
    }
    long[] block = block(page, false);
    return block != null && (block[(int) (page >>> 6) & (WORDS_PER_BLOCK - 1)] & (1L << page)) != 0;
  }

  @Override
  public long nextPage(long from) {
    long page = Math.max(0, from);
    while (page < pages) {
      int b = (int) (page >>> BLOCK_SHIFT);
      long[] block = blocks[b];
      if (block == null) {
        page = (long) (b + 1) << BLOCK_SHIFT;
        continue;
      }
      int word = (int) (page >>> 6) & (WORDS_PER_BLOCK - 1);
      long bits = block[word] & (-1L << page);
      while (true) {
        if (bits != 0) {
          long found = ((long) b << BLOCK_SHIFT) + ((long) word << 6) + Long.numberOfTrailingZeros(bits);
          return found < pages ? found : -1;
        }
        if (++word == WORDS_PER_BLOCK) {
          break;
        }
        bits = block[word];
      }
      page = (long) (b + 1) << BLOCK_SHIFT;
    }
    return -1;
  }

  /** Returns the first page at or after {@code from} that is not set, or {@code limit} when all are. */
  long nextClear(long from, long limit) {
    long page = from;
    while (page < limit && contains(page)) {
      page++;
    }
    return page;
  }

  private long[] block(long page, boolean create) {
    int b = (int) (page >>> BLOCK_SHIFT);
    long[] block = blocks[b];
    if (block == null && create) {
      block = new long[WORDS_PER_BLOCK];
      blocks[b] = block;
    }
    return block;
  }

  @Override
  public String toString() {
    return "PageSet[" + count + " of " + pages + " pages]";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PageBitmap)) {
      return false;
    }
    PageBitmap other = (PageBitmap) o;
    return pages == other.pages && count == other.count && Arrays.equals(toWords(), other.toWords());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toWords());
  }
}
