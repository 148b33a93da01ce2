package io.hvcluster.core.memory;

import io.hvcluster.api.CorruptSavedStateException;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.SavedStateInfo;
import io.hvcluster.api.VmId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.apiguardian.api.API;

/**
 * The saved states of the VMs on one LUN directory: {@code <vm>.vsv} and {@code <vm>.bin} as
 * {@link SavedStateDescriptor} lays them out. A save commits a new generation without ever destroying
 * the last committed one first; a restore or verify rejects a missing, incomplete, torn, truncated,
 * corrupt or hostile saved state with a {@link CorruptSavedStateException} naming the file, offset and
 * reason, and the caller cold-boots the VM instead.
 *
 * <pre>{@code
 * SavedStateStore lun = SavedStateStore.in(lunDir);
 * SaveReport saved = lun.save(memory);                       // memory from GuestMemories.real(...)
 * RestoreReport restored = lun.restore(vm, RestoreMode.LAZY, targetHostDir);
 * try (GuestMemory back = restored.memory()) { ... }
 * }</pre>
 *
 * <p>Saves and reads of one VM's saved state may run at once in any threads and processes (through this
 * store or others on the same directory): each VM's saved state has a lock file, {@code <vm>.lock}, that
 * a save holds exclusively for the whole save and a reader holds shared while it reads the header and
 * opens the memory file. So every verify and restore sees one complete committed generation, and saves
 * of one VM follow each other, each committing the generation after the last. The operating system
 * drops the lock of a process that dies.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class SavedStateStore {
  private final Path dir;
  private final Path lockDir;
  private final SavedStateWriter writer;
  private final SavedStateReader reader;
  /** Background deletions not yet awaited; guarded by itself. */
  private final List<Thread> cleaners = new ArrayList<>();

  SavedStateStore(Path dir, SaveObserver observer) {
    this(dir, observer, true, DirectorySync.REPORT, Runnable::run, true, SavedStateWriter.DirectoryForce.FSYNC);
  }

  /**
   * Builds a store; a null {@code cleanup} deletes superseded files on background threads, and
   * {@code lockReads} false makes readers use the re-read-and-retry path of a read-only file system.
   */
  SavedStateStore(Path dir, SaveObserver observer, boolean directIo, DirectorySync directorySync, Executor cleanup,
      boolean lockReads, SavedStateWriter.DirectoryForce force) {
    this.dir = OwnerOnlyFiles.directory(dir, "saved-state");
    try {
      // Locks are per file: one directory reached through two paths must give one lock file name.
      this.lockDir = this.dir.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("saved-state directory " + dir + " cannot be resolved: " + e, e);
    }
    this.writer = new SavedStateWriter(this.dir, lockDir, observer, directIo, Objects.requireNonNull(directorySync,
        "directorySync"), cleanup == null ? this::deleteInBackground : cleanup, force);
    this.reader = new SavedStateReader(this.dir, lockDir, lockReads);
  }

  /**
   * Returns the store of a directory that stands for a LUN.
   *
   * @param lunDir an existing directory
   * @return the store
   * @throws IllegalArgumentException when the directory is missing or not a directory
   */
  public static SavedStateStore in(Path lunDir) {
    return in(lunDir, DirectorySync.REPORT);
  }

  /**
   * Returns the store of a directory that stands for a LUN, choosing what a save does when the file
   * system refuses to force the directory to disk.
   *
   * @param lunDir an existing directory
   * @param directorySync {@link DirectorySync#REPORT} (the default of {@link #in(Path)}) or
   *     {@link DirectorySync#REQUIRE}
   * @return the store
   * @throws IllegalArgumentException when the directory is missing or not a directory
   */
  public static SavedStateStore in(Path lunDir, DirectorySync directorySync) {
    return new SavedStateStore(lunDir, SaveObserver.NONE, true, directorySync, null, true,
        SavedStateWriter.DirectoryForce.FSYNC);
  }

  /**
   * Returns the directory.
   *
   * @return the absolute, normalized directory
   */
  public Path directory() {
    return dir;
  }

  /**
   * Saves real memory as the next generation of its VM's saved state, with no device state.
   *
   * @param memory open real memory made by {@link GuestMemories}
   * @return what was written
   * @throws IOException when writing fails; the previous generation is then intact
   * @throws IllegalArgumentException when the memory is modeled or not made by {@link GuestMemories}
   */
  public SaveReport save(GuestMemory memory) throws IOException {
    return save(memory, new byte[0]);
  }

  /**
   * Saves real memory and opaque device state as the next generation of its VM's saved state.
   *
   * @param memory open real memory made by {@link GuestMemories}
   * @param deviceState up to 1 MiB stored in the header and returned by {@link #deviceState(VmId)}
   * @return what was written
   * @throws IOException when writing fails (the message names the file and the reason); the previous
   *     generation is then intact and the files of the attempt are deleted
   * @throws IllegalArgumentException when the memory is modeled or not made by {@link GuestMemories}, or
   *     the device state is too large
   * @throws IllegalStateException when the memory is closed
   */
  public SaveReport save(GuestMemory memory, byte[] deviceState) throws IOException {
    Objects.requireNonNull(memory, "memory");
    if (!(memory instanceof MappedGuestMemory)) {
      throw new IllegalArgumentException("only real memory made by GuestMemories can be saved; " + memory
          + " is " + memory.backing());
    }
    if (deviceState.length > SavedStateDescriptor.MAX_DEVICE_STATE_BYTES) {
      throw new IllegalArgumentException("device state has " + deviceState.length + " bytes; at most "
          + SavedStateDescriptor.MAX_DEVICE_STATE_BYTES + " are allowed");
    }
    MappedGuestMemory mapped = (MappedGuestMemory) memory;
    // Held for the whole save: the pages are read from the mapping, which close must not release meanwhile.
    mapped.enter();
    try {
      return writer.save(mapped, deviceState);
    } finally {
      mapped.exit();
    }
  }

  /**
   * Restores the committed saved state of a VM into new real memory.
   *
   * @param vm the VM
   * @param mode eager (copy and verify everything now) or lazy (copy and verify each chunk on its first
   *     access; the memory keeps the saved memory file open until then, so later saves do not disturb it)
   * @param hostDir the target host's directory, where the restored memory's own sparse file goes
   * @return the memory, owned by the caller, and what the restore cost
   * @throws CorruptSavedStateException when the saved state is missing, incomplete or corrupt
   * @throws IOException when reading fails otherwise
   */
  public RestoreReport restore(VmId vm, RestoreMode mode, Path hostDir) throws IOException {
    Objects.requireNonNull(vm, "vm");
    Objects.requireNonNull(mode, "mode");
    Path host = OwnerOnlyFiles.directory(hostDir, "host memory");
    return mode == RestoreMode.EAGER ? reader.restoreEager(vm, host) : reader.restoreLazy(vm, host);
  }

  /**
   * Checks the committed saved state of a VM completely: the header and every chunk's CRC32C.
   *
   * @param vm the VM
   * @return the committed state's description
   * @throws CorruptSavedStateException when it is missing, incomplete or corrupt
   * @throws IOException when reading fails otherwise
   */
  public SavedStateInfo verify(VmId vm) throws IOException {
    return reader.verify(Objects.requireNonNull(vm, "vm"));
  }

  /**
   * Reads and checks the committed header of a VM, without reading the memory file's contents.
   *
   * @param vm the VM
   * @return the committed state's description
   * @throws CorruptSavedStateException when the header is missing or corrupt, or the memory file is
   *     missing or of the wrong size
   * @throws IOException when reading fails otherwise
   */
  public SavedStateInfo info(VmId vm) throws IOException {
    return reader.info(Objects.requireNonNull(vm, "vm"));
  }

  /**
   * Returns the device state stored with the committed saved state of a VM.
   *
   * @param vm the VM
   * @return a copy of the bytes, empty when none was saved
   * @throws CorruptSavedStateException when the header is missing or corrupt
   * @throws IOException when reading fails otherwise
   */
  public byte[] deviceState(VmId vm) throws IOException {
    return reader.header(Objects.requireNonNull(vm, "vm")).deviceState();
  }

  /**
   * Waits until the superseded memory files of earlier saves are deleted. A save retires the previous
   * generation's memory file by renaming it and deletes it in the background, because freeing a large
   * file's blocks is slow and the new generation is already committed by then.
   *
   * @throws InterruptedException when interrupted while waiting
   */
  public void awaitCleanup() throws InterruptedException {
    List<Thread> started;
    synchronized (cleaners) {
      started = new ArrayList<>(cleaners);
    }
    for (Thread cleaner : started) {
      cleaner.join();
    }
    synchronized (cleaners) {
      cleaners.removeAll(started);
    }
  }

  private void deleteInBackground(Runnable deletion) {
    Thread thread = new Thread(deletion, "hvcluster-saved-state-cleanup");
    thread.setDaemon(true);
    synchronized (cleaners) {
      cleaners.removeIf(cleaner -> !cleaner.isAlive());
      cleaners.add(thread);
    }
    thread.start();
  }

  /**
   * Returns the header file of a VM, whether or not it exists.
   *
   * @param vm the VM
   * @return {@code <dir>/<vm>.vsv}
   */
  public Path headerFile(VmId vm) {
    return OwnerOnlyFiles.fileOf(dir, vm, SavedStateDescriptor.HEADER_SUFFIX);
  }

  /**
   * Deletes every saved-state file of a VM (committed, alternate and temporary), holding its lock, so no
   * save or read of it is in progress. The empty lock file {@code <vm>.lock} stays: deleting it could
   * let a process that waits for it and one that comes later lock two different files.
   *
   * @param vm the VM
   * @throws IOException when a file cannot be deleted
   */
  @SuppressWarnings("try") // the lock is held by the try block itself
  public void delete(VmId vm) throws IOException {
    try (SavedStateLock.Held lock = SavedStateLock.exclusive(OwnerOnlyFiles.fileOf(lockDir, vm,
        SavedStateDescriptor.LOCK_SUFFIX))) {
      deleteFiles(vm);
    }
  }

  private void deleteFiles(VmId vm) throws IOException {
    for (String suffix : new String[] {SavedStateDescriptor.HEADER_SUFFIX, SavedStateDescriptor.MEMORY_SUFFIX,
        SavedStateDescriptor.MEMORY_SUFFIX_ALTERNATE, SavedStateDescriptor.SUPERSEDED_SUFFIX,
        SavedStateDescriptor.HEADER_SUFFIX + SavedStateDescriptor.TEMP_SUFFIX,
        SavedStateDescriptor.MEMORY_SUFFIX + SavedStateDescriptor.TEMP_SUFFIX}) {
      Files.deleteIfExists(OwnerOnlyFiles.fileOf(dir, vm, suffix));
    }
  }
}
