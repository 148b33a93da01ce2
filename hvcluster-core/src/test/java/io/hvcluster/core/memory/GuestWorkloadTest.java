package io.hvcluster.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.VmId;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class GuestWorkloadTest {
  private static final VmId VM = VmId.of("db1");

  @TempDir Path host;

  private static ByteBuffer content(long seed, VmId vm, long page, long count) {
    ByteBuffer out = ByteBuffer.allocate(GuestMemory.PAGE_SIZE);
    GuestWorkload.pageContent(seed, vm, page, count, out);
    return out.flip();
  }

  @Test
  void pageContentIsAPureFunctionOfSeedVmPageAndWriteCount() {
    assertThat(content(1, VM, 5, 2)).isEqualTo(content(1, VM, 5, 2));
    assertThat(content(1, VM, 5, 2)).isNotEqualTo(content(1, VM, 5, 3));
    assertThat(content(1, VM, 5, 2)).isNotEqualTo(content(1, VM, 6, 2));
    assertThat(content(1, VM, 5, 2)).isNotEqualTo(content(2, VM, 5, 2));
    assertThat(content(1, VM, 5, 2)).isNotEqualTo(content(1, VmId.of("db2"), 5, 2));
    assertThat(content(1, VM, 5, 0)).isEqualTo(ByteBuffer.allocate(GuestMemory.PAGE_SIZE));
  }

  @Test
  void writesFollowTheRateInVirtualTimeAndIdleTimeWritesNothing() {
    try (GuestMemory memory = GuestMemories.modeled(VM, 1 << 24)) {
      GuestWorkload guest = GuestWorkload.create(9, VM, memory.pageCount(), 1_000, 100);
      assertThat(guest.advanceTo(memory, 1_500_000_000L)).isEqualTo(1_500);
      guest.idleUntil(10_000_000_000L);
      assertThat(guest.advanceTo(memory, 10_000_000_000L)).isZero();
      assertThat(guest.advanceTo(memory, 10_002_000_000L)).isEqualTo(2);
      assertThat(guest.writes()).isEqualTo(1_502);
      assertThat(memory.touchedPageCount()).isLessThanOrEqualTo(100);
      assertThatThrownBy(() -> guest.advanceTo(memory, 1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("before");
      assertThat(guest.verify(memory).ok()).isTrue();
    }
  }

  @Test
  void theSameSeedWritesTheSamePagesTheSameWay() throws Exception {
    try (GuestMemory a = GuestMemories.real(VM, 1 << 20, Files.createDirectory(host.resolve("a")), 1 << 16);
        GuestMemory b = GuestMemories.real(VM, 1 << 20, Files.createDirectory(host.resolve("b")))) {
      GuestWorkload first = GuestWorkload.create(77, VM, 256, 5_000, 256);
      GuestWorkload second = GuestWorkload.create(77, VM, 256, 5_000, 256);
      first.advanceTo(a, 1_000_000_000L);
      second.advanceTo(b, 1_000_000_000L);
      for (long page = 0; page < 256; page++) {
        assertThat(first.writeCount(page)).isEqualTo(second.writeCount(page));
      }
      assertThat(first.writes()).isEqualTo(5_000);
      assertThat(GuestMemories.firstDifference(a, b)).isEqualTo(-1);
      assertThat(first.verify(a).ok()).isTrue();
      assertThat(second.verify(a).ok()).isTrue();
    }
  }

  @Test
  void verificationNamesTheFirstPageThatDiffers() throws Exception {
    try (GuestMemory memory = GuestMemories.real(VM, 1 << 20, host)) {
      GuestWorkload guest = GuestWorkload.create(3, VM, memory.pageCount(), 0, 1);
      guest.fill(memory, 10, 20);
      assertThat(guest.verify(memory).pagesChecked()).isEqualTo(20);
      memory.writePage(15, ByteBuffer.allocate(GuestMemory.PAGE_SIZE));
      GuestWorkload.Verification check = guest.verify(memory);
      assertThat(check.ok()).isFalse();
      assertThat(check.firstBadPage()).isEqualTo(15);
      assertThat(check.problem()).contains("page 15").contains("write 1");
    }
  }
}
