package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Makes the witness (disk or file share) unreachable from the selected nodes, or fails it outright for
 * all nodes. The witness comes back when the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "witness-loss"}.
 *
 * @param from the nodes that lose the witness; {@link HostSelector#all()} for a failed witness
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record WitnessLoss(HostSelector from, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param from the nodes that lose the witness; {@link HostSelector#all()} for a failed witness
   * @param timing when it starts and how long it lasts
   */
  public WitnessLoss {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(timing, "timing");
  }
}
