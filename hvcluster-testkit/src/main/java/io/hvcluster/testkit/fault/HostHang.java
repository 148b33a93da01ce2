package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Freezes the selected nodes (a hung or stalled host): they stop sending heartbeats and doing I/O, but
 * keep their state. The nodes resume where they stopped when the fault heals; a resumed node must
 * notice it was fenced.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "host-hang"}.
 *
 * @param hosts the nodes it hits
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record HostHang(HostSelector hosts, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param hosts the nodes it hits
   * @param timing when it starts and how long it lasts
   */
  public HostHang {
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(timing, "timing");
  }
}
