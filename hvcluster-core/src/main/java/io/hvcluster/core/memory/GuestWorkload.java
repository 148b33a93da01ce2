package io.hvcluster.core.memory;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.MemoryBacking;
import io.hvcluster.api.PageSet;
import io.hvcluster.api.VmId;
import io.hvcluster.core.sim.RandomStreams;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * A guest that writes pages of its memory at a fixed rate in virtual time. Which page each write hits
 * comes from a random stream derived from (seed, VM); what a page holds after its n-th write is a pure
 * function {@link #pageContent} of (seed, VM, page, n). So any copy of the memory (restored, migrated)
 * can be verified anywhere from this object's per-page write counts alone, without a copy of the bytes.
 *
 * <pre>{@code
 * GuestWorkload guest = GuestWorkload.create(seed, vm, memory.pageCount(), 20_000, memory.pageCount() / 4);
 * guest.advanceTo(memory, 5_000_000_000L);     // 5 s of virtual time: 100,000 page writes
 * GuestWorkload.Verification check = guest.verify(restoredMemory);
 * }</pre>
 *
 * <p>Not thread-safe: driven by the simulation's thread.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class GuestWorkload {
  /** Pages in one run of {@link #fillSpread}: 2 MiB. */
  private static final int SPREAD_RUN_PAGES = 512;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final int BLOCK_SHIFT = 15;

  private final long seed;
  private final VmId vm;
  private final long vmKey;
  private final long pageCount;
  private long pagesPerSecond;
  /** Writes due at {@link #rateSince}, the last time the rate changed. */
  private long baseWrites;
  private long rateSince;
  private final long workingSetPages;
  private final SplittableRandom random;
  private final int[][] writeCounts;
  private final ByteBuffer scratch = ByteBuffer.allocateDirect(GuestMemory.PAGE_SIZE);
  private long nowNanos;
  private long scheduledWrites;
  private long writes;

  private GuestWorkload(long seed, VmId vm, long pageCount, long pagesPerSecond, long workingSetPages) {
    this.seed = seed;
    this.vm = vm;
    this.vmKey = vmKey(seed, vm);
    this.pageCount = pageCount;
    this.pagesPerSecond = pagesPerSecond;
    this.workingSetPages = workingSetPages;
    this.random = new RandomStreams(seed).stream("workload/" + vm.name());
    this.writeCounts = new int[(int) ((pageCount + (1 << BLOCK_SHIFT) - 1) >>> BLOCK_SHIFT)][];
  }

  /**
   * Creates a workload that writes {@code pagesPerSecond} pages a second, each chosen uniformly from
   * the first {@code workingSetPages} pages, starting at virtual time 0.
   *
   * @param seed the simulation's seed; the VM's stream is derived from it and the VM's name
   * @param vm the VM
   * @param pageCount the VM's memory size in pages
   * @param pagesPerSecond writes per second of virtual time, 0 to 1,000,000,000
   * @param workingSetPages pages the writes fall on, 1 to {@code pageCount}
   * @return the workload
   * @throws IllegalArgumentException when a value is out of range
   */
  public static GuestWorkload create(long seed, VmId vm, long pageCount, long pagesPerSecond, long workingSetPages) {
    Objects.requireNonNull(vm, "vm");
    if (pageCount <= 0 || pageCount > SavedStateDescriptor.MAX_MEMORY_BYTES / GuestMemory.PAGE_SIZE) {
      throw new IllegalArgumentException("page count is " + pageCount + "; it must be 1 to "
          + SavedStateDescriptor.MAX_MEMORY_BYTES / GuestMemory.PAGE_SIZE);
    }
    if (pagesPerSecond < 0 || pagesPerSecond > NANOS_PER_SECOND) {
      throw new IllegalArgumentException("write rate is " + pagesPerSecond + " pages/s; it must be 0 to "
          + NANOS_PER_SECOND);
    }
    if (workingSetPages < 1 || workingSetPages > pageCount) {
      throw new IllegalArgumentException("working set is " + workingSetPages + " pages; it must be 1 to "
          + pageCount);
    }
    return new GuestWorkload(seed, vm, pageCount, pagesPerSecond, workingSetPages);
  }

  /**
   * Writes the 4096 bytes page {@code page} holds after its {@code writeCount}-th write into {@code dst}
   * at its position, which advances by 4096: zeros for write count 0, otherwise a SplitMix64 sequence
   * seeded from all four values. The same arguments always give the same bytes.
   *
   * @param seed the simulation's seed
   * @param vm the VM
   * @param page the page number
   * @param writeCount how many times the page was written
   * @param dst has room for 4096 bytes
   */
  public static void pageContent(long seed, VmId vm, long page, long writeCount, ByteBuffer dst) {
    fill(vmKey(seed, vm), page, writeCount, dst);
  }

  /**
   * Performs the writes due between the last call and {@code virtualNanos}, in order.
   *
   * @param memory the VM's current memory
   * @param virtualNanos the virtual time to advance to, not earlier than the previous one
   * @return the number of pages written
   * @throws IllegalArgumentException when time goes backwards or the memory is too small
   */
  public long advanceTo(GuestMemory memory, long virtualNanos) {
    checkMemory(memory);
    long due = writesDue(virtualNanos);
    long done = 0;
    for (; scheduledWrites < due; scheduledWrites++, done++) {
      write(memory, random.nextLong(workingSetPages));
    }
    return done;
  }

  /**
   * Moves virtual time forward without writing: the VM was paused, frozen or saved, and the writes it
   * would have made in between never happen.
   *
   * @param virtualNanos the virtual time to move to, not earlier than the previous one
   * @throws IllegalArgumentException when time goes backwards
   */
  public void idleUntil(long virtualNanos) {
    scheduledWrites = writesDue(virtualNanos);
  }

  /**
   * Writes one page now: its write count goes up by one and it receives the matching content. Writes to
   * modeled memory are only counted in {@link #writes()}: there is no content to track.
   *
   * @param memory the VM's current memory
   * @param page the page number
   */
  public void write(GuestMemory memory, long page) {
    checkMemory(memory);
    writes++;
    if (memory.backing() == MemoryBacking.MODELED) {
      // Modeled memory drops the bytes: neither the content nor the write count is needed, which keeps
      // fleet-scale runs light.
      memory.writePage(page, scratch.clear());
      return;
    }
    int[] block = writeCounts[(int) (page >>> BLOCK_SHIFT)];
    if (block == null) {
      block = new int[1 << BLOCK_SHIFT];
      writeCounts[(int) (page >>> BLOCK_SHIFT)] = block;
    }
    int slot = (int) (page & ((1 << BLOCK_SHIFT) - 1));
    block[slot] = Math.incrementExact(block[slot]);
    fill(vmKey, page, block[slot], scratch.clear());
    memory.writePage(page, scratch.flip());
  }

  /**
   * Writes each page of a range once, in order (a guest touching fresh memory).
   *
   * @param memory the VM's current memory
   * @param firstPage the first page
   * @param pages how many pages
   */
  public void fill(GuestMemory memory, long firstPage, long pages) {
    for (long p = firstPage; p < firstPage + pages; p++) {
      write(memory, p);
    }
  }

  /**
   * Writes {@code pages} pages once each, in runs of 2 MiB (512 pages) spread evenly over the memory,
   * as a guest with a scattered working set would: the layout {@code save-bench} and the save
   * benchmark measure.
   *
   * @param memory the VM's current memory
   * @param pages how many pages to write, at most the memory's page count
   */
  public void fillSpread(GuestMemory memory, long pages) {
    long runs = (pages + SPREAD_RUN_PAGES - 1) / SPREAD_RUN_PAGES;
    if (runs == 0) {
      return;
    }
    long gap = (memory.pageCount() - pages) / runs;
    long left = pages;
    long page = 0;
    while (left > 0) {
      long run = Math.min(SPREAD_RUN_PAGES, left);
      fill(memory, page, run);
      page += run + gap;
      left -= run;
    }
  }

  /**
   * Returns how many times a page was written.
   *
   * @param page the page number
   * @return the write count, 0 for a page never written
   */
  public long writeCount(long page) {
    int[] block = writeCounts[(int) (page >>> BLOCK_SHIFT)];
    return block == null ? 0 : block[(int) (page & ((1 << BLOCK_SHIFT) - 1))];
  }

  /**
   * Returns the total number of page writes so far.
   *
   * @return writes
   */
  public long writes() {
    return writes;
  }

  /**
   * Returns the virtual time the workload has reached.
   *
   * @return nanoseconds
   */
  public long nowNanos() {
    return nowNanos;
  }

  /**
   * Checks that a real memory holds exactly what this workload wrote to real memory: every written page
   * holds the content of its latest write, and every other touched page holds zeros. Modeled memory has
   * no content to check and always passes.
   *
   * @param memory a memory of the VM, for example a restored one
   * @return the outcome, with the first bad page
   */
  public Verification verify(GuestMemory memory) {
    checkMemory(memory);
    if (memory.backing() == MemoryBacking.MODELED) {
      return new Verification(0, -1, "");
    }
    ByteBuffer expected = ByteBuffer.allocateDirect(GuestMemory.PAGE_SIZE);
    ByteBuffer actual = ByteBuffer.allocateDirect(GuestMemory.PAGE_SIZE);
    PageSet touched = memory.touchedPages();
    long checked = 0;
    for (long page = 0; page < pageCount; page++) {
      if ((page & ((1 << BLOCK_SHIFT) - 1)) == 0 && writeCounts[(int) (page >>> BLOCK_SHIFT)] == null) {
        long next = touched.nextPage(page);
        long nextBlock = ((page >>> BLOCK_SHIFT) + 1) << BLOCK_SHIFT;
        if (next < 0 || next >= nextBlock) {
          page = nextBlock - 1;
          continue;
        }
      }
      long count = writeCount(page);
      if (count == 0 && !touched.contains(page)) {
        continue;
      }
      checked++;
      fill(vmKey, page, count, expected.clear());
      memory.readPage(page, actual.clear());
      if (!expected.flip().equals(actual.flip())) {
        return new Verification(checked, page, "page " + page + " of VM '" + vm + "' does not hold the content of "
            + (count == 0 ? "an unwritten (zero) page" : "write " + count));
      }
    }
    return new Verification(checked, -1, "");
  }

  /**
   * The outcome of {@link #verify(GuestMemory)}.
   *
   * @param pagesChecked pages compared before the first bad one, or all of them
   * @param firstBadPage the first page that differs, or {@code -1}
   * @param problem what was wrong, empty when nothing was
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record Verification(long pagesChecked, long firstBadPage, String problem) {
    /**
     * Returns whether every page matched.
     *
     * @return true when no page differs
     */
    public boolean ok() {
      return firstBadPage < 0;
    }
  }

  private long writesDue(long virtualNanos) {
    if (virtualNanos < nowNanos) {
      throw new IllegalArgumentException("virtual time " + virtualNanos + " ns is before the workload's "
          + nowNanos + " ns");
    }
    nowNanos = virtualNanos;
    long elapsed = virtualNanos - rateSince;
    long whole = Math.multiplyExact(elapsed / NANOS_PER_SECOND, pagesPerSecond);
    return Math.addExact(baseWrites,
        Math.addExact(whole, (elapsed % NANOS_PER_SECOND) * pagesPerSecond / NANOS_PER_SECOND));
  }

  /**
   * Changes the write rate from {@code virtualNanos} on (a throttled guest writes less); the writes due
   * before stay as they were.
   *
   * @param pagesPerSecond the new rate, 0 to 1,000,000,000
   * @param virtualNanos when the new rate starts, not earlier than the workload's time
   * @throws IllegalArgumentException when the rate is out of range or time goes backwards
   */
  public void setRate(long pagesPerSecond, long virtualNanos) {
    if (pagesPerSecond < 0 || pagesPerSecond > NANOS_PER_SECOND) {
      throw new IllegalArgumentException("write rate is " + pagesPerSecond + " pages/s; it must be 0 to "
          + NANOS_PER_SECOND);
    }
    long due = writesDue(virtualNanos);
    baseWrites = due;
    rateSince = virtualNanos;
    this.pagesPerSecond = pagesPerSecond;
  }

  /**
   * Returns the current write rate.
   *
   * @return pages per second
   */
  public long pagesPerSecond() {
    return pagesPerSecond;
  }

  private void checkMemory(GuestMemory memory) {
    if (memory.pageCount() < pageCount) {
      throw new IllegalArgumentException("memory of " + memory.pageCount() + " pages is smaller than the workload's "
          + pageCount);
    }
  }

  private static long vmKey(long seed, VmId vm) {
    long h = 0xcbf29ce484222325L;
    for (byte b : vm.name().getBytes(StandardCharsets.US_ASCII)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(seed ^ mix(h));
  }

  private static void fill(long vmKey, long page, long writeCount, ByteBuffer dst) {
    ByteBuffer out = dst.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int at = dst.position();
    if (writeCount == 0) {
      for (int i = 0; i < GuestMemory.PAGE_SIZE; i += Long.BYTES) {
        out.putLong(at + i, 0L);
      }
    } else {
      long state = mix(vmKey ^ mix(page * 0x9E3779B97F4A7C15L ^ mix(writeCount + 0x632BE59BD9B4E019L)));
      for (int i = 0; i < GuestMemory.PAGE_SIZE; i += Long.BYTES) {
        state += 0x9E3779B97F4A7C15L;
        out.putLong(at + i, mix(state));
      }
    }
    dst.position(at + GuestMemory.PAGE_SIZE);
  }

  /** The SplitMix64 finalizer. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
