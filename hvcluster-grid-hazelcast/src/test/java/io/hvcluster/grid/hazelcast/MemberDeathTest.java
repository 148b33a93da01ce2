package io.hvcluster.grid.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.campaign.Campaign;
import io.hvcluster.campaign.CampaignSummary;
import io.hvcluster.campaign.LocalEngine;
import io.hvcluster.campaign.fixture.Hashing;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two members in JVMs of their own and a coordinator in this one, on 127.0.0.1; the oldest member is killed
 * with {@code destroyForcibly()} a quarter of the way through 10,000 runs.
 */
final class MemberDeathTest {
  private static final int RUNS = 10_000;
  private static final Hashing WORK = new Hashing(300, 97);

  @Test
  @Timeout(180)
  void aMemberKilledPartWayLosesNoResultAndDuplicatesNone(@TempDir Path logs) throws Exception {
    String expected;
    try (LocalEngine local = LocalEngine.withThreads(2)) {
      expected = Campaign.of(WORK).seed(5).runs(RUNS).build().run(local).digest();
    }
    String cluster = Grids.clusterName();
    int p1 = Grids.freePort();
    int p2 = Grids.freePort();
    int p3 = Grids.freePort();
    MemberProcess oldest = new MemberProcess(cluster, p1, List.of(), logs.resolve("member-1.log"));
    MemberProcess other = null;
    try {
      oldest.awaitReady();
      other = new MemberProcess(cluster, p2, List.of(p1), logs.resolve("member-2.log"));
      other.awaitReady();
      try (HazelcastEngine grid = HazelcastEngine.start(Grids.member(cluster, p3, List.of(p1, p2), 1))) {
        assertThat(grid.members()).hasSize(3);
        int[] heard = new int[RUNS];
        AtomicInteger count = new AtomicInteger();
        CampaignSummary s = Campaign.of(WORK).seed(5).runs(RUNS).sink(r -> {
          heard[r.index()]++;
          if (count.incrementAndGet() == RUNS / 4) {
            oldest.kill();
          }
        }).build().run(grid);
        assertThat(oldest.process().isAlive()).isFalse();
        assertThat(grid.members()).hasSize(2);
        assertThat(heard).containsOnly(1);
        assertThat(s.runs()).isEqualTo(RUNS);
        assertThat(s.digest()).isEqualTo(expected);
        assertThat(s.retriedBatches()).isPositive();
        assertThat(s.determinismBugs()).isEmpty();
        assertThat(grid.store(s.campaignId()).stored(Integer.MAX_VALUE).cardinality()).isEqualTo(RUNS);
        assertThat(grid.instance().getMap(GridConfig.MAP_PREFIX + s.campaignId()).size()).isEqualTo(RUNS);
      }
    } finally {
      oldest.close();
      if (other != null) {
        other.close();
      }
    }
    assertThat(oldest.process().isAlive()).isFalse();
    assertThat(other.process().isAlive()).isFalse();
  }
}
