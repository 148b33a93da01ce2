package io.hvcluster.core.memory;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.VmId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Creates guest memory and compares memories page by page.
 *
 * <pre>{@code
 * try (GuestMemory real = GuestMemories.real(VmId.of("web1"), 2L << 30, hostDir);
 *      GuestMemory modeled = GuestMemories.modeled(VmId.of("web2"), 2L << 30)) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe; the memories it makes are not.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class GuestMemories {
  /** The chunk size real memory maps and saved states checksum: 1 GiB. */
  public static final int DEFAULT_CHUNK_BYTES = SavedStateDescriptor.MAX_CHUNK_BYTES;

  private GuestMemories() {}

  /**
   * Creates real, zeroed memory on a sparse file {@code <vm>.mem} in a host-local directory, mapped
   * copy-on-write in 1 GiB chunks: only touched pages cost RAM, and the file itself stays a hole. The
   * file is deleted when the memory is closed; until then it is locked, so two open memories of one VM
   * need different directories.
   *
   * @param vm the VM
   * @param sizeBytes the memory size, a positive multiple of 4 KiB up to 1 TiB
   * @param hostDir an existing directory of the host
   * @return the memory, owned by the caller
   * @throws IOException when the file cannot be created or mapped
   * @throws IllegalArgumentException when the size or directory is invalid
   * @throws IllegalStateException when another open memory uses the same file
   */
  public static GuestMemory real(VmId vm, long sizeBytes, Path hostDir) throws IOException {
    return real(vm, sizeBytes, hostDir, DEFAULT_CHUNK_BYTES);
  }

  /**
   * Creates real, zeroed memory as {@link #real(VmId, long, Path)} does, with a chosen chunk size (small
   * chunks make small memories span several chunks, which tests use).
   *
   * @param vm the VM
   * @param sizeBytes the memory size, a positive multiple of 4 KiB up to 1 TiB
   * @param hostDir an existing directory of the host
   * @param chunkBytes a power of two from 4 KiB to 1 GiB, with at most 16,384 chunks in all
   * @return the memory, owned by the caller
   * @throws IOException when the file cannot be created or mapped
   * @throws IllegalArgumentException when a size or the directory is invalid
   * @throws IllegalStateException when another open memory uses the same file
   */
  public static GuestMemory real(VmId vm, long sizeBytes, Path hostDir, int chunkBytes) throws IOException {
    Objects.requireNonNull(vm, "vm");
    checkSize(sizeBytes);
    if (chunkBytes < GuestMemory.PAGE_SIZE || chunkBytes > SavedStateDescriptor.MAX_CHUNK_BYTES
        || Integer.bitCount(chunkBytes) != 1) {
      throw new IllegalArgumentException("chunk size is " + chunkBytes + "; it must be a power of two from "
          + GuestMemory.PAGE_SIZE + " to " + SavedStateDescriptor.MAX_CHUNK_BYTES);
    }
    long chunks = (sizeBytes + chunkBytes - 1) / chunkBytes;
    if (chunks > SavedStateDescriptor.MAX_CHUNKS) {
      throw new IllegalArgumentException(sizeBytes + " bytes in chunks of " + chunkBytes + " make " + chunks
          + " chunks; at most " + SavedStateDescriptor.MAX_CHUNKS + " are allowed");
    }
    return MappedGuestMemory.create(vm, sizeBytes, chunkBytes, OwnerOnlyFiles.directory(hostDir, "host memory"));
  }

  /**
   * Creates modeled memory: page accounting only, no bytes, no files.
   *
   * @param vm the VM
   * @param sizeBytes the memory size, a positive multiple of 4 KiB up to 1 TiB
   * @return the memory
   * @throws IllegalArgumentException when the size is invalid
   */
  public static GuestMemory modeled(VmId vm, long sizeBytes) {
    Objects.requireNonNull(vm, "vm");
    checkSize(sizeBytes);
    return new ModeledGuestMemory(vm, sizeBytes);
  }

  /**
   * Returns the first page whose contents differ between two memories of the same size, reading only
   * pages touched in either (untouched pages read as zeros in both).
   *
   * @param a one memory
   * @param b the other
   * @return the page number, or {@code -1} when every page is equal
   * @throws IllegalArgumentException when the sizes differ
   */
  public static long firstDifference(GuestMemory a, GuestMemory b) {
    if (a.sizeBytes() != b.sizeBytes()) {
      throw new IllegalArgumentException("memories differ in size: " + a.sizeBytes() + " and " + b.sizeBytes());
    }
    ByteBuffer pa = ByteBuffer.allocateDirect(GuestMemory.PAGE_SIZE);
    ByteBuffer pb = ByteBuffer.allocateDirect(GuestMemory.PAGE_SIZE);
    var ta = a.touchedPages();
    var tb = b.touchedPages();
    long page = Math.min(unsigned(ta.nextPage(0)), unsigned(tb.nextPage(0)));
    while (page != Long.MAX_VALUE) {
      a.readPage(page, pa.clear());
      b.readPage(page, pb.clear());
      if (!pa.flip().equals(pb.flip())) {
        return page;
      }
      page = Math.min(unsigned(ta.nextPage(page + 1)), unsigned(tb.nextPage(page + 1)));
    }
    return -1;
  }

  private static long unsigned(long page) {
    return page < 0 ? Long.MAX_VALUE : page;
  }

  private static void checkSize(long sizeBytes) {
    if (sizeBytes <= 0 || sizeBytes % GuestMemory.PAGE_SIZE != 0
        || sizeBytes > SavedStateDescriptor.MAX_MEMORY_BYTES) {
      throw new IllegalArgumentException("memory size is " + sizeBytes + " bytes; it must be a positive multiple of "
          + GuestMemory.PAGE_SIZE + " up to " + SavedStateDescriptor.MAX_MEMORY_BYTES + " (1 TiB)");
    }
  }
}
