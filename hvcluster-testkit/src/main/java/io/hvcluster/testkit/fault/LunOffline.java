package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Takes the selected LUNs offline for every node. The LUNs come back online when the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "lun-offline"}.
 *
 * @param luns the LUNs taken offline
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record LunOffline(LunSelector luns, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param luns the LUNs taken offline
   * @param timing when it starts and how long it lasts
   */
  public LunOffline {
    Objects.requireNonNull(luns, "luns");
    Objects.requireNonNull(timing, "timing");
  }
}
