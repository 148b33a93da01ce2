package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Slows I/O to the selected LUNs down by a factor (a gray failure). I/O runs at full speed again when
 * the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "io-latency"}.
 *
 * @param luns the LUNs that slow down
 * @param factor how many times slower I/O gets, 2 to 10000
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record IoLatency(LunSelector luns, int factor, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param luns the LUNs that slow down
   * @param factor how many times slower I/O gets, 2 to 10000
   * @param timing when it starts and how long it lasts
   * @throws IllegalArgumentException when a value is out of range
   */
  public IoLatency {
    Objects.requireNonNull(luns, "luns");
    Objects.requireNonNull(timing, "timing");
    if (factor < 2 || factor > 10_000) {
      throw new IllegalArgumentException("I/O slowdown factor is " + factor + "; allowed: 2 to 10000");
    }
  }
}
