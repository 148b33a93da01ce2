package io.hvcluster.core.cluster.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.core.cluster.bandwidth.Bandwidth.Channel;
import io.hvcluster.core.cluster.bandwidth.Bandwidth.Transfer;
import io.hvcluster.core.sim.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class BandwidthTest {
  private static final double MB = 1e6;
  private final EventLoop loop = new EventLoop();
  private final Bandwidth bandwidth = new Bandwidth(loop);
  private final List<String> finished = new ArrayList<>();

  private Transfer start(String name, long bytes, Channel... path) {
    return bandwidth.start(bytes, List.of(path), () -> finished.add(name + "@" + loop.now() / 1_000_000 + "ms"));
  }

  @Test
  void aTransferAloneTakesItsBytesOverTheCapacity() {
    Channel c = bandwidth.channel("path", 100 * MB);
    start("a", 200_000_000, c);
    loop.runTo(Long.MAX_VALUE / 2);
    assertThat(finished).containsExactly("a@2000ms");
  }

  @Test
  void concurrentTransfersShareFairlyAndTheSurvivorSpeedsUp() {
    Channel c = bandwidth.channel("path", 100 * MB);
    start("a", 100_000_000, c);
    start("b", 300_000_000, c);
    loop.runTo(Long.MAX_VALUE / 2);
    // Both at 50 MB/s until a ends at 2 s (100 MB); b has 200 MB left, alone at 100 MB/s: 2 s more.
    assertThat(finished).containsExactly("a@2000ms", "b@4000ms");
  }

  @Test
  void aTransferBottleneckedElsewhereLeavesItsShareToTheOthers() {
    Channel wide = bandwidth.channel("array", 300 * MB);
    Channel narrow = bandwidth.channel("slow host", 60 * MB);
    Channel fast = bandwidth.channel("fast host", 1000 * MB);
    Transfer slow = start("slow", 60_000_000, narrow, wide);
    Transfer quick = start("quick", 240_000_000, fast, wide);
    loop.runTo(0);
    assertThat(slow.rate()).isEqualTo(60 * MB);
    assertThat(quick.rate()).isEqualTo(240 * MB);
    loop.runTo(Long.MAX_VALUE / 2);
    assertThat(finished).containsExactly("slow@1000ms", "quick@1000ms");
  }

  @Test
  void aCancelledTransferNeverFinishesAndFreesItsShare() {
    Channel c = bandwidth.channel("path", 100 * MB);
    Transfer a = start("a", 1_000_000_000, c);
    start("b", 200_000_000, c);
    loop.runTo(2_000_000_000L); // b has 100 MB of 200 sent
    a.cancel();
    loop.runTo(Long.MAX_VALUE / 2);
    assertThat(finished).containsExactly("b@3000ms");
    assertThat(a.isOver()).isTrue();
    assertThat(bandwidth.activeTransfers()).isZero();
  }

  @Test
  void aCapacityChangeReschedulesTheTransfersAcrossIt() {
    Channel c = bandwidth.channel("lun", 100 * MB);
    start("a", 200_000_000, c);
    loop.runTo(1_000_000_000L);
    bandwidth.capacity(c, 50 * MB); // 100 MB left at 50 MB/s
    loop.runTo(Long.MAX_VALUE / 2);
    assertThat(finished).containsExactly("a@3000ms");
  }

  @Test
  void theCostGrowsWithTransfersNotWithTime() {
    Channel c = bandwidth.channel("path", 1 * MB);
    start("long", 3_600_000_000L, c); // an hour of virtual time
    loop.runTo(Long.MAX_VALUE / 2);
    assertThat(finished).containsExactly("long@3600000ms");
    assertThat(loop.processed()).as("one event to share, one to finish").isEqualTo(2);
  }

  @Test
  void transfersStartingAtOneInstantAreSharedOnce() {
    Channel c = bandwidth.channel("path", 100 * MB);
    for (int i = 0; i < 100; i++) {
      start("t" + i, 1_000_000, c);
    }
    loop.runTo(Long.MAX_VALUE / 2);
    // 100 MB at 100 MB/s: all finish at 1 s; one share at the start, none in between, 100 finishes and
    // one share after them (which finds nothing left).
    assertThat(finished).hasSize(100).allMatch(f -> f.endsWith("@1000ms"));
    assertThat(loop.processed()).isEqualTo(1 + 100 + 1);
  }

  @Test
  void zeroBytesFinishAtOnceAndBadInputIsRefused() {
    Channel c = bandwidth.channel("path", 1 * MB);
    start("empty", 0, c);
    loop.runTo(0);
    assertThat(finished).containsExactly("empty@0ms");
    assertThatThrownBy(() -> start("neg", -1, c)).hasMessageContaining("allowed: 0 or more");
    assertThatThrownBy(() -> start("twice", 1, c, c)).hasMessageContaining("twice");
    assertThatThrownBy(() -> bandwidth.channel("dead", 0)).hasMessageContaining("positive");
  }
}
