package io.hvcluster.core.memory;

import static io.hvcluster.api.GuestMemory.PAGE_SIZE;

import com.sun.nio.file.ExtendedOpenOption;
import io.hvcluster.api.CorruptSavedStateException;
import io.hvcluster.api.VmId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one saved state with the commit protocol of {@link SavedStateDescriptor}: pages into a new
 * temporary memory file (zero pages skipped, CRC32C per chunk computed on the way), force, rename into
 * the free slot; then the header into a temporary file, force, rename over the committed header; then
 * the previous memory file is deleted.
 *
 * <p>Not thread-safe: one save per VM and directory at a time.
 */
final class SavedStateWriter {
  private static final Logger LOG = LoggerFactory.getLogger(SavedStateWriter.class);
  /** Writer threads for direct I/O: enough outstanding writes to keep a disk's queue busy. */
  private static final int DIRECT_WRITERS = 4;

  private final Path dir;
  private final SaveObserver observer;
  private final boolean directIo;
  private final Executor cleanup;

  SavedStateWriter(Path dir, SaveObserver observer, boolean directIo, Executor cleanup) {
    this.dir = dir;
    this.observer = observer;
    this.directIo = directIo;
    this.cleanup = cleanup;
  }


  SaveReport save(MappedGuestMemory memory, byte[] deviceState) throws IOException {
    VmId vm = memory.vm();
    Path header = OwnerOnlyFiles.fileOf(dir, vm, SavedStateDescriptor.HEADER_SUFFIX);
    Path headerTemp = OwnerOnlyFiles.fileOf(dir, vm, SavedStateDescriptor.HEADER_SUFFIX
        + SavedStateDescriptor.TEMP_SUFFIX);
    Path memoryTemp = OwnerOnlyFiles.fileOf(dir, vm, SavedStateDescriptor.MEMORY_SUFFIX
        + SavedStateDescriptor.TEMP_SUFFIX);
    SavedStateHeader previous = previous(header, vm);
    long generation = previous == null ? 1 : Math.addExact(previous.generation(), 1);
    int slot = previous == null ? 0 : 1 - previous.slot();
    Path memoryFile = OwnerOnlyFiles.fileOf(dir, vm, SavedStateDescriptor.memorySuffix(slot));
    Files.deleteIfExists(memoryTemp);
    Files.deleteIfExists(headerTemp);

    PageBitmap stored = new PageBitmap(memory.pageCount());
    int[] crcs = new int[memory.chunkCount()];
    OwnerOnlyFiles.createSparse(memoryTemp, memory.sizeBytes()).close();
    FileChannel direct = openDirect(memoryTemp);
    try (FileChannel out = direct != null ? direct : FileChannel.open(memoryTemp, StandardOpenOption.WRITE);
        PipelinedWriter pages = new PipelinedWriter(out, "hvcluster-save-" + vm, direct != null ? DIRECT_WRITERS : 1)) {
      writePages(memory, pages, stored, crcs);
      pages.finish();
      observer.reached(SaveStage.MEMORY_WRITTEN, memoryTemp);
      out.force(false);
      observer.reached(SaveStage.MEMORY_FORCED, memoryTemp);
    }
    Files.move(memoryTemp, memoryFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    OwnerOnlyFiles.syncDirectory(dir);
    observer.reached(SaveStage.MEMORY_RENAMED, memoryFile);

    SavedStateHeader written = new SavedStateHeader(vm, generation, memory.sizeBytes(), memory.chunkBytes(), slot,
        stored, crcs, deviceState);
    ByteBuffer bytes = written.encode();
    long headerBytes = bytes.remaining();
    try (FileChannel out = OwnerOnlyFiles.createSparse(headerTemp, 0)) {
      SavedStateIo.writeFully(out, bytes, 0);
      observer.reached(SaveStage.HEADER_WRITTEN, headerTemp);
      out.force(true);
      observer.reached(SaveStage.HEADER_FORCED, headerTemp);
    }
    Files.move(headerTemp, header, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    OwnerOnlyFiles.syncDirectory(dir);
    observer.reached(SaveStage.COMMITTED, header);

    Path stale = OwnerOnlyFiles.fileOf(dir, vm, SavedStateDescriptor.memorySuffix(1 - slot));
    Path superseded = OwnerOnlyFiles.fileOf(dir, vm, SavedStateDescriptor.SUPERSEDED_SUFFIX);
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
    observer.reached(SaveStage.PREVIOUS_DELETED, stale);
    return new SaveReport(written.info(), header, memoryFile, memory.touchedPageCount(), stored.count(),
        stored.count() * PAGE_SIZE, headerBytes);
  }

  /**
   * Opens the memory file for direct I/O where the file system allows 4 KiB-aligned direct writes, or
   * returns null. Direct writes go from guest memory to the disk without a second copy in the page
   * cache, so the force that follows has little left to flush (QEMU's mapped-ram does the same); since
   * each direct write waits for the disk, several writer threads keep the device's queue filled.
   * Without direct I/O, pages are written through the page cache by one writer.
   */
  private FileChannel openDirect(Path file) {
    if (directIo) {
      try {
        long block = Files.getFileStore(file).getBlockSize();
        if (block > 0 && block <= PAGE_SIZE && PAGE_SIZE % block == 0) {
          return FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        }
      } catch (IOException | UnsupportedOperationException e) {
        LOG.debug("direct I/O is unavailable for {}; writing through the page cache", file, e);
      }
    }
    return null;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.debug("superseded memory file {} could not be deleted (still mapped on this platform?)", file, e);
    }
  }

  /** Returns the committed header, or null when there is none or it is unreadable (then nothing is lost). */
  private SavedStateHeader previous(Path header, VmId vm) throws IOException {
    if (!Files.exists(header)) {
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
        if (isZero(chunk, offset)) {
          page = touched.nextPage(page + 1);
          continue;
        }
        long runEnd = page + 1;
        while (runEnd < end && runEnd - page < SavedStateIo.MAX_RUN_PAGES && touched.contains(runEnd)
            && !isZero(chunk, (int) ((runEnd - first) * PAGE_SIZE))) {
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

  private static boolean isZero(ByteBuffer chunk, int offset) {
    for (int i = offset; i < offset + PAGE_SIZE; i += Long.BYTES) {
      if (chunk.getLong(i) != 0) {
        return false;
      }
    }
    return true;
  }
}
