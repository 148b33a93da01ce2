package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Drops traffic from the {@code from} nodes to the {@code to} nodes, but not back: an asymmetric
 * partition. The links come back when the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "one-way-link"}.
 *
 * @param from the sending nodes
 * @param to the receiving nodes
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record OneWayLink(HostSelector from, HostSelector to, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param from the sending nodes
   * @param to the receiving nodes
   * @param timing when it starts and how long it lasts
   */
  public OneWayLink {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(timing, "timing");
  }
}
