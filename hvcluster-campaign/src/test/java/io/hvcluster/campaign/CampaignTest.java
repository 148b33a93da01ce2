package io.hvcluster.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.campaign.fixture.Hashing;
import io.hvcluster.campaign.spi.BatchOutcome;
import io.hvcluster.campaign.spi.BatchRequest;
import io.hvcluster.campaign.spi.CampaignEngine;
import io.hvcluster.campaign.spi.ResultStore;
import io.hvcluster.testkit.property.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class CampaignTest {
  private static final Hashing WORK = new Hashing(200, 50);

  private static CampaignSummary run(CampaignEngine engine, int runs, int batch) {
    return Campaign.of(WORK).seed(7).runs(runs).batchSize(batch).build().run(engine);
  }

  @Test
  void theDigestDoesNotDependOnThreadsOrBatchSize() {
    CampaignSummary one;
    CampaignSummary four;
    try (LocalEngine e1 = LocalEngine.withThreads(1); LocalEngine e4 = LocalEngine.withThreads(4)) {
      one = run(e1, 2000, 7);
      four = run(e4, 2000, 128);
    }
    assertThat(four.digest()).isEqualTo(one.digest()).hasSize(64);
    assertThat(four.failed()).isEqualTo(one.failed()).isPositive();
    assertThat(four.firstFailures()).isEqualTo(one.firstFailures());
    assertThat(four.counts()).isEqualTo(one.counts()).containsEntry("rounds", 2000L * 200);
    assertThat(four.failuresByKind()).containsOnlyKeys("H1");
    assertThat(one.executed()).isEqualTo(2000);
  }

  @Test
  void runIsSeedIsAPureFunctionOfTheMasterSeedAndTheIndex() {
    List<RunRecord> ordered = new ArrayList<>();
    try (LocalEngine e = LocalEngine.withThreads(3)) {
      Campaign.of(WORK).seed(7).runs(300).batchSize(10).inOrder(ordered::add).build().run(e);
    }
    assertThat(ordered).hasSize(300);
    for (int i = 0; i < ordered.size(); i++) {
      assertThat(ordered.get(i).index()).isEqualTo(i);
      assertThat(ordered.get(i).seed()).isEqualTo(Seeds.forTry(7, i));
      assertThat(ordered.get(i)).isEqualTo(WORK.run(i, Seeds.forTry(7, i)));
    }
  }

  @Test
  void theSinkHearsEveryRunOnceInAnyOrderAndTheFailuresListIsInIndexOrder() {
    int[] heard = new int[1000];
    CampaignSummary s;
    try (LocalEngine e = LocalEngine.withThreads(4)) {
      s = Campaign.of(WORK).seed(7).runs(1000).batchSize(16).sink(r -> heard[r.index()]++).build().run(e);
    }
    assertThat(heard).containsOnly(1);
    assertThat(s.firstFailures()).isSortedAccordingTo((a, b) -> Integer.compare(a.index(), b.index()));
    assertThat(s.firstFailures().get(0).replay()).isEqualTo("hashing --seed " + s.firstFailures().get(0).seed());
  }

  @Test
  void aCampaignRunAgainOnTheSameEngineResumesAfterTheStoredRuns() {
    String fresh;
    try (LocalEngine e = LocalEngine.withThreads(2)) {
      fresh = run(e, 3000, 50).digest();
    }
    try (LocalEngine e = LocalEngine.withThreads(2)) {
      AtomicInteger seen = new AtomicInteger();
      Campaign stopping = Campaign.of(WORK).seed(7).runs(3000).batchSize(50).sink(r -> {
        if (seen.incrementAndGet() == 1000) {
          throw new IllegalStateException("coordinator stops");
        }
      }).build();
      assertThatThrownBy(() -> stopping.run(e)).isInstanceOf(CampaignException.class)
          .hasMessageContaining("coordinator stops");
      CampaignSummary resumed = Campaign.of(WORK).seed(7).runs(3000).batchSize(50).build().run(e);
      assertThat(resumed.resumed()).isGreaterThanOrEqualTo(999);
      assertThat(resumed.executed()).isEqualTo(3000 - resumed.resumed());
      assertThat(resumed.digest()).isEqualTo(fresh);
    }
  }

  @Test
  void aBatchRunTwiceGivesNoDuplicateAndTheSameDigest() {
    String fresh;
    try (LocalEngine e = LocalEngine.withThreads(2)) {
      fresh = run(e, 1000, 64).digest();
    }
    try (TwiceEngine e = new TwiceEngine()) {
      CampaignSummary s = run(e, 1000, 64);
      assertThat(s.digest()).isEqualTo(fresh);
      assertThat(s.retriedBatches()).isEqualTo((1000 + 63) / 64);
      assertThat(s.determinismBugs()).isEmpty();
      assertThat(e.local.store(s.campaignId()).stored(2000).cardinality()).isEqualTo(1000);
    }
  }

  @Test
  void aSecondResultThatDiffersIsReportedAsADeterminismBug() {
    try (TwiceEngine e = new TwiceEngine()) {
      CampaignSummary s = Campaign.of(new Flaky()).runs(10).batchSize(5).build().run(e);
      assertThat(s.determinismBugs()).hasSize(10);
      DeterminismBug bug = s.determinismBugs().get(0);
      assertThat(bug.stored()).isNotEqualTo(bug.second());
      assertThat(bug.toString()).startsWith("determinism bug in run ");
      assertThat(s.clean()).isFalse();
    }
  }

  @Test
  void aBatchThatFailsOnEveryAttemptStopsTheCampaignWithTheCause() {
    CampaignEngine broken = new TwiceEngine() {
      @Override
      public CompletableFuture<BatchOutcome> submit(BatchRequest batch) {
        return CompletableFuture.failedFuture(new IllegalStateException("member gone"));
      }
    };
    assertThatThrownBy(() -> Campaign.of(WORK).runs(10).maxAttempts(3).build().run(broken))
        .isInstanceOf(CampaignException.class).hasMessageContaining("failed 3 times").hasMessageContaining(
            "member gone");
  }

  @Test
  void aRunThatThrowsIsAFailedRunNamingTheException() {
    CampaignWork throwing = new CampaignWork() {
      private static final long serialVersionUID = 1L;

      @Override
      public String key() {
        return "throws";
      }

      @Override
      public RunRecord run(int index, long seed) {
        throw new ArithmeticException("boom in run " + index);
      }
    };
    try (LocalEngine e = LocalEngine.withThreads(1)) {
      CampaignSummary s = Campaign.of(throwing).runs(3).build().run(e);
      assertThat(s.failed()).isEqualTo(3);
      assertThat(s.firstFailures().get(2).failure()).isEqualTo(
          "run threw java.lang.ArithmeticException: boom in run 2");
    }
  }

  @Test
  void badSettingsAreRefusedWithTheirRange() {
    assertThatThrownBy(() -> Campaign.of(WORK).runs(0)).hasMessage("runs is 0; a campaign has at least 1 run");
    assertThatThrownBy(() -> Campaign.of(WORK).batchSize(0)).hasMessage("batch size is 0; allowed: 1 to 100000");
    assertThatThrownBy(() -> Campaign.of(WORK).id("a b")).hasMessageContaining("is not allowed");
    assertThatThrownBy(() -> LocalEngine.withThreads(0)).hasMessage("threads is 0; allowed: 1 to 256");
  }

  @Test
  void theDefaultIdDependsOnTheWorkAndSeedOnly() {
    assertThat(Campaign.of(WORK).seed(1).runs(10).build().id()).isEqualTo(Campaign.of(WORK).seed(1).runs(99)
        .build().id()).startsWith("hvc-").hasSize(20);
    assertThat(Campaign.defaultId(WORK, 1)).isNotEqualTo(Campaign.defaultId(WORK, 2))
        .isNotEqualTo(Campaign.defaultId(new Hashing(201, 50), 1));
  }

  /** Runs every batch, then fails its first attempt, as a member that dies after storing its results. */
  static class TwiceEngine implements CampaignEngine {
    final LocalEngine local = LocalEngine.withThreads(2);
    private final java.util.Set<Integer> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
      return "twice";
    }

    @Override
    public List<String> members() {
      return local.members();
    }

    @Override
    public int parallelism() {
      return 2;
    }

    @Override
    public ResultStore store(String campaignId) {
      return local.store(campaignId);
    }

    @Override
    public CompletableFuture<BatchOutcome> submit(BatchRequest batch) {
      return local.submit(batch).thenApply(outcome -> {
        if (failedOnce.add(batch.first())) {
          throw new IllegalStateException("member left after storing");
        }
        return outcome;
      });
    }

    @Override
    public void close() {
      local.close();
    }
  }

  /** A work that is not a function of its seed: it counts its calls. */
  static final class Flaky implements CampaignWork {
    private static final long serialVersionUID = 1L;
    private static final AtomicInteger CALLS = new AtomicInteger();

    @Override
    public String key() {
      return "flaky";
    }

    @Override
    public RunRecord run(int index, long seed) {
      return RunRecord.builder(index, seed).fingerprint("call " + CALLS.incrementAndGet()).build();
    }
  }
}
