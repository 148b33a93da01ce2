package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Flips bits at random offsets of the files on the selected LUNs (silent corruption); a saved state
 * must detect it. Instantaneous: it has no duration.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "bit-rot"}.
 *
 * @param luns the LUNs that rot
 * @param bits how many bits flip, 1 to 4096
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record BitRot(LunSelector luns, int bits, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param luns the LUNs that rot
   * @param bits how many bits flip, 1 to 4096
   * @param timing when it starts and how long it lasts
   * @throws IllegalArgumentException when a value is out of range or the timing has a duration
   */
  public BitRot {
    Objects.requireNonNull(luns, "luns");
    Objects.requireNonNull(timing, "timing");
    if (bits < 1 || bits > 4096) {
      throw new IllegalArgumentException("bit rot of " + bits + " bits; allowed: 1 to 4096");
    }
    Faults.requireInstant("bit-rot", timing);
  }
}
