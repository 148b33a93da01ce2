package io.hvcluster.campaign.spi;

import io.hvcluster.campaign.CampaignWork;
import io.hvcluster.campaign.RunRecord;
import io.hvcluster.testkit.property.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;

/**
 * The batch loop every engine runs on its workers: each run with its seed, each result stored under its
 * index if none is there yet, and a second result that differs from the stored one reported as a
 * conflict (a determinism bug). A run that throws is a failed run whose failure names the exception, not
 * a lost batch.
 *
 * <p>Stateless and thread-safe.
 */
public final class Batches {
  private Batches() {}

  /**
   * Runs a batch and stores its results.
   *
   * @param batch the batch
   * @param putIfAbsent stores an encoding under an index unless one is there, completing with the one
   *     stored before (null when this one was stored); a grid engine passes an asynchronous put
   * @return what the batch left
   * @throws IllegalStateException when the work returns a record of another run
   */
  public static BatchOutcome run(BatchRequest batch,
      BiFunction<Integer, byte[], CompletableFuture<byte[]>> putIfAbsent) {
    CampaignWork work = batch.work();
    int[] indices = batch.indices();
    List<byte[]> mine = new ArrayList<>(indices.length);
    List<CompletableFuture<byte[]>> previous = new ArrayList<>(indices.length);
    for (int index : indices) {
      long seed = Seeds.forTry(batch.masterSeed(), index);
      byte[] encoded = runOne(work, index, seed).encode();
      mine.add(encoded);
      previous.add(putIfAbsent.apply(index, encoded));
    }
    List<byte[]> records = new ArrayList<>(indices.length);
    List<BatchOutcome.Conflict> conflicts = new ArrayList<>();
    for (int k = 0; k < indices.length; k++) {
      byte[] before = join(previous.get(k));
      if (before == null) {
        records.add(mine.get(k));
      } else {
        records.add(before);
        if (!Arrays.equals(before, mine.get(k))) {
          conflicts.add(new BatchOutcome.Conflict(indices[k], before, mine.get(k)));
        }
      }
    }
    return new BatchOutcome(records, conflicts);
  }

  private static RunRecord runOne(CampaignWork work, int index, long seed) {
    RunRecord r;
    try {
      r = work.run(index, seed);
    } catch (RuntimeException e) {
      return RunRecord.builder(index, seed).failure("run threw " + e).build();
    }
    if (r == null || r.index() != index || r.seed() != seed) {
      throw new IllegalStateException("work '" + work.key() + "' returned " + r + " for run " + index + " (seed "
          + Seeds.format(seed) + "); a record must carry its run's index and seed");
    }
    return r;
  }

  private static byte[] join(CompletableFuture<byte[]> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
