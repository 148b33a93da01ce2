package io.hvcluster.core.memory;

import io.hvcluster.api.MemoryBacking;
import io.hvcluster.api.SavedStateInfo;
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
 * is locked while open and deleted on close. Restored memory is fresh memory whose chunks a
 * {@link LazyChunks} fills from the saved memory file with positional reads: each on first access
 * (lazy restore) or all at once (eager restore). A saved file is never mapped, so nothing another
 * process does to it can crash this one.
 *
 * <p>All access goes through the checks of {@link BitmapGuestMemory}, under its access lock; views of
 * the mapped buffers never outlive the access that made them, so {@link Unmapper} can release the
 * buffers on close, which waits for accesses in progress.
 *
 * <p>Not thread-safe, except for close (see {@link BitmapGuestMemory}) and concurrent reads.
 */
final class MappedGuestMemory extends BitmapGuestMemory {
  private static final Logger LOG = LoggerFactory.getLogger(MappedGuestMemory.class);

  private final int chunkBytes;
  private final int chunkShift;
  private final MappedByteBuffer[] chunks;
  private final FileChannel channel;
  private final Path file;
  private LazyChunks saved;

  private MappedGuestMemory(VmId vm, long sizeBytes, int chunkBytes, MappedByteBuffer[] chunks,
      FileChannel channel, Path file) {
    super(vm, sizeBytes);
    this.chunkBytes = chunkBytes;
    this.chunkShift = Integer.numberOfTrailingZeros(chunkBytes);
    this.chunks = chunks;
    this.channel = channel;
    this.file = file;
  }

  /** Restored memories of one VM open at once in one host directory, at most. */
  private static final int MAX_RESTORED_FILES = 64;

  /** Creates zeroed memory on a fresh sparse file {@code <vm>.mem} in {@code hostDir}. */
  static MappedGuestMemory create(VmId vm, long sizeBytes, int chunkBytes, Path hostDir) throws IOException {
    Path file = OwnerOnlyFiles.fileOf(hostDir, vm, ".mem");
    MappedGuestMemory memory = createAt(file, vm, sizeBytes, chunkBytes);
    if (memory == null) {
      throw new IllegalStateException("memory file " + file + " of VM '" + vm
          + "' is in use by another open memory; give each host its own directory");
    }
    return memory;
  }

  /**
   * Creates zeroed memory for a restore: on {@code <vm>.mem}, or {@code <vm>.mem.N} when other open
   * memories of the VM use the names before (a lazy and an eager restore may be open at once).
   */
  private static MappedGuestMemory createForRestore(VmId vm, long sizeBytes, int chunkBytes, Path hostDir)
      throws IOException {
    for (int n = 0; n < MAX_RESTORED_FILES; n++) {
      Path file = OwnerOnlyFiles.fileOf(hostDir, vm, n == 0 ? ".mem" : ".mem." + n);
      MappedGuestMemory memory = createAt(file, vm, sizeBytes, chunkBytes);
      if (memory != null) {
        return memory;
      }
    }
    throw new IllegalStateException(MAX_RESTORED_FILES + " memories of VM '" + vm + "' are open in " + hostDir
        + "; close some before restoring another");
  }

  /** Creates memory on {@code file}, or returns null when another open memory holds its lock. */
  private static MappedGuestMemory createAt(Path file, VmId vm, long sizeBytes, int chunkBytes) throws IOException {
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
        channel.close();
        return null;
      }
      raf.setLength(0);
      raf.setLength(sizeBytes);
      for (int i = 0; i < chunks.length; i++) {
        long offset = (long) i * chunkBytes;
        chunks[i] = channel.map(FileChannel.MapMode.PRIVATE, offset, Math.min(chunkBytes, sizeBytes - offset));
      }
      return new MappedGuestMemory(vm, sizeBytes, chunkBytes, chunks, channel, file);
    } catch (IOException | RuntimeException e) {
      for (MappedByteBuffer chunk : chunks) {
        Unmapper.unmap(chunk);
      }
      channel.close();
      throw e;
    }
  }

  /**
   * Creates fresh memory in {@code hostDir} whose chunks {@code saved} fills on first access; its touched
   * set is the saved state's stored pages.
   */
  static MappedGuestMemory restoring(VmId vm, long sizeBytes, int chunkBytes, Path hostDir, LazyChunks saved)
      throws IOException {
    MappedGuestMemory memory = createForRestore(vm, sizeBytes, chunkBytes, hostDir);
    memory.saved = saved;
    memory.touched = saved.stored().copy();
    return memory;
  }

  /** Fills every chunk of restored memory now, verifying each; throws the first failure. */
  void fillAll() throws IOException {
    enter();
    try {
      if (saved != null) {
        saved.fillAll(index -> chunks[index]);
      }
    } finally {
      exit();
    }
  }

  /** Returns the saved state restored memory came from. */
  SavedStateInfo restoredFrom() {
    if (saved == null) {
      throw new IllegalStateException(this + " is not restored");
    }
    return saved.info();
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
   * Returns chunk {@code index} itself (filled first when restored) for absolute access and slices by a
   * caller inside {@link #enter()}, until its {@link #exit()}.
   */
  MappedByteBuffer chunk(int index) {
    checkOpen();
    return verified(index);
  }

  private MappedByteBuffer verified(int index) {
    MappedByteBuffer chunk = chunks[index];
    if (saved != null) {
      saved.ensureFilled(index, chunk);
    }
    return chunk;
  }

  @Override
  void release() {
    if (saved != null) {
      saved.close();
    }
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
