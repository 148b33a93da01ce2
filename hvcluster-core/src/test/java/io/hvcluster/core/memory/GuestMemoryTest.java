package io.hvcluster.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.MemoryBacking;
import io.hvcluster.api.PageSet;
import io.hvcluster.api.VmId;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class GuestMemoryTest {
  private static final VmId VM = VmId.of("web1");

  @TempDir Path host;

  private static ByteBuffer page(int fill) {
    ByteBuffer page = ByteBuffer.allocate(GuestMemory.PAGE_SIZE);
    while (page.hasRemaining()) {
      page.put((byte) fill);
    }
    return page.flip();
  }

  private static byte[] read(GuestMemory memory, long page) {
    ByteBuffer dst = ByteBuffer.allocate(GuestMemory.PAGE_SIZE);
    memory.readPage(page, dst);
    assertThat(dst.position()).isEqualTo(GuestMemory.PAGE_SIZE);
    return dst.array();
  }

  @Test
  void realMemoryReadsBackWhatWasWrittenAndZerosElsewhere() throws Exception {
    try (GuestMemory memory = GuestMemories.real(VM, 1 << 20, host, 64 * 1024)) {
      assertThat(memory.backing()).isEqualTo(MemoryBacking.REAL);
      assertThat(memory.pageCount()).isEqualTo(256);
      ByteBuffer src = page(7);
      memory.writePage(17, src);
      assertThat(src.hasRemaining()).isFalse();
      memory.writePage(255, page(9));
      assertThat(read(memory, 17)).containsOnly(7);
      assertThat(read(memory, 255)).containsOnly(9);
      assertThat(read(memory, 18)).containsOnly(0);
      assertThat(memory.isTouched(17)).isTrue();
      assertThat(memory.isTouched(18)).isFalse();
      assertThat(memory.touchedPageCount()).isEqualTo(2);
    }
  }

  @Test
  void modeledMemoryCountsWritesButKeepsNoBytes() {
    try (GuestMemory memory = GuestMemories.modeled(VM, 64L << 30)) {
      assertThat(memory.backing()).isEqualTo(MemoryBacking.MODELED);
      memory.writePage(3, page(5));
      assertThat(memory.touchedPageCount()).isEqualTo(1);
      assertThat(memory.dirtyPageCount()).isEqualTo(1);
      assertThat(read(memory, 3)).containsOnly(0);
    }
  }

  @Test
  void harvestingReturnsTheDirtyPagesAndClearsThemInOneStep() throws Exception {
    try (GuestMemory memory = GuestMemories.real(VM, 1 << 20, host)) {
      memory.writePage(1, page(1));
      memory.writePage(2, page(1));
      PageSet first = memory.harvestDirty();
      assertThat(memory.dirtyPageCount()).isZero();
      memory.writePage(2, page(2));
      memory.writePage(3, page(2));
      PageSet second = memory.harvestDirty();
      assertThat(first.count()).isEqualTo(2);
      assertThat(first.contains(1) && first.contains(2) && !first.contains(3)).isTrue();
      assertThat(second.nextPage(0)).isEqualTo(2);
      assertThat(second.nextPage(3)).isEqualTo(3);
      assertThat(second.nextPage(4)).isEqualTo(-1);
      assertThat(memory.touchedPageCount()).isEqualTo(3);
      assertThat(memory.isDirty(2)).isFalse();
    }
  }

  @Test
  void accessAfterCloseThrowsInsteadOfTouchingUnmappedMemory() throws Exception {
    GuestMemory memory = GuestMemories.real(VM, 1 << 20, host);
    memory.writePage(0, page(1));
    memory.close();
    memory.close();
    assertThat(memory.isClosed()).isTrue();
    assertThatThrownBy(() -> memory.readPage(0, ByteBuffer.allocate(4096)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("web1").hasMessageContaining("closed");
    assertThatThrownBy(() -> memory.writePage(0, page(1))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(memory::harvestDirty).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SavedStateStore.in(host).save(memory)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void mappedBuffersAreReleasedAtOnceOnThisJdk() {
    assertThat(Unmapper.isDeterministic()).as("sun.misc.Unsafe.invokeCleaner is reachable").isTrue();
  }

  @Test
  void theMemoryFileIsOwnerOnlyWhileOpenAndDeletedOnClose() throws Exception {
    Path file = host.resolve("web1.mem");
    try (GuestMemory memory = GuestMemories.real(VM, 1 << 20, host)) {
      assertThat(Files.size(file)).isEqualTo(memory.sizeBytes());
      if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      }
      assertThatThrownBy(() -> GuestMemories.real(VM, 1 << 20, host))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
    }
    assertThat(file).doesNotExist();
  }

  @Test
  void badPageNumbersBuffersAndSizesAreRejectedWithTheAllowedRange() throws Exception {
    try (GuestMemory memory = GuestMemories.real(VM, 1 << 20, host)) {
      assertThatThrownBy(() -> memory.writePage(256, page(1)))
          .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("0 to 255");
      assertThatThrownBy(() -> memory.readPage(-1, ByteBuffer.allocate(4096)))
          .isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> memory.writePage(0, ByteBuffer.allocate(100)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4096");
    }
    assertThatThrownBy(() -> GuestMemories.modeled(VM, 1000)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 4096");
    assertThatThrownBy(() -> GuestMemories.real(VM, 1 << 20, host, 3000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
    assertThatThrownBy(() -> GuestMemories.real(VM, 1 << 20, host.resolve("nope")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
  }

  @Test
  void firstDifferenceFindsTheFirstUnequalPage() throws Exception {
    try (GuestMemory a = GuestMemories.real(VM, 1 << 20, host);
        GuestMemory b = GuestMemories.modeled(VM, 1 << 20)) {
      assertThat(GuestMemories.firstDifference(a, b)).isEqualTo(-1);
      a.writePage(9, page(0));
      assertThat(GuestMemories.firstDifference(a, b)).isEqualTo(-1);
      a.writePage(12, page(3));
      assertThat(GuestMemories.firstDifference(a, b)).isEqualTo(12);
    }
  }
}
