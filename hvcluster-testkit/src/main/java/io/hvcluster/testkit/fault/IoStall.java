package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Stalls all I/O to the selected LUNs: requests neither complete nor fail, past any I/O timeout.
 * Stalled requests complete when the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "io-stall"}.
 *
 * @param luns the LUNs whose I/O stalls
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record IoStall(LunSelector luns, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param luns the LUNs whose I/O stalls
   * @param timing when it starts and how long it lasts
   */
  public IoStall {
    Objects.requireNonNull(luns, "luns");
    Objects.requireNonNull(timing, "timing");
  }
}
