package io.hvcluster.campaign;

import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * What a campaign found, folded over the results in index order: it does not depend on the engine, the
 * number of members, the batch size or which member ran what, except for the fields that say how the work
 * was done ({@code executed}, {@code resumed}, {@code retriedBatches}, {@code engine}, {@code members}).
 *
 * <p>The {@code digest} is a SHA-256 over every run's canonical record in index order: two engines ran the
 * same campaign the same way exactly when their digests are equal. Instances are immutable and
 * thread-safe.
 *
 * @param campaignId the campaign's id (names its result store)
 * @param work the work's key
 * @param masterSeed the master seed
 * @param runs how many runs
 * @param failed how many runs failed
 * @param failuresByKind failed runs by kind (for an engine run, the invariant it broke), sorted
 * @param firstFailures the first failed runs in index order (at most {@link Campaign#FAILURES_KEPT})
 * @param counts the runs' counts added up, sorted by name
 * @param digest SHA-256 over the records in index order, 64 hex digits
 * @param executed runs this coordinator executed (a retried batch counts again)
 * @param resumed runs whose results were stored before this coordinator started
 * @param retriedBatches batches submitted again after a failure (a member left)
 * @param determinismBugs runs that gave two different results
 * @param engine the engine's name
 * @param members who did the work
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record CampaignSummary(String campaignId, String work, long masterSeed, int runs, int failed,
    SortedMap<String, Integer> failuresByKind, List<FailedRun> firstFailures, SortedMap<String, Long> counts,
    String digest, long executed, int resumed, int retriedBatches, List<DeterminismBug> determinismBugs,
    String engine, List<String> members) {
  /**
   * Creates a summary; copies the collections.
   *
   * @param campaignId the campaign's id
   * @param work the work's key
   * @param masterSeed the master seed
   * @param runs runs
   * @param failed failed runs
   * @param failuresByKind failures by kind
   * @param firstFailures the first failures
   * @param counts the counts
   * @param digest the digest
   * @param executed runs executed
   * @param resumed runs stored before
   * @param retriedBatches batches retried
   * @param determinismBugs determinism bugs
   * @param engine the engine
   * @param members the members
   */
  public CampaignSummary {
    Objects.requireNonNull(digest, "digest");
    failuresByKind = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(failuresByKind));
    firstFailures = List.copyOf(firstFailures);
    counts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    determinismBugs = List.copyOf(determinismBugs);
    members = List.copyOf(members);
  }

  /**
   * Returns how many runs passed.
   *
   * @return runs − failed
   */
  public int passed() {
    return runs - failed;
  }

  /**
   * Returns whether every run passed and none gave two different results.
   *
   * @return true when the campaign is clean
   */
  public boolean clean() {
    return failed == 0 && determinismBugs.isEmpty();
  }
}
