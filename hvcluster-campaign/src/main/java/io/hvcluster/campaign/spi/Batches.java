package io.hvcluster.campaign.spi;

import io.hvcluster.campaign.CampaignWork;
import io.hvcluster.campaign.RunRecord;
import io.hvcluster.testkit.property.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The batch loop every engine runs on its workers: each run with its seed, each result stored under its
 * index if none is there yet, and a second result that differs from the stored one reported as a
 * conflict (a determinism bug). A run that throws is a failed run whose failure names the exception, not
 * a lost batch.
 *
 * <p>Stateless and thread-safe.
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Batches {
  private Batches() {}

  /**
   * Runs a batch and stores its results.
   *
   * @param batch the batch
   * @param store where its results go, with put-if-absent
   * @return what the batch left
   * @throws IllegalStateException when the work returns a record of another run
   */
  public static BatchOutcome run(BatchRequest batch, ResultStore store) {
    CampaignWork work = batch.work();
    int[] indices = batch.indices();
    Map<Integer, byte[]> mine = new LinkedHashMap<>();
    for (int index : indices) {
      long seed = Seeds.forTry(batch.masterSeed(), index);
      mine.put(index, runOne(work, index, seed).encode());
    }
    Map<Integer, byte[]> before = store.putAllIfAbsent(mine);
    List<byte[]> records = new ArrayList<>(indices.length);
    List<BatchOutcome.Conflict> conflicts = new ArrayList<>();
    for (Map.Entry<Integer, byte[]> e : mine.entrySet()) {
      byte[] stored = before.get(e.getKey());
      if (stored == null) {
        records.add(e.getValue());
      } else {
        records.add(stored);
        if (!Arrays.equals(stored, e.getValue())) {
          conflicts.add(new BatchOutcome.Conflict(e.getKey(), stored, e.getValue()));
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
}
