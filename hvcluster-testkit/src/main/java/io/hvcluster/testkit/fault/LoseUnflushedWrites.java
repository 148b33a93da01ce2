package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Drops every write to the selected LUNs that was not yet flushed, as a power loss of the array's
 * cache would; on the save path the real files lose those bytes. Instantaneous: it has no duration.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "lose-unflushed-writes"}.
 *
 * @param luns the LUNs that lose data
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record LoseUnflushedWrites(LunSelector luns, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param luns the LUNs that lose data
   * @param timing when it starts and how long it lasts
   * @throws IllegalArgumentException when a value is out of range or the timing has a duration
   */
  public LoseUnflushedWrites {
    Objects.requireNonNull(luns, "luns");
    Objects.requireNonNull(timing, "timing");
    Faults.requireInstant("lose-unflushed-writes", timing);
  }
}
