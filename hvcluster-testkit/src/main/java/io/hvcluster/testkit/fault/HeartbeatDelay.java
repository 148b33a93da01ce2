package io.hvcluster.testkit.fault;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Delays the cluster heartbeats sent by the selected nodes, and nothing else. Heartbeats flow on time
 * again when the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "heartbeat-delay"}.
 *
 * @param hosts the nodes it hits
 * @param delay the extra delay of each heartbeat, positive
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record HeartbeatDelay(HostSelector hosts, Duration delay, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param hosts the nodes it hits
   * @param delay the extra delay of each heartbeat, positive
   * @param timing when it starts and how long it lasts
   * @throws IllegalArgumentException when a value is out of range
   */
  public HeartbeatDelay {
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(timing, "timing");
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("heartbeat delay is " + delay + "; it must be positive");
    }
  }
}
