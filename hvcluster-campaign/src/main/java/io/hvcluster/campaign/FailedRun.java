package io.hvcluster.campaign;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A run that failed, with the command that replays it alone.
 *
 * @param index the run's index
 * @param seed the run's seed
 * @param label the run's label (a sweep's point), or empty
 * @param failure why it failed
 * @param replay the one-line replay command, or empty when the work has none
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record FailedRun(int index, long seed, String label, String failure, String replay) {
  /**
   * Creates a failed run.
   *
   * @param index the run's index
   * @param seed the run's seed
   * @param label its label
   * @param failure why it failed
   * @param replay the replay command
   */
  public FailedRun {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(replay, "replay");
  }
}
