package io.hvcluster.grid.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.campaign.Campaign;
import io.hvcluster.campaign.CampaignException;
import io.hvcluster.campaign.CampaignSummary;
import io.hvcluster.campaign.CampaignWork;
import io.hvcluster.campaign.LocalEngine;
import io.hvcluster.campaign.TortureWork;
import io.hvcluster.campaign.fixture.Hashing;
import io.hvcluster.campaign.spi.CampaignEngineProvider;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class HazelcastEngineTest {
  private static CampaignSummary run(io.hvcluster.campaign.spi.CampaignEngine engine, CampaignWork work, int runs) {
    return Campaign.of(work).seed(11).runs(runs).batchSize(100).build().run(engine);
  }

  @Test
  void theLocalEngineAndAnEmbeddedGridGiveTheSameDigest() {
    CampaignWork torture = TortureWork.of(3, 4, 2);
    CampaignWork hashing = new Hashing(100, 40);
    CampaignSummary localTorture;
    CampaignSummary localHashing;
    try (LocalEngine local = LocalEngine.withThreads(2)) {
      localTorture = run(local, torture, 60);
      localHashing = run(local, hashing, 3000);
    }
    String cluster = Grids.clusterName();
    int a = Grids.freePort();
    int b = Grids.freePort();
    try (HazelcastEngine grid = HazelcastEngine.start(Grids.member(cluster, a, List.of(), 2));
        CampaignEngineProvider.GridMember second = new HazelcastProvider().member(Grids.member(cluster, b,
            List.of(a), 1))) {
      assertThat(second.gridSize()).isEqualTo(2);
      assertThat(grid.parallelism()).isEqualTo(3);
      assertThat(grid.members()).hasSize(2).anyMatch(m -> m.endsWith("(2 threads, coordinator)"));
      CampaignSummary gridTorture = run(grid, torture, 60);
      CampaignSummary gridHashing = run(grid, hashing, 3000);
      assertThat(gridTorture.digest()).isEqualTo(localTorture.digest());
      assertThat(gridTorture.counts()).isEqualTo(localTorture.counts());
      assertThat(gridHashing.digest()).isEqualTo(localHashing.digest());
      assertThat(gridHashing.firstFailures()).isEqualTo(localHashing.firstFailures());
      assertThat(gridHashing.engine()).isEqualTo("hazelcast");
      assertThat(gridHashing.determinismBugs()).isEmpty();
    }
  }

  @Test
  void aRestartedCoordinatorResumesFromTheResultsTheGridKept() {
    CampaignWork work = new Hashing(100, 40);
    String fresh;
    try (LocalEngine local = LocalEngine.withThreads(2)) {
      fresh = run(local, work, 4000).digest();
    }
    String cluster = Grids.clusterName();
    int keeper = Grids.freePort();
    int first = Grids.freePort();
    int second = Grids.freePort();
    try (CampaignEngineProvider.GridMember member = new HazelcastProvider().member(Grids.member(cluster, keeper,
        List.of(), 1))) {
      assertThat(member.gridSize()).isEqualTo(1);
      AtomicInteger seen = new AtomicInteger();
      try (HazelcastEngine coordinator = HazelcastEngine.start(Grids.member(cluster, first, List.of(keeper), 1))) {
        Campaign stopping = Campaign.of(work).seed(11).runs(4000).batchSize(100).sink(r -> {
          if (seen.incrementAndGet() == 1500) {
            throw new IllegalStateException("the coordinator dies");
          }
        }).build();
        assertThatThrownBy(() -> stopping.run(coordinator)).isInstanceOf(CampaignException.class);
      }
      try (HazelcastEngine restarted = HazelcastEngine.start(Grids.member(cluster, second, List.of(keeper), 1))) {
        CampaignSummary s = run(restarted, work, 4000);
        assertThat(s.resumed()).isGreaterThanOrEqualTo(1499);
        assertThat(s.executed()).isEqualTo(4000 - s.resumed());
        assertThat(s.digest()).isEqualTo(fresh);
      }
    }
  }

  @Test
  void theProviderIsFoundByName() {
    assertThat(CampaignEngineProvider.named("hazelcast")).isInstanceOf(HazelcastProvider.class);
    assertThatThrownBy(() -> CampaignEngineProvider.named("spark")).hasMessage("no 'spark' engine on the class path"
        + " (found: hazelcast); add the module hvcluster-grid-spark");
  }
}
