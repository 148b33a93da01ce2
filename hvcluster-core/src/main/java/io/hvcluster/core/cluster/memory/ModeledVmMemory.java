package io.hvcluster.core.cluster.memory;

import io.hvcluster.api.CorruptSavedStateException;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.PageSet;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.SavedStateDamage;
import io.hvcluster.api.SavedStateInfo;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimVm;
import io.hvcluster.core.memory.GuestMemories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Modeled guest memory: sizes and dirty-page accounting only, for fleet-scale runs. A save keeps the set
 * of touched pages as the VM's saved image; a restore rebuilds memory with those pages touched; a storage
 * fault marks the image damaged, and a damaged image is refused as a real corrupt file would be.
 */
final class ModeledVmMemory extends VmMemory {
  /** A VM's saved image: the pages its last save wrote, and the damage a storage fault did to it since. */
  private static final class SavedImage {
    private PageSet pages;
    private long generation;
    private SavedStateDamage damage;
  }

  /** Each VM's saved image, created on first save. */
  private final ByVm<SavedImage> images = new ByVm<>(SavedImage::new);

  ModeledVmMemory(ClusterModel cluster, long workloadSeed, FailureListener failures) {
    super(cluster, workloadSeed, failures);
  }

  private SavedImage image(SimVm vm) {
    return images.get(vm);
  }

  private SavedImage imageOrNull(SimVm vm) {
    return images.getOrNull(vm);
  }

  @Override
  public GuestMemory allocate(SimVm vm, SimHost host) {
    return GuestMemories.modeled(vm.spec().id(), vm.spec().memoryBytes());
  }

  @Override
  SavedStateInfo saveMemory(SimVm vm, GuestMemory memory) {
    SavedImage s = image(vm);
    s.damage = null;
    s.pages = memory.touchedPages();
    s.generation++;
    return info(vm, s.generation, s.pages.count());
  }

  @Override
  Restored restoreMemory(SimVm vm, RestoreMode mode) {
    SavedImage s = imageOrNull(vm);
    if (s == null || s.pages == null) {
      throw new UncheckedIOException(new IOException(vm.describe() + " has no saved state"));
    }
    if (s.damage != null) {
      throw new UncheckedIOException(new CorruptSavedStateException(Path.of(vm.spec().id().name() + ".vsv"), 0,
          "saved state damaged by " + s.damage + " (modeled)"));
    }
    GuestMemory memory = allocate(vm, vm.node());
    ByteBuffer zero = ByteBuffer.allocate(GuestMemory.PAGE_SIZE);
    s.pages.forEach(page -> memory.writePage(page, zero.clear()));
    memory.harvestDirty();
    return new Restored(memory, info(vm, Math.max(1, s.generation), s.pages.count()));
  }

  @Override
  void verifyRestored(GuestMemory memory) {
    // Modeled memory has no content that could fail a checksum.
  }

  @Override
  public void damageSavedState(SimVm vm, SavedStateDamage damage) {
    SavedImage s = imageOrNull(vm);
    if (s != null && s.pages != null) {
      s.damage = damage;
    }
  }

  @Override
  void forgetSavedImage(SimVm vm) {
    SavedImage s = imageOrNull(vm);
    if (s != null) {
      s.pages = null;
    }
  }
}
