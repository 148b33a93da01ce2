package io.hvcluster.core.memory;

import static io.hvcluster.api.GuestMemory.PAGE_SIZE;

import io.hvcluster.api.CorruptSavedStateException;
import io.hvcluster.api.SavedStateInfo;
import io.hvcluster.api.VmId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads committed saved states: validates the header, checks the memory file against it, and restores
 * memory eagerly (copy every stored page and verify every chunk) or lazily (map copy-on-write, verify
 * each chunk on first access). Nothing is read past a file's real size.
 *
 * <p>Not thread-safe.
 */
final class SavedStateReader {
  private final Path dir;

  SavedStateReader(Path dir) {
    this.dir = dir;
  }

  /** Reads and validates the header file of {@code vm}. */
  static SavedStateHeader readHeader(Path header, VmId vm) throws IOException {
    requireRegularFile(header);
    try (FileChannel in = FileChannel.open(header, StandardOpenOption.READ)) {
      long size = in.size();
      if (size > SavedStateDescriptor.MAX_HEADER_LENGTH) {
        throw new CorruptSavedStateException(header, SavedStateDescriptor.MAX_HEADER_LENGTH, "the file has " + size
            + " bytes, more than any valid header (" + SavedStateDescriptor.MAX_HEADER_LENGTH + ")");
      }
      ByteBuffer bytes = ByteBuffer.allocate((int) size);
      SavedStateIo.readFully(in, bytes, 0, header);
      return SavedStateHeader.decode(header, bytes.flip(), vm);
    } catch (NoSuchFileException e) {
      throw new CorruptSavedStateException(header, -1, "missing: no committed saved state");
    }
  }

  SavedStateHeader header(VmId vm) throws IOException {
    Path header = OwnerOnlyFiles.fileOf(dir, vm, SavedStateDescriptor.HEADER_SUFFIX);
    if (!Files.exists(header)) {
      Path temp = OwnerOnlyFiles.fileOf(dir, vm, SavedStateDescriptor.MEMORY_SUFFIX + SavedStateDescriptor.TEMP_SUFFIX);
      Path headerTemp = OwnerOnlyFiles.fileOf(dir, vm, SavedStateDescriptor.HEADER_SUFFIX
          + SavedStateDescriptor.TEMP_SUFFIX);
      String why;
      if (Files.exists(temp) || Files.exists(headerTemp)) {
        why = "incomplete: a save was interrupted before it committed, and no earlier generation exists";
      } else if (Files.exists(OwnerOnlyFiles.fileOf(dir, vm, SavedStateDescriptor.MEMORY_SUFFIX))
          || Files.exists(OwnerOnlyFiles.fileOf(dir, vm, SavedStateDescriptor.MEMORY_SUFFIX_ALTERNATE))) {
        // A first save killed between renaming its memory file into place and writing the header.
        why = "incomplete: a memory file without a header (an interrupted save), and no earlier generation exists";
      } else {
        why = "missing: no committed saved state";
      }
      throw new CorruptSavedStateException(header, -1, why);
    }
    return readHeader(header, vm);
  }

  /** Returns the memory file a header refers to, after checking that it exists and has the right size. */
  Path memoryFile(SavedStateHeader header) throws IOException {
    Path file = OwnerOnlyFiles.fileOf(dir, header.vm(), SavedStateDescriptor.memorySuffix(header.slot()));
    long size;
    try {
      requireRegularFile(file);
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new CorruptSavedStateException(file, -1, "missing: the memory file of generation "
          + header.generation() + " does not exist");
    }
    if (size != header.memoryBytes()) {
      throw new CorruptSavedStateException(file, Math.min(size, header.memoryBytes()), "the memory file has " + size
          + " bytes; the header says " + header.memoryBytes() + (size < header.memoryBytes() ? " (truncated)" : ""));
    }
    return file;
  }

  /**
   * Rejects anything but a regular file, without following symbolic links: a FIFO would block the
   * reader, a device or a link could point anywhere.
   */
  private static void requireRegularFile(Path file) throws IOException {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new CorruptSavedStateException(file, -1, "not a regular file (symbolic links are not followed)");
    }
  }

  /** Checks the header and every chunk of the memory file without restoring. */
  SavedStateInfo verify(VmId vm) throws IOException {
    SavedStateHeader header = header(vm);
    Path file = memoryFile(header);
    ByteBuffer buffer = ByteBuffer.allocateDirect(SavedStateIo.MAX_RUN_PAGES * PAGE_SIZE);
    ChunkCrc crc = new ChunkCrc();
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      forEachChunk(header, (chunk, first, end) -> {
        crc.reset();
        SavedStateIo.forEachRun(header.stored(), first, end, (page, pages) -> {
          buffer.clear().limit(pages * PAGE_SIZE);
          SavedStateIo.readFully(in, buffer, page * PAGE_SIZE, file);
          crc.add((page - first) * PAGE_SIZE, buffer.flip());
        });
        checkChunk(file, header, chunk, crc.finish((end - first) * PAGE_SIZE));
      });
    }
    return header.info();
  }

  /** Copies every stored page into fresh memory in {@code hostDir}, verifying each chunk. */
  RestoreReport restoreEager(VmId vm, Path hostDir) throws IOException {
    SavedStateHeader header = header(vm);
    Path file = memoryFile(header);
    MappedGuestMemory memory = MappedGuestMemory.create(vm, header.memoryBytes(), header.chunkBytes(), hostDir);
    ChunkCrc crc = new ChunkCrc();
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      forEachChunk(header, (chunk, first, end) -> {
        crc.reset();
        SavedStateIo.forEachRun(header.stored(), first, end, (page, pages) -> {
          ByteBuffer run = memory.run(page, pages);
          SavedStateIo.readFully(in, run, page * PAGE_SIZE, file);
          crc.add((page - first) * PAGE_SIZE, run.flip());
          memory.markRestored(page, pages);
        });
        checkChunk(file, header, chunk, crc.finish((end - first) * PAGE_SIZE));
      });
    } catch (IOException | RuntimeException e) {
      memory.close();
      throw e;
    }
    return new RestoreReport(memory, header.info(), io.hvcluster.api.RestoreMode.EAGER, header.stored().count()
        * PAGE_SIZE);
  }

  /** Maps the memory file copy-on-write; chunks are verified on first access. */
  RestoreReport restoreLazy(VmId vm) throws IOException {
    SavedStateHeader header = header(vm);
    Path file = memoryFile(header);
    MappedByteBuffer[] chunks = new MappedByteBuffer[header.chunkCount()];
    // MapMode.PRIVATE needs a channel opened for writing; nothing is ever written through it.
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      if (in.size() != header.memoryBytes()) {
        throw new CorruptSavedStateException(file, in.size(), "the memory file changed size while opening");
      }
      for (int c = 0; c < chunks.length; c++) {
        long offset = (long) c * header.chunkBytes();
        chunks[c] = in.map(FileChannel.MapMode.PRIVATE, offset, Math.min(header.chunkBytes(),
            header.memoryBytes() - offset));
      }
    } catch (IOException | RuntimeException e) {
      for (MappedByteBuffer chunk : chunks) {
        Unmapper.unmap(chunk);
      }
      throw e;
    }
    MappedGuestMemory memory = MappedGuestMemory.lazy(vm, header.memoryBytes(), header.chunkBytes(), chunks,
        header.stored().copy(), new LazyVerifier(file, header.chunkCrcs()));
    return new RestoreReport(memory, header.info(), io.hvcluster.api.RestoreMode.LAZY, 0);
  }

  private static void checkChunk(Path file, SavedStateHeader header, int chunk, int actual)
      throws CorruptSavedStateException {
    if (actual != header.chunkCrc(chunk)) {
      throw new CorruptSavedStateException(file, (long) chunk * header.chunkBytes(), "chunk " + chunk
          + " CRC32C mismatch: header has " + Integer.toHexString(header.chunkCrc(chunk)) + ", data gives "
          + Integer.toHexString(actual));
    }
  }

  @FunctionalInterface
  private interface ChunkAction {
    void run(int chunk, long firstPage, long endPage) throws IOException;
  }

  private static void forEachChunk(SavedStateHeader header, ChunkAction action) throws IOException {
    long pagesPerChunk = header.chunkBytes() / PAGE_SIZE;
    long pages = header.memoryBytes() / PAGE_SIZE;
    for (int c = 0; c < header.chunkCount(); c++) {
      long first = c * pagesPerChunk;
      action.run(c, first, Math.min(first + pagesPerChunk, pages));
    }
  }
}
