package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Splits the network in two: the selected nodes on one side, the others on the other ({@code majority-
 * minority} with {@link HostSelector#minority()}). Links come back when the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "split"}.
 *
 * @param side the nodes on one side of the split
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Split(HostSelector side, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param side the nodes on one side of the split
   * @param timing when it starts and how long it lasts
   */
  public Split {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(timing, "timing");
  }
}
