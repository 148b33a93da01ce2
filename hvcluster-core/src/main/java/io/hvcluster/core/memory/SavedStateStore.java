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
 * <p>Not thread-safe: use one store per directory from the simulation's thread.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class SavedStateStore {
  private final Path dir;
  private final SavedStateWriter writer;
  private final SavedStateReader reader;
  private final List<Thread> cleaners = new ArrayList<>();

  SavedStateStore(Path dir, SaveObserver observer) {
    this(dir, observer, true, Runnable::run);
  }

  /** Builds a store; a null {@code cleanup} deletes superseded files on background threads. */
  SavedStateStore(Path dir, SaveObserver observer, boolean directIo, Executor cleanup) {
    this.dir = OwnerOnlyFiles.directory(dir, "saved-state");
    this.writer = new SavedStateWriter(this.dir, observer, directIo, cleanup == null ? this::deleteInBackground
        : cleanup);
    this.reader = new SavedStateReader(this.dir);
  }

  /**
   * Returns the store of a directory that stands for a LUN.
   *
   * @param lunDir an existing directory
   * @return the store
   * @throws IllegalArgumentException when the directory is missing or not a directory
   */
  public static SavedStateStore in(Path lunDir) {
    return new SavedStateStore(lunDir, SaveObserver.NONE, true, null);
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
   * @throws IOException when writing fails; the previous generation is then intact
   * @throws IllegalArgumentException when the memory is modeled or not made by {@link GuestMemories}, or
   *     the device state is too large
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
    mapped.checkOpen();
    return writer.save(mapped, deviceState);
  }

  /**
   * Restores the committed saved state of a VM into new real memory.
   *
   * @param vm the VM
   * @param mode eager (copy and verify everything now) or lazy (map copy-on-write, verify chunks on first
   *     access; the saved files must stay in place while the memory is open)
   * @param hostDir the target host's directory for the memory file of an eager restore
   * @return the memory, owned by the caller, and what the restore cost
   * @throws CorruptSavedStateException when the saved state is missing, incomplete or corrupt
   * @throws IOException when reading fails otherwise
   */
  public RestoreReport restore(VmId vm, RestoreMode mode, Path hostDir) throws IOException {
    Objects.requireNonNull(vm, "vm");
    Objects.requireNonNull(mode, "mode");
    return mode == RestoreMode.EAGER
        ? reader.restoreEager(vm, OwnerOnlyFiles.directory(hostDir, "host memory"))
        : reader.restoreLazy(vm);
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
    SavedStateHeader header = reader.header(Objects.requireNonNull(vm, "vm"));
    reader.memoryFile(header);
    return header.info();
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
    for (Thread cleaner : cleaners) {
      cleaner.join();
    }
    cleaners.clear();
  }

  private void deleteInBackground(Runnable deletion) {
    cleaners.removeIf(cleaner -> !cleaner.isAlive());
    Thread thread = new Thread(deletion, "hvcluster-saved-state-cleanup");
    thread.setDaemon(true);
    thread.start();
    cleaners.add(thread);
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
   * Deletes every saved-state file of a VM (committed, alternate and temporary). Memory lazily restored
   * from them must be closed first on platforms that cannot delete mapped files.
   *
   * @param vm the VM
   * @throws IOException when a file cannot be deleted
   */
  public void delete(VmId vm) throws IOException {
    for (String suffix : new String[] {SavedStateDescriptor.HEADER_SUFFIX, SavedStateDescriptor.MEMORY_SUFFIX,
        SavedStateDescriptor.MEMORY_SUFFIX_ALTERNATE, SavedStateDescriptor.SUPERSEDED_SUFFIX,
        SavedStateDescriptor.HEADER_SUFFIX + SavedStateDescriptor.TEMP_SUFFIX,
        SavedStateDescriptor.MEMORY_SUFFIX + SavedStateDescriptor.TEMP_SUFFIX}) {
      Files.deleteIfExists(OwnerOnlyFiles.fileOf(dir, vm, suffix));
    }
  }
}
