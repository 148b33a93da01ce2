package io.hvcluster.core.memory;

import static io.hvcluster.api.GuestMemory.PAGE_SIZE;

import io.hvcluster.api.CorruptSavedStateException;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.SavedStateInfo;
import io.hvcluster.api.VmId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads committed saved states: validates the header, opens the memory file it names and checks it
 * against it, and verifies or restores. Every read of a memory file is a positional read of an open
 * channel, never a mapping of it, so a file truncated or damaged meanwhile is an exception, not a
 * crash. Nothing is read past a file's real size.
 *
 * <p>A reader takes the VM's {@link SavedStateLock} shared while it reads the header and opens the
 * memory file; after that the open file stays readable whatever later saves do, since a committed memory
 * file is never modified. Where the lock cannot be taken (a read-only file system), it re-reads the
 * header after opening and starts again when a save committed in between.
 *
 * <p>Thread-safe.
 */
final class SavedStateReader {
  /** Attempts of a reader without the lock before it gives up on a directory saved to continuously. */
  static final int UNLOCKED_ATTEMPTS = 1000;

  private final Path dir;
  private final Path lockDir;
  private final boolean lockReads;

  SavedStateReader(Path dir, Path lockDir, boolean lockReads) {
    this.dir = dir;
    this.lockDir = lockDir;
    this.lockReads = lockReads;
  }

  /** A committed header and its memory file, open; closing it closes the file. */
  static final class Opened implements AutoCloseable {
    final SavedStateHeader header;
    final Path file;
    final FileChannel channel;

    Opened(SavedStateHeader header, Path file, FileChannel channel) {
      this.header = header;
      this.file = file;
      this.channel = channel;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** Reads and validates the header file of {@code vm}. */
  static SavedStateHeader readHeader(Path header, VmId vm) throws IOException {
    requireRegularFile(header);
    try (FileChannel in = FileChannel.open(header, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
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

  /** Reads the committed header and opens its memory file, consistently with concurrent saves. */
  Opened open(VmId vm) throws IOException {
    SavedStateLock.Held lock = lockReads ? SavedStateLock.shared(OwnerOnlyFiles.fileOf(lockDir, vm,
        SavedStateDescriptor.LOCK_SUFFIX)) : null;
    try {
      if (lock != null && lock.locked()) {
        SavedStateHeader header = header(vm);
        return openMemory(header);
      }
      return openUnlocked(vm);
    } finally {
      if (lock != null) {
        lock.close();
      }
    }
  }

  /**
   * Without the lock: reads the header, opens its memory file, and re-reads the header; a changed
   * generation (or a memory file retired in between) means a save committed, so it starts again.
   */
  private Opened openUnlocked(VmId vm) throws IOException {
    for (int attempt = 1; ; attempt++) {
      SavedStateHeader header = header(vm);
      Opened opened;
      try {
        opened = openMemory(header);
      } catch (CorruptSavedStateException e) {
        if (attempt < UNLOCKED_ATTEMPTS && changed(vm, header)) {
          continue;
        }
        throw e;
      }
      if (!changed(vm, header)) {
        return opened;
      }
      opened.close();
      if (attempt >= UNLOCKED_ATTEMPTS) {
        throw new IOException("the saved state of VM '" + vm + "' in " + dir + " changed during each of "
            + UNLOCKED_ATTEMPTS + " attempts to read it without its lock");
      }
    }
  }

  private boolean changed(VmId vm, SavedStateHeader read) throws IOException {
    try {
      SavedStateHeader now = header(vm);
      return now.generation() != read.generation() || now.slot() != read.slot();
    } catch (CorruptSavedStateException e) {
      return true;
    }
  }

  /** Opens the memory file a header refers to, after checking that it is a regular file of the right size. */
  private Opened openMemory(SavedStateHeader header) throws IOException {
    Path file = OwnerOnlyFiles.fileOf(dir, header.vm(), SavedStateDescriptor.memorySuffix(header.slot()));
    FileChannel channel;
    try {
      requireRegularFile(file);
      channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new CorruptSavedStateException(file, -1, "missing: the memory file of generation "
          + header.generation() + " does not exist");
    } catch (FileSystemException e) {
      throw new CorruptSavedStateException(file, -1, "cannot be opened: " + e.getReason()
          + " (symbolic links are not followed)");
    }
    try {
      long size = channel.size();
      if (size != header.memoryBytes()) {
        throw new CorruptSavedStateException(file, Math.min(size, header.memoryBytes()), "the memory file has "
            + size + " bytes; the header says " + header.memoryBytes()
            + (size < header.memoryBytes() ? " (truncated)" : ""));
      }
      return new Opened(header, file, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
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
    try (Opened opened = open(vm)) {
      SavedStateHeader header = opened.header;
      ByteBuffer buffer = ByteBuffer.allocateDirect(SavedStateIo.MAX_RUN_PAGES * PAGE_SIZE);
      ChunkCrc crc = new ChunkCrc();
      long pagesPerChunk = header.chunkBytes() / PAGE_SIZE;
      for (int c = 0; c < header.chunkCount(); c++) {
        long first = c * pagesPerChunk;
        long length = Math.min(header.chunkBytes(), header.memoryBytes() - first * PAGE_SIZE);
        int actual = SavedStateIo.readChunk(opened.channel, opened.file, header.stored(), first, length,
            (page, pages) -> buffer.clear().limit(pages * PAGE_SIZE), crc);
        checkChunk(opened.file, header, c, actual);
      }
      return header.info();
    }
  }

  /** Checks the committed header and that its memory file exists with the right size. */
  SavedStateInfo info(VmId vm) throws IOException {
    try (Opened opened = open(vm)) {
      return opened.header.info();
    }
  }

  /** Copies every stored page into fresh memory in {@code hostDir}, verifying each chunk. */
  RestoreReport restoreEager(VmId vm, Path hostDir) throws IOException {
    MappedGuestMemory memory = restore(vm, hostDir);
    try {
      memory.fillAll();
    } catch (IOException | RuntimeException e) {
      memory.close();
      throw e;
    }
    SavedStateInfo info = memory.restoredFrom();
    return new RestoreReport(memory, info, RestoreMode.EAGER, info.storedPages() * PAGE_SIZE);
  }

  /**
   * Makes fresh memory in {@code hostDir} whose chunks are filled from the memory file, and verified, on
   * first access; the memory keeps the memory file open until every chunk is filled or it is closed.
   */
  RestoreReport restoreLazy(VmId vm, Path hostDir) throws IOException {
    MappedGuestMemory memory = restore(vm, hostDir);
    return new RestoreReport(memory, memory.restoredFrom(), RestoreMode.LAZY, 0);
  }

  private MappedGuestMemory restore(VmId vm, Path hostDir) throws IOException {
    Opened opened = open(vm);
    try {
      SavedStateHeader header = opened.header;
      return MappedGuestMemory.restoring(vm, header.memoryBytes(), header.chunkBytes(), hostDir,
          new LazyChunks(opened));
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  static void checkChunk(Path file, SavedStateHeader header, int chunk, int actual)
      throws CorruptSavedStateException {
    if (actual != header.chunkCrc(chunk)) {
      throw new CorruptSavedStateException(file, (long) chunk * header.chunkBytes(), "chunk " + chunk
          + " CRC32C mismatch: header has " + Integer.toHexString(header.chunkCrc(chunk)) + ", data gives "
          + Integer.toHexString(actual));
    }
  }

}
