package io.hvcluster.campaign.spi;

import java.util.BitSet;
import java.util.Collection;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A campaign's results keyed by run index: each value is a {@code RunRecord}'s encoding, stored once with
 * put-if-absent. On a grid, a map with a backup on another member, written a batch at a time.
 *
 * <p>Implementations must be thread-safe.
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface ResultStore {
  /**
   * Returns which of runs 0 to {@code runs − 1} have a stored result.
   *
   * @param runs how many runs the campaign has
   * @return the indices stored
   */
  BitSet stored(int runs);

  /**
   * Returns the stored results of some runs.
   *
   * @param indices the runs
   * @return their encodings by index; a run without a result is missing
   */
  Map<Integer, byte[]> getAll(Collection<Integer> indices);

  /**
   * Stores each result unless one is stored for its index already (put-if-absent, index by index).
   *
   * @param records the results' encodings by run index
   * @return the results that were stored before, by index (the others were stored now)
   */
  Map<Integer, byte[]> putAllIfAbsent(Map<Integer, byte[]> records);

  /** Removes every result (to run a campaign afresh). */
  void clear();
}
