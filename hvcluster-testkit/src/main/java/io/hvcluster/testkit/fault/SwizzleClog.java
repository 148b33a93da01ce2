package io.hvcluster.testkit.fault;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Clogs the links of the selected nodes one node at a time, {@code interval} apart, then unclogs them
 * in random order when it heals (FoundationDB's swizzle-clogging); see {@link Partitions#swizzle}. The
 * unclogging starts when the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "swizzle-clog"}.
 *
 * @param hosts the nodes it hits
 * @param interval the time between clogging one node and the next, positive
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record SwizzleClog(HostSelector hosts, Duration interval, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param hosts the nodes it hits
   * @param interval the time between clogging one node and the next, positive
   * @param timing when it starts and how long it lasts
   * @throws IllegalArgumentException when a value is out of range
   */
  public SwizzleClog {
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timing, "timing");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("swizzle interval is " + interval + "; it must be positive");
    }
  }
}
