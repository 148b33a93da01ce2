package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Cuts the network into two halves, except for the selected bridge node, which still talks to both;
 * see {@link Partitions#bridge}. Links come back when the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "bridge"}.
 *
 * @param bridge the node that still talks to both halves
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Bridge(HostSelector bridge, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param bridge the node that still talks to both halves
   * @param timing when it starts and how long it lasts
   */
  public Bridge {
    Objects.requireNonNull(bridge, "bridge");
    Objects.requireNonNull(timing, "timing");
  }
}
