package io.hvcluster.campaign.spi;

import java.util.BitSet;
import java.util.Collection;
import java.util.Map;

/**
 * A campaign's results keyed by run index: each value is a {@code RunRecord}'s encoding, stored once with
 * put-if-absent. On a grid, a map with a backup on another member.
 *
 * <p>Implementations must be thread-safe.
 */
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
   * Stores a result unless one is stored for that index already.
   *
   * @param index the run's index
   * @param record the result's encoding
   * @return the result stored before, or null when this one was stored
   */
  byte[] putIfAbsent(int index, byte[] record);

  /** Removes every result (to run a campaign afresh). */
  void clear();
}
