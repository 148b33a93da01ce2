package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Makes the selected LUNs report that they are full (ENOSPC), so writes that extend a file fail part-
 * way. Space is available again when the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "no-space"}.
 *
 * @param luns the LUNs that run full
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record NoSpace(LunSelector luns, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param luns the LUNs that run full
   * @param timing when it starts and how long it lasts
   */
  public NoSpace {
    Objects.requireNonNull(luns, "luns");
    Objects.requireNonNull(timing, "timing");
  }
}
