package io.hvcluster.core.memory;

import java.nio.ByteOrder;
import org.apiguardian.api.API;

/**
 * The byte layout of a saved state: the header file {@code <vm>.vsv} and the memory file
 * {@code <vm>.bin} (or {@code <vm>.bin.1}, see below). All numbers are little-endian.
 *
 * <h2>Memory file</h2>
 * Exactly {@code memoryBytes} long; page {@code i} of guest memory is at offset {@code i * 4096}.
 * Pages that were never touched or that hold only zeros are not written and stay holes, so the file
 * costs disk for the stored pages only and reads back as zeros elsewhere. The header's page bitmap
 * says which pages are stored. A committed memory file is never modified: a new save writes a new
 * file and renames it into place, so a lazy restore that keeps it open reads it intact.
 *
 * <h2>Header file</h2>
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                magic "HVCVSV" 0x00 0x01 (8 bytes)             |   0
 * |                                                               |
 * +-------------------------------+-------------------------------+
 * |        format version         |   header length (whole file)  |   8
 * +-------------------------------+-------------------------------+
 * |                      generation (u64)                         |  16
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                     memory bytes (u64)                        |  24
 * |                                                               |
 * +-------------------------------+-------------------------------+
 * |     page size (4096)          |   chunk bytes (2^k, &lt;= 1 GiB) |  32
 * +-------------------------------+-------------------------------+
 * |     chunk count               |   memory file slot (0 or 1)   |  40
 * +-------------------------------+-------------------------------+
 * |                  stored page count (u64)                      |  48
 * |                                                               |
 * +-------------------------------+-------------------------------+
 * |     bitmap length (bytes)     |   device state length (bytes) |  56
 * +---------------+---------------+-------------------------------+
 * | VM name length|   reserved    |  VM name, ASCII, zero-padded  |  64
 * +---------------+---------------+          (64 bytes)           |
 * |                              ...                              |
 * +-------------------------------+-------------------------------+
 * |          reserved             |  page bitmap: 1 bit per page, |  132 / 136
 * +-------------------------------+  u64 words, bit i of word w   |
 * |  = page 64w+i stored (bitmap length = 8 * ceil(pages / 64))   |
 * +---------------------------------------------------------------+
 * |           chunk CRC32C, one u32 per chunk (chunk count)       |
 * +---------------------------------------------------------------+
 * |           device state (device state length bytes)            |
 * +---------------------------------------------------------------+
 * |  header CRC32C over every byte before it (u32, the last 4)    |
 * +---------------------------------------------------------------+
 * </pre>
 * A chunk's CRC32C covers all {@code chunk bytes} of its range of guest memory (the last chunk may be
 * shorter), holes counted as zeros. The header length must equal the file's size, which must equal
 * {@link #FIXED_LENGTH} + bitmap + 4 * chunk count + device state + 4.
 *
 * <h2>Commit protocol and generations</h2>
 * A save writes {@code <vm>.bin.tmp}, forces it, and renames it to the memory-file slot the committed
 * header does not use ({@code <vm>.bin} for slot 0, {@code <vm>.bin.1} for slot 1); then it writes
 * {@code <vm>.vsv.tmp} with the next generation, forces it, and renames it over {@code <vm>.vsv}, which
 * is the commit point; then it renames the previous slot's file to {@code <vm>.bin.old} and deletes it
 * in the background. Killed at any moment, the directory
 * holds either the previous committed generation or the new one, never neither. Files are created
 * readable and writable by the owner only. A stored page is never all zeros (zero pages stay holes),
 * so a reader rejects the first one it meets.
 *
 * <h2>Lock</h2>
 * {@code <vm>.lock}, an empty file that is never renamed or deleted, carries a {@code FileChannel}
 * lock: a save holds it exclusively for the whole protocol above, a reader holds it shared while it
 * reads the header and opens the memory file it names. The operating system drops the lock with its
 * process.
 *
 * <p>This class holds constants only.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class SavedStateDescriptor {
  /** The byte order of every number in the header. */
  public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;
  /** The magic number: the bytes {@code "HVCVSV" 0x00 0x01}, read as a little-endian u64. */
  public static final long MAGIC = 0x0100_5653_5643_5648L;
  /** The only format version this code writes and reads. */
  public static final int VERSION = 1;

  /** Offset of the magic number. */
  public static final int MAGIC_OFFSET = 0;
  /** Offset of the format version (u32). */
  public static final int VERSION_OFFSET = 8;
  /** Offset of the header length (u32): the size of the whole header file. */
  public static final int HEADER_LENGTH_OFFSET = 12;
  /** Offset of the generation (u64). */
  public static final int GENERATION_OFFSET = 16;
  /** Offset of the memory size in bytes (u64). */
  public static final int MEMORY_BYTES_OFFSET = 24;
  /** Offset of the page size (u32). */
  public static final int PAGE_SIZE_OFFSET = 32;
  /** Offset of the chunk size in bytes (u32). */
  public static final int CHUNK_BYTES_OFFSET = 36;
  /** Offset of the chunk count (u32). */
  public static final int CHUNK_COUNT_OFFSET = 40;
  /** Offset of the memory file slot (u32): 0 for {@code <vm>.bin}, 1 for {@code <vm>.bin.1}. */
  public static final int SLOT_OFFSET = 44;
  /** Offset of the number of stored pages (u64), the bitmap's population count. */
  public static final int STORED_PAGES_OFFSET = 48;
  /** Offset of the page bitmap's length in bytes (u32). */
  public static final int BITMAP_LENGTH_OFFSET = 56;
  /** Offset of the device state's length in bytes (u32). */
  public static final int DEVICE_STATE_LENGTH_OFFSET = 60;
  /** Offset of the VM name's length in bytes (u16). */
  public static final int VM_NAME_LENGTH_OFFSET = 64;
  /** Offset of the VM name (ASCII, zero-padded to {@link #VM_NAME_CAPACITY} bytes). */
  public static final int VM_NAME_OFFSET = 68;
  /** Room for the VM name. */
  public static final int VM_NAME_CAPACITY = 64;
  /** Length of the fixed part; the page bitmap starts here. */
  public static final int FIXED_LENGTH = 136;
  /** Length of the trailing header CRC32C. */
  public static final int CRC_LENGTH = 4;

  /** The largest memory a saved state may describe: 1 TiB. */
  public static final long MAX_MEMORY_BYTES = 1L << 40;
  /** The largest chunk: 1 GiB, so that a chunk fits one mapped buffer. */
  public static final int MAX_CHUNK_BYTES = 1 << 30;
  /** The most chunks a memory may have, which bounds mappings and the CRC table. */
  public static final int MAX_CHUNKS = 16_384;
  /** The largest device state: 1 MiB. */
  public static final int MAX_DEVICE_STATE_BYTES = 1 << 20;
  /** The largest header file any valid saved state can have. */
  public static final long MAX_HEADER_LENGTH = FIXED_LENGTH + (MAX_MEMORY_BYTES / 4096 / 8)
      + 4L * MAX_CHUNKS + MAX_DEVICE_STATE_BYTES + CRC_LENGTH;

  /** Suffix of the header file. */
  public static final String HEADER_SUFFIX = ".vsv";
  /** Suffix of the memory file in slot 0. */
  public static final String MEMORY_SUFFIX = ".bin";
  /** Suffix of the memory file in slot 1. */
  public static final String MEMORY_SUFFIX_ALTERNATE = ".bin.1";
  /** Suffix a superseded memory file is renamed to just before it is deleted. */
  public static final String SUPERSEDED_SUFFIX = ".bin.old";
  /** Suffix added to a file while it is written, before its rename. */
  public static final String TEMP_SUFFIX = ".tmp";
  /** Suffix of the lock file: empty, never renamed or deleted; see the class description. */
  public static final String LOCK_SUFFIX = ".lock";

  /**
   * The largest generation: 2^53 - 1, so that it stays exact where JSON numbers are doubles. A save a
   * millisecond would take 285,000 years to reach it; a header that claims more is rejected, and a
   * save after this generation fails with a message instead of overflowing.
   */
  public static final long MAX_GENERATION = (1L << 53) - 1;

  private SavedStateDescriptor() {}

  /**
   * Returns the suffix of the memory file in a slot.
   *
   * @param slot 0 or 1
   * @return {@link #MEMORY_SUFFIX} or {@link #MEMORY_SUFFIX_ALTERNATE}
   */
  public static String memorySuffix(int slot) {
    if (slot != 0 && slot != 1) {
      throw new IllegalArgumentException("memory file slot is " + slot + "; it must be 0 or 1");
    }
    return slot == 0 ? MEMORY_SUFFIX : MEMORY_SUFFIX_ALTERNATE;
  }

  /**
   * Returns the length of a header file with the given contents, or -1 when any part is out of range.
   *
   * @param pages the page count
   * @param chunkCount the chunk count
   * @param deviceStateBytes the device state's length
   * @return the header length in bytes, or -1
   */
  public static long headerLength(long pages, long chunkCount, long deviceStateBytes) {
    if (pages < 0 || pages > MAX_MEMORY_BYTES / 4096 || chunkCount < 0 || chunkCount > MAX_CHUNKS
        || deviceStateBytes < 0 || deviceStateBytes > MAX_DEVICE_STATE_BYTES) {
      return -1;
    }
    return FIXED_LENGTH + bitmapLength(pages) + 4 * chunkCount + deviceStateBytes + CRC_LENGTH;
  }

  /**
   * Returns the length of the page bitmap for a page count.
   *
   * @param pages the page count, 0 or more
   * @return {@code 8 * ceil(pages / 64)}
   */
  public static long bitmapLength(long pages) {
    return ((pages + 63) >>> 6) * 8;
  }
}
