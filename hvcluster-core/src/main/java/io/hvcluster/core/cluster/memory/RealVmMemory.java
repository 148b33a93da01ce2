package io.hvcluster.core.cluster.memory;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.PageSet;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.SavedStateDamage;
import io.hvcluster.api.SavedStateInfo;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimVm;
import io.hvcluster.core.memory.GuestMemories;
import io.hvcluster.core.memory.RestoreReport;
import io.hvcluster.core.memory.SavedStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real guest memory: each host has a directory of sparse memory-mapped files and each LUN a directory of
 * saved states, under the simulation's work directory. A save writes the touched pages to the VM's first
 * LUN; a restore maps them back (lazily, verifying each chunk on first access); a storage fault damages
 * the files on disk.
 */
final class RealVmMemory extends VmMemory {
  private final Path workDirectory;
  /** Saved-state damages done so far, so that each bit rot flips a different bit. */
  private int damages;

  RealVmMemory(ClusterModel cluster, Path workDirectory, long workloadSeed, FailureListener failures) {
    super(cluster, workloadSeed, failures);
    this.workDirectory = workDirectory;
  }

  private Path directory(String kind, String name) {
    Path dir = workDirectory.resolve(kind).resolve(cluster.name()).resolve(name);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    return dir;
  }

  private Path hostDirectory(SimHost host) {
    return directory("hosts", host.id().name());
  }

  /** The saved states of a VM live on its first LUN. */
  private SavedStateStore store(SimVm vm) {
    return SavedStateStore.in(directory("luns", vm.spec().luns().get(0).name()));
  }

  @Override
  public GuestMemory allocate(SimVm vm, SimHost host) {
    try {
      return GuestMemories.real(vm.spec().id(), vm.spec().memoryBytes(), hostDirectory(host));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot allocate the guest memory of " + vm.describe() + " on " + host.id(), e);
    }
  }

  @Override
  SavedStateInfo saveMemory(SimVm vm, GuestMemory memory) {
    try {
      return store(vm).save(memory).info();
    } catch (IOException e) {
      throw new UncheckedIOException("saving " + vm.describe() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  Restored restoreMemory(SimVm vm, RestoreMode mode) {
    try {
      RestoreReport report = store(vm).restore(vm.spec().id(), mode, hostDirectory(vm.node()));
      return new Restored(report.memory(), report.info());
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  @Override
  void verifyRestored(GuestMemory memory) {
    ByteBuffer page = ByteBuffer.allocateDirect(GuestMemory.PAGE_SIZE);
    PageSet touched = memory.touchedPages();
    long chunkPages = CHUNK_BYTES / GuestMemory.PAGE_SIZE;
    for (long p = touched.nextPage(0); p >= 0; p = touched.nextPage((p / chunkPages + 1) * chunkPages)) {
      memory.readPage(p, page.clear());
    }
  }

  @Override
  public void damageSavedState(SimVm vm, SavedStateDamage damage) {
    SavedStateFiles.damage(store(vm).directory(), vm.spec().id(), damage, damages++);
  }

  @Override
  void forgetSavedImage(SimVm vm) {
    // The saved state stays on the LUN; the next save commits a newer generation over it.
  }
}
