package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Tears the next write to each selected LUN: only part of it persists; on the save path the real
 * saved-state file is torn. Instantaneous: it arms the next write and has no duration.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "torn-write"}.
 *
 * @param luns the LUNs whose next write tears
 * @param shape which part of the write persists
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record TornWrite(LunSelector luns, TornShape shape, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param luns the LUNs whose next write tears
   * @param shape which part of the write persists
   * @param timing when it starts and how long it lasts
   * @throws IllegalArgumentException when a value is out of range or the timing has a duration
   */
  public TornWrite {
    Objects.requireNonNull(luns, "luns");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(timing, "timing");
    Faults.requireInstant("torn-write", timing);
  }
}
