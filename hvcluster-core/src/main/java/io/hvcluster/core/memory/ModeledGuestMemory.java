package io.hvcluster.core.memory;

import io.hvcluster.api.MemoryBacking;
import io.hvcluster.api.VmId;
import java.nio.ByteBuffer;

/**
 * Memory that keeps page accounting only, for fleet-scale runs: writes are counted and their bytes
 * dropped, every page reads as zeros.
 *
 * <p>Not thread-safe.
 */
final class ModeledGuestMemory extends BitmapGuestMemory {
  ModeledGuestMemory(VmId vm, long sizeBytes) {
    super(vm, sizeBytes);
  }

  @Override
  public MemoryBacking backing() {
    return MemoryBacking.MODELED;
  }

  @Override
  void store(long page, ByteBuffer src) {
    src.position(src.position() + PAGE_SIZE);
  }

  @Override
  void load(long page, ByteBuffer dst) {
    for (int i = 0; i < PAGE_SIZE; i += Long.BYTES) {
      dst.putLong(0L);
    }
  }

  @Override
  void release() {
    // nothing is held
  }
}
