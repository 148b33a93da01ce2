package io.hvcluster.core.cluster;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.MemoryBacking;
import io.hvcluster.api.PageSet;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.SavedStateInfo;
import io.hvcluster.api.VmState;
import io.hvcluster.core.memory.GuestMemories;
import io.hvcluster.core.memory.GuestWorkload;
import io.hvcluster.core.memory.RestoreReport;
import io.hvcluster.core.memory.SaveReport;
import io.hvcluster.core.memory.SavedStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Guest memory of a cluster's VMs: where it lives, when it exists, what the guest writes into it, and
 * how it is saved to and restored from the VM's LUN.
 *
 * <p>Memory is materialized lazily, when something first looks at it (a migration, a save, a user
 * reading {@code VirtualMachine.memory()}): a fleet of fifty thousand VMs that never migrate costs no
 * bitmaps. Materializing a VM that has been running touches its working set, as its guest would have
 * since boot. The guest workload then writes at its rate in virtual time; a long unobserved stretch is
 * replayed only over its last window, which leaves the memory just as verifiable.
 *
 * <p>With real backing, each host has a directory of sparse memory files and each LUN a directory of
 * saved states, under the simulation's work directory.
 */
final class MemoryManager {
  private final SimCluster cluster;
  private final MemoryBacking backing;
  private final Path workDirectory;
  private final long workloadSeed;

  MemoryManager(SimCluster cluster, MemoryBacking backing, Path workDirectory, long workloadSeed) {
    this.cluster = cluster;
    this.backing = backing;
    this.workDirectory = workDirectory;
    this.workloadSeed = workloadSeed;
  }

  MemoryBacking backing() {
    return backing;
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

  Path hostDirectory(SimHost host) {
    return directory("hosts", host.id().name());
  }

  /** The saved states of a VM live on its first LUN. */
  SavedStateStore store(SimVm vm) {
    return SavedStateStore.in(directory("luns", vm.spec.luns().get(0).name()));
  }

  /** Allocates fresh, zeroed memory for a VM instance on a host. */
  GuestMemory allocate(SimVm vm, SimHost host) {
    if (backing == MemoryBacking.MODELED) {
      return GuestMemories.modeled(vm.spec.id(), vm.spec.memoryBytes());
    }
    try {
      return GuestMemories.real(vm.spec.id(), vm.spec.memoryBytes(), hostDirectory(host));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot allocate the guest memory of " + vm.describe() + " on " + host.id(), e);
    }
  }

  /** A cold boot starts from empty memory and a fresh guest; the guest starts writing once it runs. */
  void coldBoot(SimVm vm) {
    discard(vm);
    vm.workload = null;
    vm.savedImage = null;
  }

  /** Returns the VM's memory, materializing it (and its guest's writes so far) on first use. */
  GuestMemory memory(SimVm vm) {
    if (!vm.state.holdsMemory() || vm.host == null) {
      return null;
    }
    if (vm.memory == null) {
      vm.memory = allocate(vm, vm.host);
    }
    if (vm.workload == null && vm.state != VmState.STARTING) {
      startWorkload(vm);
    }
    advance(vm);
    return vm.memory;
  }

  private void startWorkload(SimVm vm) {
    long workingSet = vm.spec.workload().workingSetBytes() / GuestMemory.PAGE_SIZE;
    if (workingSet == 0) {
      return;
    }
    vm.workload = GuestWorkload.create(workloadSeed, vm.spec.id(), vm.spec.pageCount(),
        vm.spec.workload().dirtyPagesPerSecond(), workingSet);
    vm.workload.idleUntil(Math.max(0, vm.bootedAt));
    vm.workload.fill(vm.memory, 0, workingSet);
  }

  /** Applies the guest's writes up to now if it is running; a stopped or frozen guest writes nothing. */
  void advance(SimVm vm) {
    GuestWorkload w = vm.workload;
    if (w == null || vm.memory == null) {
      return;
    }
    long now = cluster.now();
    if (!vm.serving()) {
      w.idleUntil(Math.max(now, w.nowNanos()));
      return;
    }
    long rate = w.pagesPerSecond();
    if (rate == 0) {
      w.idleUntil(now);
      return;
    }
    long workingSet = vm.spec.workload().workingSetBytes() / GuestMemory.PAGE_SIZE;
    long window = Math.max(1_000_000_000L, 2 * workingSet * 1_000_000_000L / rate);
    if (now - w.nowNanos() > window) {
      w.idleUntil(now - window);
    }
    try {
      w.advanceTo(vm.memory, now);
    } catch (UncheckedIOException e) {
      w.idleUntil(now);
      poisoned(vm, e);
    }
  }

  /**
   * A lazily restored VM has resumed: its guest touches every restored chunk, so a chunk that fails its
   * checksum is found now, and the VM fails (and cold-boots) instead of running on corrupt memory.
   */
  void resumed(SimVm vm) {
    GuestMemory memory = vm.memory;
    if (memory == null || backing == MemoryBacking.MODELED) {
      return;
    }
    ByteBuffer page = ByteBuffer.allocateDirect(GuestMemory.PAGE_SIZE);
    PageSet touched = memory.touchedPages();
    long chunkPages = (1L << 30) / GuestMemory.PAGE_SIZE;
    try {
      for (long p = touched.nextPage(0); p >= 0; p = touched.nextPage((p / chunkPages + 1) * chunkPages)) {
        memory.readPage(p, page.clear());
      }
    } catch (UncheckedIOException e) {
      poisoned(vm, e);
    }
  }

  /** The VM's memory failed verification: the guest crashes, after the current event. */
  private void poisoned(SimVm vm, UncheckedIOException e) {
    GuestMemory bad = vm.memory;
    String why = "guest memory failed verification (" + e.getMessage() + ")";
    cluster.kernel.loop().schedule(0, () -> {
      if (vm.memory == bad && vm.state.isExecuting() && vm.host != null) {
        if (vm.wanted && vm.group.owner == vm.host && vm.migration == null) {
          cluster.reconciler.vmFailed(vm, why);
        } else {
          cluster.lifecycle.kill(vm, why);
        }
      }
    });
  }

  /**
   * Throttles the guest's writes to {@code 1 - fraction} of its normal rate from now on (auto-converge);
   * the writes due before are applied at the old rate first.
   */
  void throttle(SimVm vm, double fraction) {
    memory(vm);
    vm.throttle = fraction;
    GuestWorkload w = vm.workload;
    if (w != null) {
      long rate = Math.round(vm.spec.workload().dirtyPagesPerSecond() * (1.0 - fraction));
      w.setRate(rate, Math.max(cluster.now(), w.nowNanos()));
    }
  }

  /** Before the guest stops running (save, freeze), brings its memory up to date. */
  void quiesce(SimVm vm) {
    if (vm.memory != null) {
      advance(vm);
    }
  }

  /** Writes the VM's memory to its saved-state file (or, when modeled, keeps its page accounting). */
  SavedStateInfo save(SimVm vm) {
    GuestMemory memory = memory(vm);
    if (memory == null) {
      throw new IllegalStateException(vm.describe() + " holds no memory to save in state " + vm.state);
    }
    SimLun lun = cluster.storage.get(vm.spec.luns().get(0));
    if (lun.writeError != null) {
      throw new UncheckedIOException(new IOException("writing to " + lun.describe() + " failed: " + lun.writeError));
    }
    vm.savedImageDamage = null;
    if (backing == MemoryBacking.MODELED) {
      vm.savedImage = memory.touchedPages();
      vm.savedGeneration++;
      return new SavedStateInfo(vm.spec.id(), vm.savedGeneration, vm.spec.memoryBytes(), GuestMemory.PAGE_SIZE,
          1 << 30, (int) ((vm.spec.memoryBytes() + (1L << 30) - 1) >> 30), vm.savedImage.count());
    }
    try {
      SaveReport report = store(vm).save(memory);
      vm.savedGeneration = report.info().generation();
      return report.info();
    } catch (IOException e) {
      throw new UncheckedIOException("saving " + vm.describe() + " failed: " + e.getMessage(), e);
    }
  }

  /** Restores the VM's memory on its current host from its saved state and makes it the VM's memory. */
  SavedStateInfo restore(SimVm vm, RestoreMode mode) {
    discard(vm);
    if (backing == MemoryBacking.MODELED) {
      PageSet image = vm.savedImage;
      if (image == null) {
        throw new UncheckedIOException(new IOException(vm.describe() + " has no saved state"));
      }
      if (vm.savedImageDamage != null) {
        throw new UncheckedIOException(new io.hvcluster.api.CorruptSavedStateException(
            Path.of(vm.spec.id().name() + ".vsv"), 0, "saved state damaged by " + vm.savedImageDamage
                + " (modeled)"));
      }
      GuestMemory memory = allocate(vm, vm.host);
      ByteBuffer zero = ByteBuffer.allocate(GuestMemory.PAGE_SIZE);
      image.forEach(page -> memory.writePage(page, zero.clear()));
      memory.harvestDirty();
      vm.memory = memory;
      return new SavedStateInfo(vm.spec.id(), Math.max(1, vm.savedGeneration), vm.spec.memoryBytes(),
          GuestMemory.PAGE_SIZE, 1 << 30, (int) ((vm.spec.memoryBytes() + (1L << 30) - 1) >> 30), image.count());
    }
    try {
      RestoreReport report = store(vm).restore(vm.spec.id(), mode, hostDirectory(vm.host));
      vm.memory = report.memory();
      return report.info();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /** Bytes a save of the VM would write now: its touched pages, without materializing anything. */
  long bytesToSave(SimVm vm) {
    GuestMemory m = vm.memory;
    long pages = m != null ? m.touchedPageCount() : vm.spec.workload().workingSetBytes() / GuestMemory.PAGE_SIZE;
    return pages * GuestMemory.PAGE_SIZE;
  }

  void discard(SimVm vm) {
    if (vm.memory != null) {
      vm.memory.close();
      vm.memory = null;
    }
  }
}
