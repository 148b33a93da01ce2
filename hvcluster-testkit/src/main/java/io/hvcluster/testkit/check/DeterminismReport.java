package io.hvcluster.testkit.check;

import org.apiguardian.api.API;

/**
 * The result of running a scenario twice: the two trace hashes and, when they differ, the first line
 * at which the traces differ.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param firstHash the first run's hash
 * @param secondHash the second run's hash
 * @param firstDifference the index of the first differing line, or -1 when the lines agree or are
 *     unknown
 * @param firstLine the first run's line there (empty past its end)
 * @param secondLine the second run's line there (empty past its end)
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record DeterminismReport(String firstHash, String secondHash, int firstDifference, String firstLine,
    String secondLine) {
  /**
   * Returns whether both runs gave the same hash.
   *
   * @return true when deterministic
   */
  public boolean deterministic() {
    return firstHash.equals(secondHash);
  }

  /** Returns a readable description of the comparison. */
  @Override
  public String toString() {
    if (deterministic()) {
      return "deterministic: both runs hash to " + firstHash;
    }
    String where = firstDifference < 0 ? "(no trace lines to compare)"
        : "first difference at line " + firstDifference + ":\n  run 1: " + firstLine + "\n  run 2: " + secondLine;
    return "NOT deterministic: run 1 hashes to " + firstHash + ", run 2 to " + secondHash + "; " + where;
  }
}
