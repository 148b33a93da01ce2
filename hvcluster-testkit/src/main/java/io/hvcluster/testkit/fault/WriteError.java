package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Fails writes to the selected LUNs with an I/O error (EIO); on the memory-mapped save path the real
 * file write fails. Writes succeed again when the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "write-error"}.
 *
 * @param luns the LUNs that fail writes
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record WriteError(LunSelector luns, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param luns the LUNs that fail writes
   * @param timing when it starts and how long it lasts
   */
  public WriteError {
    Objects.requireNonNull(luns, "luns");
    Objects.requireNonNull(timing, "timing");
  }
}
