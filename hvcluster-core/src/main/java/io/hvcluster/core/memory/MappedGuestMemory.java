package io.hvcluster.core.memory;

import io.hvcluster.api.MemoryBacking;
import io.hvcluster.api.VmId;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real memory: bytes in mapped chunks of at most 1 GiB. Fresh memory maps a sparse file
 * {@code <vm>.mem} in a host-local directory copy-on-write ({@code MapMode.PRIVATE}): the file stays
 * one big hole that reads as zeros, and only touched pages cost RAM; nothing is written back to disk, so
 * guest writes never compete with saves for the disk (and memory is bounded by RAM, not disk). The file
 * is locked while open and deleted on close. Lazily restored memory maps a saved memory file the same
 * way and checks each chunk on first access through a {@link LazyVerifier}.
 *
 * <p>All access goes through the checks of {@link BitmapGuestMemory}; views of the mapped buffers
 * never outlive the call that made them, so {@link Unmapper} can release the buffers on close.
 *
 * <p>Not thread-safe.
 */
final class MappedGuestMemory extends BitmapGuestMemory {
  private static final Logger LOG = LoggerFactory.getLogger(MappedGuestMemory.class);

  private final int chunkBytes;
  private final int chunkShift;
  private final MappedByteBuffer[] chunks;
  private final FileChannel channel;
  private final Path file;
  private final LazyVerifier verifier;

  private MappedGuestMemory(VmId vm, long sizeBytes, int chunkBytes, MappedByteBuffer[] chunks,
      FileChannel channel, Path file, LazyVerifier verifier) {
    super(vm, sizeBytes);
    this.chunkBytes = chunkBytes;
    this.chunkShift = Integer.numberOfTrailingZeros(chunkBytes);
    this.chunks = chunks;
    this.channel = channel;
    this.file = file;
    this.verifier = verifier;
  }

  /** Creates zeroed memory on a fresh sparse file {@code <vm>.mem} in {@code hostDir}. */
  static MappedGuestMemory create(VmId vm, long sizeBytes, int chunkBytes, Path hostDir) throws IOException {
    Path file = OwnerOnlyFiles.fileOf(hostDir, vm, ".mem");
    if (Files.isSymbolicLink(file)) {
      throw new IllegalStateException("memory file " + file + " is a symbolic link; refusing to follow it");
    }
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      // a stale file from an earlier run: reused below unless another open memory holds its lock
    }
    OwnerOnlyFiles.restrictToOwner(file);
    RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw");
    FileChannel channel = raf.getChannel();
    MappedByteBuffer[] chunks = new MappedByteBuffer[chunkCount(sizeBytes, chunkBytes)];
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new IllegalStateException("memory file " + file + " of VM '" + vm
            + "' is in use by another open memory; give each host its own directory");
      }
      raf.setLength(0);
      raf.setLength(sizeBytes);
      for (int i = 0; i < chunks.length; i++) {
        long offset = (long) i * chunkBytes;
        chunks[i] = channel.map(FileChannel.MapMode.PRIVATE, offset, Math.min(chunkBytes, sizeBytes - offset));
      }
      return new MappedGuestMemory(vm, sizeBytes, chunkBytes, chunks, channel, file, null);
    } catch (IOException | RuntimeException e) {
      for (MappedByteBuffer chunk : chunks) {
        Unmapper.unmap(chunk);
      }
      channel.close();
      throw e;
    }
  }

  /**
   * Wraps chunks of a saved memory file mapped copy-on-write; {@code present} becomes the touched set
   * and each chunk is verified on first access.
   */
  static MappedGuestMemory lazy(VmId vm, long sizeBytes, int chunkBytes, MappedByteBuffer[] chunks,
      PageBitmap present, LazyVerifier verifier) {
    MappedGuestMemory memory = new MappedGuestMemory(vm, sizeBytes, chunkBytes, chunks, null, null, verifier);
    memory.touched = present;
    return memory;
  }

  static int chunkCount(long sizeBytes, int chunkBytes) {
    return (int) ((sizeBytes + chunkBytes - 1) / chunkBytes);
  }

  @Override
  public MemoryBacking backing() {
    return MemoryBacking.REAL;
  }

  int chunkBytes() {
    return chunkBytes;
  }

  int chunkCount() {
    return chunks.length;
  }

  /** Returns the length of chunk {@code index}; the last may be shorter. */
  int chunkLength(int index) {
    return (int) Math.min(chunkBytes, sizeBytes() - (long) index * chunkBytes);
  }

  /**
   * Returns a view of {@code pages} pages from {@code firstPage}, all inside one chunk, for the caller's
   * current call only. Lazily restored chunks are verified first.
   */
  ByteBuffer run(long firstPage, int pages) {
    checkOpen();
    int index = (int) ((firstPage * PAGE_SIZE) >>> chunkShift);
    ByteBuffer chunk = verified(index);
    int offset = (int) (firstPage * PAGE_SIZE - ((long) index << chunkShift));
    return chunk.slice(offset, pages * PAGE_SIZE);
  }

  /** Marks pages filled by an eager restore as touched, without making them dirty. */
  void markRestored(long firstPage, int pages) {
    for (long p = firstPage; p < firstPage + pages; p++) {
      touched.set(p);
    }
  }

  @Override
  void store(long page, ByteBuffer src) {
    long at = page * PAGE_SIZE;
    int index = (int) (at >>> chunkShift);
    verified(index).put((int) (at - ((long) index << chunkShift)), src, src.position(), PAGE_SIZE);
    src.position(src.position() + PAGE_SIZE);
  }

  @Override
  void load(long page, ByteBuffer dst) {
    long at = page * PAGE_SIZE;
    int index = (int) (at >>> chunkShift);
    dst.put(dst.position(), verified(index), (int) (at - ((long) index << chunkShift)), PAGE_SIZE);
    dst.position(dst.position() + PAGE_SIZE);
  }

  /**
   * Returns chunk {@code index} itself (verified first when lazily restored) for absolute access and
   * slices during the caller's current call only.
   */
  MappedByteBuffer chunk(int index) {
    checkOpen();
    return verified(index);
  }

  private MappedByteBuffer verified(int index) {
    MappedByteBuffer chunk = chunks[index];
    if (verifier != null) {
      verifier.ensureVerified(index, chunk, (long) index * (chunkBytes / PAGE_SIZE), chunkLength(index), touched);
    }
    return chunk;
  }

  @Override
  void release() {
    for (int i = 0; i < chunks.length; i++) {
      Unmapper.unmap(chunks[i]);
      chunks[i] = null;
    }
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.debug("closing memory file {} failed", file, e);
      }
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.debug("memory file {} could not be deleted (still mapped on this platform?)", file, e);
      }
    }
  }
}
