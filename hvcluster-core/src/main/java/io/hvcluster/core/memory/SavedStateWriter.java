package io.hvcluster.core.memory;

import static io.hvcluster.api.GuestMemory.PAGE_SIZE;

import io.hvcluster.api.CorruptSavedStateException;
import io.hvcluster.api.VmId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one saved state with the commit protocol of {@link SavedStateDescriptor}: pages into a new
 * temporary memory file (zero pages skipped, CRC32C per chunk computed on the way), force, rename into
 * the free slot; then the header into a temporary file, force, rename over the committed header; then
 * the previous memory file is deleted. The whole save holds the VM's {@link SavedStateLock}
 * exclusively, so saves of one VM by any threads or processes follow each other.
 *
 * <p>Each temporary file is created once, exclusively, and written only through the channel that
 * created it. A save that fails deletes the files it made and names the file in its exception; the
 * previous generation is intact.
 *
 * <p>Thread-safe.
 */
final class SavedStateWriter {
  private static final Logger LOG = LoggerFactory.getLogger(SavedStateWriter.class);
  /** Writer threads for direct I/O: enough outstanding writes to keep a disk's queue busy. */
  private static final int DIRECT_WRITERS = 4;

  private final Path dir;
  private final Path lockDir;
  private final SaveObserver observer;
  private final DirectorySync directorySync;
  private final Executor cleanup;
  private final DirectoryForce force;
  /** Whether to try direct I/O; cleared when the file system refuses it once. */
  private volatile boolean directIo;
  private final AtomicBoolean syncRefusalLogged = new AtomicBoolean();

  /** Forces a directory's entries to disk; tests replace it to see a file system that refuses. */
  @FunctionalInterface
  interface DirectoryForce {
    DirectoryForce FSYNC = OwnerOnlyFiles::syncDirectory;

    void force(Path dir) throws IOException;
  }

  SavedStateWriter(Path dir, Path lockDir, SaveObserver observer, boolean directIo, DirectorySync directorySync,
      Executor cleanup, DirectoryForce force) {
    this.force = force;
    this.dir = dir;
    this.lockDir = lockDir;
    this.observer = observer;
    this.directIo = directIo;
    this.directorySync = directorySync;
    this.cleanup = cleanup;
  }

  @SuppressWarnings("try") // the lock is held by the try block itself
  SaveReport save(MappedGuestMemory memory, byte[] deviceState) throws IOException {
    try (SavedStateLock.Held lock = SavedStateLock.exclusive(OwnerOnlyFiles.fileOf(lockDir, memory.vm(),
        SavedStateDescriptor.LOCK_SUFFIX))) {
      return new Attempt(memory).run(deviceState);
    }
  }

  /** One save: its files, how far it got, and the clean-up of a failure. */
  private final class Attempt {
    private final MappedGuestMemory memory;
    private final VmId vm;
    private final Path header;
    private final Path headerTemp;
    private final Path memoryTemp;
    private Path memoryFile;
    private SavedStateHeader previous;
    /** The file the current step works on, for the message of a failure. */
    private Path current;
    private String doing = "preparing";
    private boolean direct;
    /** The identity of the file this save created, where the platform has one. */
    private Object memoryKey;
    private boolean memoryTempCreated;
    private boolean memoryRenamed;
    private boolean headerTempCreated;
    private boolean committed;
    private boolean synced = true;
    /** The observer threw a runtime exception: a simulated crash, after which nothing may run. */
    private boolean crashed;

    Attempt(MappedGuestMemory memory) {
      this.memory = memory;
      this.vm = memory.vm();
      this.header = file(SavedStateDescriptor.HEADER_SUFFIX);
      this.headerTemp = file(SavedStateDescriptor.HEADER_SUFFIX + SavedStateDescriptor.TEMP_SUFFIX);
      this.memoryTemp = file(SavedStateDescriptor.MEMORY_SUFFIX + SavedStateDescriptor.TEMP_SUFFIX);
      this.current = header;
    }

    private Path file(String suffix) {
      return OwnerOnlyFiles.fileOf(dir, vm, suffix);
    }

    SaveReport run(byte[] deviceState) throws IOException {
      try {
        return steps(deviceState);
      } catch (IOException | RuntimeException | Error e) {
        if (crashed) {
          throw e;
        }
        cleanUp(e);
        if (e instanceof IOException) {
          throw failure((IOException) e);
        }
        throw e;
      }
    }

    private SaveReport steps(byte[] deviceState) throws IOException {
      previous = previous(header, vm);
      if (previous != null && previous.generation() >= SavedStateDescriptor.MAX_GENERATION) {
        throw new IOException(header + " is at generation " + previous.generation() + ", the largest allowed ("
            + SavedStateDescriptor.MAX_GENERATION + "); delete the saved state to start again at generation 1");
      }
      long generation = previous == null ? 1 : previous.generation() + 1;
      int slot = previous == null ? 0 : 1 - previous.slot();
      memoryFile = file(SavedStateDescriptor.memorySuffix(slot));
      removeStale(memoryTemp);
      removeStale(headerTemp);

      PageBitmap stored = new PageBitmap(memory.pageCount());
      int[] crcs = new int[memory.chunkCount()];
      writeMemory(stored, crcs);
      step("renaming", memoryFile);
      Files.move(memoryTemp, memoryFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      memoryRenamed = true;
      requireUnchanged(memoryFile);
      syncDirectory();
      reached(SaveStage.MEMORY_RENAMED, memoryFile);

      SavedStateHeader written = new SavedStateHeader(vm, generation, memory.sizeBytes(), memory.chunkBytes(), slot,
          stored, crcs, deviceState);
      ByteBuffer bytes = written.encode();
      long headerBytes = bytes.remaining();
      step("creating", headerTemp);
      try (FileChannel out = OwnerOnlyFiles.createNew(headerTemp, false)) {
        headerTempCreated = true;
        step("writing", headerTemp);
        SavedStateIo.writeFully(out, bytes, 0);
        reached(SaveStage.HEADER_WRITTEN, headerTemp);
        step("forcing", headerTemp);
        out.force(true);
        reached(SaveStage.HEADER_FORCED, headerTemp);
      }
      step("committing", header);
      Files.move(headerTemp, header, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      committed = true;
      syncDirectory();
      reached(SaveStage.COMMITTED, header);
      reached(SaveStage.PREVIOUS_DELETED, retire(slot));
      return new SaveReport(written.info(), header, memoryFile, memory.touchedPageCount(), stored.count(),
          stored.count() * PAGE_SIZE, headerBytes, synced);
    }

    /** Writes the stored pages into a new temporary memory file of the memory's size and forces it. */
    private void writeMemory(PageBitmap stored, int[] crcs) throws IOException {
      step("creating", memoryTemp);
      FileChannel out = createMemoryTemp();
      memoryTempCreated = true;
      memoryKey = attributes(memoryTemp).fileKey();
      try (out; PipelinedWriter pages = new PipelinedWriter(out, "hvcluster-save-" + vm,
          direct ? DIRECT_WRITERS : 1)) {
        step("writing", memoryTemp);
        writePages(memory, pages, stored, crcs);
        pages.finish();
        if (out.size() < memory.sizeBytes()) {
          // The file must be exactly memoryBytes long; an unstored last page is written as zeros.
          ByteBuffer zeros = ByteBuffer.allocateDirect(2 * PAGE_SIZE).alignedSlice(PAGE_SIZE).limit(PAGE_SIZE);
          SavedStateIo.writeFully(out, zeros, memory.sizeBytes() - PAGE_SIZE);
        }
        reached(SaveStage.MEMORY_WRITTEN, memoryTemp);
        step("forcing", memoryTemp);
        out.force(false);
        reached(SaveStage.MEMORY_FORCED, memoryTemp);
      }
    }

    /**
     * Creates the temporary memory file for direct I/O where the file system allows 4 KiB-aligned direct
     * writes, else for writes through the page cache. Direct writes go from guest memory to the disk
     * without a second copy in the page cache, so the force that follows has little left to flush
     * (QEMU's mapped-ram does the same); since each direct write waits for the disk, several writer
     * threads keep the device's queue filled.
     */
    private FileChannel createMemoryTemp() throws IOException {
      if (directIo) {
        long block;
        try {
          block = Files.getFileStore(dir).getBlockSize();
        } catch (IOException | UnsupportedOperationException e) {
          block = -1;
        }
        if (block > 0 && block <= PAGE_SIZE && PAGE_SIZE % block == 0) {
          try {
            FileChannel channel = OwnerOnlyFiles.createNew(memoryTemp, true);
            direct = true;
            return channel;
          } catch (FileAlreadyExistsException e) {
            throw e;
          } catch (IOException | UnsupportedOperationException e) {
            // Some file systems (tmpfs) create the file and then refuse O_DIRECT.
            LOG.debug("direct I/O is unavailable in {}; writing through the page cache", dir, e);
            directIo = false;
            removeStale(memoryTemp);
          }
        } else {
          directIo = false;
        }
      }
      return OwnerOnlyFiles.createNew(memoryTemp, false);
    }

    /**
     * Checks that {@code file} is still the memory file this save created and wrote: a file or link
     * swapped in at the temporary name meanwhile must not be committed.
     */
    private void requireUnchanged(Path file) throws IOException {
      BasicFileAttributes now = attributes(file);
      if (!now.isRegularFile() || (memoryKey != null && !memoryKey.equals(now.fileKey()))) {
        throw new IOException(file + " was replaced during the save (by " + (now.isSymbolicLink() ? "a symbolic link"
            : "another file") + "); refusing to commit it");
      }
    }

    private BasicFileAttributes attributes(Path file) throws IOException {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /** Deletes what a crashed save left at a temporary name; refuses anything but a regular file. */
    private void removeStale(Path temp) throws IOException {
      step("removing a stale", temp);
      if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
        if (!Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException(temp + " is not a regular file (a symbolic link?); refusing to write through it"
              + " or delete it: remove it to save VM '" + vm + "'");
        }
        Files.delete(temp);
      }
    }

    private void syncDirectory() throws IOException {
      try {
        force.force(dir);
      } catch (IOException e) {
        if (directorySync == DirectorySync.REQUIRE) {
          throw new IOException("the file system refused to force directory " + dir + " to disk (" + e
              + ") and DirectorySync.REQUIRE is set" + (committed ? "; generation "
              + (previous == null ? 1 : previous.generation() + 1) + " is committed but a power loss may bring back "
              + (previous == null ? "no saved state" : "generation " + previous.generation()) : ""), e);
        }
        synced = false;
        if (syncRefusalLogged.compareAndSet(false, true)) {
          LOG.warn("the file system refuses to force directory {} to disk ({}); saves there are committed, but a"
              + " power loss may bring back the previous generation (DirectorySync.REQUIRE fails them instead)",
              dir, e.toString());
        }
      }
    }

    /** Renames the previous slot's memory file away, deletes it in the background, and returns its name. */
    private Path retire(int slot) {
      Path stale = file(SavedStateDescriptor.memorySuffix(1 - slot));
      Path superseded = file(SavedStateDescriptor.SUPERSEDED_SUFFIX);
      try {
        // Freeing a large file's blocks takes a quarter of a second per GiB on ext4; the rename is instant
        // and the superseded name is never committed, so the deletion can finish in the background.
        Files.move(stale, superseded, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        cleanup.execute(() -> deleteQuietly(superseded));
      } catch (NoSuchFileException e) {
        // no previous generation
      } catch (IOException e) {
        LOG.debug("previous memory file {} could not be retired", stale, e);
      }
      return stale;
    }

    private void step(String what, Path file) {
      doing = what;
      current = file;
    }

    private void reached(SaveStage stage, Path file) throws IOException {
      try {
        observer.reached(stage, file);
      } catch (RuntimeException e) {
        crashed = true;
        throw e;
      }
    }

    /** Deletes what this save made, unless it committed: the previous generation stays as it was. */
    private void cleanUp(Throwable failure) {
      if (committed) {
        return;
      }
      List<Path> made = new ArrayList<>();
      if (memoryTempCreated && !memoryRenamed) {
        made.add(memoryTemp);
      }
      if (memoryRenamed) {
        made.add(memoryFile);
      }
      if (headerTempCreated) {
        made.add(headerTemp);
      }
      for (Path file : made) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          failure.addSuppressed(e);
        }
      }
    }

    private IOException failure(IOException e) {
      String reason = e instanceof FileSystemException && ((FileSystemException) e).getReason() != null
          ? ((FileSystemException) e).getReason() : e.getMessage();
      String intact = committed ? "" : previous == null ? "; no earlier generation exists"
          : "; generation " + previous.generation() + " is intact";
      String message = "cannot save VM '" + vm + "': " + doing + " " + current + " failed: " + reason + intact
          + (committed ? "" : "; the files of this attempt were deleted");
      return new IOException(message, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.debug("superseded memory file {} could not be deleted (still mapped on this platform?)", file, e);
    }
  }

  /** Returns the committed header, or null when there is none or it is unreadable (then nothing is lost). */
  private static SavedStateHeader previous(Path header, VmId vm) throws IOException {
    if (!Files.exists(header, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try {
      return SavedStateReader.readHeader(header, vm);
    } catch (CorruptSavedStateException e) {
      LOG.debug("the committed header is unusable; the new save starts a fresh generation", e);
      return null;
    }
  }

  /**
   * Writes the non-zero touched pages at their fixed offsets in runs of up to 8 MiB, computing each
   * chunk's CRC32C from the same bytes while the previous run is being written; zero pages and
   * untouched pages stay holes.
   */
  private static void writePages(MappedGuestMemory memory, PipelinedWriter out, PageBitmap stored, int[] crcs)
      throws IOException {
    ChunkCrc crc = new ChunkCrc();
    long pagesPerChunk = memory.chunkBytes() / PAGE_SIZE;
    PageBitmap touched = memory.touched;
    for (int c = 0; c < crcs.length; c++) {
      long first = c * pagesPerChunk;
      long end = Math.min(first + pagesPerChunk, memory.pageCount());
      MappedByteBuffer chunk = memory.chunk(c);
      crc.reset();
      long page = touched.nextPage(first);
      while (page >= 0 && page < end) {
        int offset = (int) ((page - first) * PAGE_SIZE);
        if (SavedStateIo.isZeroPage(chunk, offset)) {
          page = touched.nextPage(page + 1);
          continue;
        }
        long runEnd = page + 1;
        while (runEnd < end && runEnd - page < SavedStateIo.MAX_RUN_PAGES && touched.contains(runEnd)
            && !SavedStateIo.isZeroPage(chunk, (int) ((runEnd - first) * PAGE_SIZE))) {
          runEnd++;
        }
        int pages = (int) (runEnd - page);
        ByteBuffer run = chunk.slice(offset, pages * PAGE_SIZE);
        crc.add(offset, run);
        out.write(run, page * PAGE_SIZE);
        for (long p = page; p < runEnd; p++) {
          stored.set(p);
        }
        page = touched.nextPage(runEnd);
      }
      crcs[c] = crc.finish(memory.chunkLength(c));
    }
  }
}
