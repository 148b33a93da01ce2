package io.hvcluster.campaign;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A run that gave two different results for the same seed (when a batch ran twice, after a member died or
 * when a campaign resumed): the work is not a pure function of its seed, and the digest cannot be trusted.
 * The result stored first is the one the summary uses.
 *
 * @param index the run's index
 * @param seed the run's seed
 * @param stored the result stored first
 * @param second the result of the later execution
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record DeterminismBug(int index, long seed, RunRecord stored, RunRecord second) {
  /**
   * Creates the report.
   *
   * @param index the run's index
   * @param seed its seed
   * @param stored the first result
   * @param second the second result
   */
  public DeterminismBug {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(second, "second");
  }

  @Override
  public String toString() {
    return "determinism bug in run " + index + ": first " + stored + ", then " + second;
  }
}
