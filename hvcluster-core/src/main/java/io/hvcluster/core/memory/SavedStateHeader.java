package io.hvcluster.core.memory;

import static io.hvcluster.core.memory.SavedStateDescriptor.*;

import io.hvcluster.api.CorruptSavedStateException;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.Names;
import io.hvcluster.api.SavedStateInfo;
import io.hvcluster.api.VmId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The decoded contents of a header file, laid out as {@link SavedStateDescriptor} describes. Decoding
 * trusts nothing: every length, count and offset is checked against the limits and against the bytes
 * actually present before it is used, and every failure names the file, the offset and the reason.
 *
 * <p>Immutable once built (the arrays are not shared); thread-safe.
 */
final class SavedStateHeader {
  private final VmId vm;
  private final long generation;
  private final long memoryBytes;
  private final int chunkBytes;
  private final int slot;
  private final PageBitmap stored;
  private final int[] chunkCrcs;
  private final byte[] deviceState;

  SavedStateHeader(VmId vm, long generation, long memoryBytes, int chunkBytes, int slot, PageBitmap stored,
      int[] chunkCrcs, byte[] deviceState) {
    this.vm = vm;
    this.generation = generation;
    this.memoryBytes = memoryBytes;
    this.chunkBytes = chunkBytes;
    this.slot = slot;
    this.stored = stored;
    this.chunkCrcs = chunkCrcs.clone();
    this.deviceState = deviceState.clone();
  }

  VmId vm() {
    return vm;
  }

  long generation() {
    return generation;
  }

  long memoryBytes() {
    return memoryBytes;
  }

  int chunkBytes() {
    return chunkBytes;
  }

  int chunkCount() {
    return chunkCrcs.length;
  }

  int slot() {
    return slot;
  }

  /** Returns the stored-page bitmap; callers must not change it. */
  PageBitmap stored() {
    return stored;
  }

  int chunkCrc(int index) {
    return chunkCrcs[index];
  }

  int[] chunkCrcs() {
    return chunkCrcs.clone();
  }

  byte[] deviceState() {
    return deviceState.clone();
  }

  SavedStateInfo info() {
    return new SavedStateInfo(vm, generation, memoryBytes, GuestMemory.PAGE_SIZE, chunkBytes, chunkCrcs.length,
        stored.count());
  }

  /** Encodes the header, CRC included. */
  ByteBuffer encode() {
    long pages = memoryBytes / GuestMemory.PAGE_SIZE;
    long length = headerLength(pages, chunkCrcs.length, deviceState.length);
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(length)).order(BYTE_ORDER);
    byte[] name = vm.name().getBytes(StandardCharsets.US_ASCII);
    out.putLong(MAGIC_OFFSET, MAGIC)
        .putInt(VERSION_OFFSET, VERSION)
        .putInt(HEADER_LENGTH_OFFSET, (int) length)
        .putLong(GENERATION_OFFSET, generation)
        .putLong(MEMORY_BYTES_OFFSET, memoryBytes)
        .putInt(PAGE_SIZE_OFFSET, GuestMemory.PAGE_SIZE)
        .putInt(CHUNK_BYTES_OFFSET, chunkBytes)
        .putInt(CHUNK_COUNT_OFFSET, chunkCrcs.length)
        .putInt(SLOT_OFFSET, slot)
        .putLong(STORED_PAGES_OFFSET, stored.count())
        .putInt(BITMAP_LENGTH_OFFSET, (int) bitmapLength(pages))
        .putInt(DEVICE_STATE_LENGTH_OFFSET, deviceState.length)
        .putShort(VM_NAME_LENGTH_OFFSET, (short) name.length)
        .put(VM_NAME_OFFSET, name);
    out.position(FIXED_LENGTH);
    for (long word : stored.toWords()) {
      out.putLong(word);
    }
    for (int crc : chunkCrcs) {
      out.putInt(crc);
    }
    out.put(deviceState);
    CRC32C crc = new CRC32C();
    crc.update(out.array(), 0, out.position());
    out.putInt((int) crc.getValue());
    return out.flip();
  }

  /**
   * Decodes and validates a whole header file read into {@code bytes} (position 0, limit = file size).
   *
   * @param file the header file, for messages
   * @param bytes the file's bytes, little-endian
   * @param expected the VM the caller looks for, or null to accept any valid name
   */
  static SavedStateHeader decode(Path file, ByteBuffer bytes, VmId expected) throws CorruptSavedStateException {
    ByteBuffer in = bytes.duplicate().order(BYTE_ORDER);
    int size = in.limit();
    if (size < FIXED_LENGTH + CRC_LENGTH) {
      throw new CorruptSavedStateException(file, size, "truncated: the file has " + size
          + " bytes; a header needs at least " + (FIXED_LENGTH + CRC_LENGTH));
    }
    long magic = in.getLong(MAGIC_OFFSET);
    if (magic != MAGIC) {
      throw new CorruptSavedStateException(file, MAGIC_OFFSET, "wrong magic 0x" + Long.toHexString(magic)
          + "; not an hvcluster saved-state header");
    }
    int version = in.getInt(VERSION_OFFSET);
    if (version != VERSION) {
      throw new CorruptSavedStateException(file, VERSION_OFFSET, "format version " + Integer.toUnsignedString(version)
          + " is not supported; this build reads version " + VERSION);
    }
    long headerLength = Integer.toUnsignedLong(in.getInt(HEADER_LENGTH_OFFSET));
    if (headerLength != size) {
      throw new CorruptSavedStateException(file, HEADER_LENGTH_OFFSET, "header length field says " + headerLength
          + " bytes but the file has " + size + " (torn or truncated)");
    }
    CRC32C crc = new CRC32C();
    crc.update(in.duplicate().position(0).limit(size - CRC_LENGTH));
    int expectedCrc = in.getInt(size - CRC_LENGTH);
    if ((int) crc.getValue() != expectedCrc) {
      throw new CorruptSavedStateException(file, size - CRC_LENGTH, "header CRC32C mismatch: stored "
          + Integer.toHexString(expectedCrc) + ", computed " + Integer.toHexString((int) crc.getValue()));
    }
    return decodeFields(file, in, size, expected);
  }

  private static SavedStateHeader decodeFields(Path file, ByteBuffer in, int size, VmId expected)
      throws CorruptSavedStateException {
    long generation = in.getLong(GENERATION_OFFSET);
    check(generation >= 1 && generation <= MAX_GENERATION, file, GENERATION_OFFSET, "generation " + generation
        + " is not 1 to " + MAX_GENERATION);
    long memoryBytes = in.getLong(MEMORY_BYTES_OFFSET);
    check(memoryBytes > 0 && memoryBytes <= MAX_MEMORY_BYTES && memoryBytes % GuestMemory.PAGE_SIZE == 0, file,
        MEMORY_BYTES_OFFSET, "memory size " + memoryBytes + " is not a positive multiple of "
            + GuestMemory.PAGE_SIZE + " up to " + MAX_MEMORY_BYTES);
    int pageSize = in.getInt(PAGE_SIZE_OFFSET);
    check(pageSize == GuestMemory.PAGE_SIZE, file, PAGE_SIZE_OFFSET, "page size " + pageSize + " is not "
        + GuestMemory.PAGE_SIZE);
    int chunkBytes = in.getInt(CHUNK_BYTES_OFFSET);
    check(chunkBytes >= GuestMemory.PAGE_SIZE && chunkBytes <= MAX_CHUNK_BYTES && Integer.bitCount(chunkBytes) == 1,
        file, CHUNK_BYTES_OFFSET, "chunk size " + chunkBytes + " is not a power of two from 4096 to 1 GiB");
    long chunkCount = Integer.toUnsignedLong(in.getInt(CHUNK_COUNT_OFFSET));
    long neededChunks = (memoryBytes + chunkBytes - 1) / chunkBytes;
    check(chunkCount == neededChunks && chunkCount <= MAX_CHUNKS, file, CHUNK_COUNT_OFFSET, "chunk count "
        + chunkCount + " does not fit: " + memoryBytes + " bytes in chunks of " + chunkBytes + " need "
        + neededChunks + ", at most " + MAX_CHUNKS);
    int slot = in.getInt(SLOT_OFFSET);
    check(slot == 0 || slot == 1, file, SLOT_OFFSET, "memory file slot " + Integer.toUnsignedString(slot)
        + " is not 0 or 1");
    long pages = memoryBytes / GuestMemory.PAGE_SIZE;
    long bitmapLength = Integer.toUnsignedLong(in.getInt(BITMAP_LENGTH_OFFSET));
    check(bitmapLength == bitmapLength(pages), file, BITMAP_LENGTH_OFFSET, "page bitmap length " + bitmapLength
        + " does not match " + pages + " pages (" + bitmapLength(pages) + " expected)");
    long deviceLength = Integer.toUnsignedLong(in.getInt(DEVICE_STATE_LENGTH_OFFSET));
    check(deviceLength <= MAX_DEVICE_STATE_BYTES, file, DEVICE_STATE_LENGTH_OFFSET, "device state length "
        + deviceLength + " exceeds " + MAX_DEVICE_STATE_BYTES);
    long total = headerLength(pages, chunkCount, deviceLength);
    check(total == size, file, HEADER_LENGTH_OFFSET, "the sections need " + total + " bytes but the file has "
        + size);
    VmId vm = decodeName(file, in, expected);

    long[] words = new long[PageBitmap.wordCount(pages)];
    in.position(FIXED_LENGTH);
    for (int w = 0; w < words.length; w++) {
      words[w] = in.getLong();
    }
    int tailBits = (int) (pages & 63);
    if (tailBits != 0 && (words[words.length - 1] >>> tailBits) != 0) {
      throw new CorruptSavedStateException(file, FIXED_LENGTH + 8L * (words.length - 1),
          "page bitmap marks pages past the end of memory");
    }
    PageBitmap stored = PageBitmap.fromWords(pages, words);
    long storedPages = in.getLong(STORED_PAGES_OFFSET);
    check(storedPages == stored.count(), file, STORED_PAGES_OFFSET, "stored page count " + storedPages
        + " does not match the bitmap's " + stored.count());
    int[] crcs = new int[(int) chunkCount];
    for (int c = 0; c < crcs.length; c++) {
      crcs[c] = in.getInt();
    }
    byte[] device = new byte[(int) deviceLength];
    in.get(device);
    return new SavedStateHeader(vm, generation, memoryBytes, chunkBytes, slot, stored, crcs, device);
  }

  private static VmId decodeName(Path file, ByteBuffer in, VmId expected) throws CorruptSavedStateException {
    int nameLength = Short.toUnsignedInt(in.getShort(VM_NAME_LENGTH_OFFSET));
    check(nameLength >= 1 && nameLength <= Names.MAX_LENGTH, file, VM_NAME_LENGTH_OFFSET, "VM name length "
        + nameLength + " is not 1 to " + Names.MAX_LENGTH);
    byte[] raw = new byte[nameLength];
    in.get(VM_NAME_OFFSET, raw);
    String name = new String(raw, StandardCharsets.US_ASCII);
    check(Names.isValid(name), file, VM_NAME_OFFSET, "VM name is not a valid name");
    for (int i = VM_NAME_OFFSET + nameLength; i < FIXED_LENGTH; i++) {
      check(in.get(i) == 0, file, i, "padding after the VM name is not zero");
    }
    VmId vm = VmId.of(name);
    if (expected != null && !expected.equals(vm)) {
      throw new CorruptSavedStateException(file, VM_NAME_OFFSET, "header belongs to VM '" + vm + "', not '"
          + expected + "'");
    }
    return vm;
  }

  private static void check(boolean ok, Path file, long offset, String reason) throws CorruptSavedStateException {
    if (!ok) {
      throw new CorruptSavedStateException(file, offset, reason);
    }
  }
}
