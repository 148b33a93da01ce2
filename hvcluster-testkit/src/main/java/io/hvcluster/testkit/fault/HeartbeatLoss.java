package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Drops a share of the cluster heartbeats sent by the selected nodes, and nothing else, to probe the
 * failure detector's threshold. Heartbeats flow again when the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "heartbeat-loss"}.
 *
 * @param hosts the nodes it hits
 * @param lossPercent the share of heartbeats dropped, 1 to 100
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record HeartbeatLoss(HostSelector hosts, int lossPercent, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param hosts the nodes it hits
   * @param lossPercent the share of heartbeats dropped, 1 to 100
   * @param timing when it starts and how long it lasts
   * @throws IllegalArgumentException when a value is out of range
   */
  public HeartbeatLoss {
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(timing, "timing");
    if (lossPercent < 1 || lossPercent > 100) {
      throw new IllegalArgumentException("heartbeat loss is " + lossPercent + "%; allowed: 1 to 100");
    }
  }
}
