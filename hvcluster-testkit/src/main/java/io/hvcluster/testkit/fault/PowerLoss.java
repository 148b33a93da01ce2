package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Cuts the power of the selected nodes: like a crash, and writes they had not flushed are lost. Power
 * comes back, and the nodes boot and rejoin, when the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "power-loss"}.
 *
 * @param hosts the nodes it hits
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record PowerLoss(HostSelector hosts, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param hosts the nodes it hits
   * @param timing when it starts and how long it lasts
   */
  public PowerLoss {
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(timing, "timing");
  }
}
