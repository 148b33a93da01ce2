package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Has a node preempt the SCSI-3 persistent reservation of the selected LUNs, fencing their current
 * owner. Instantaneous: it has no duration.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "reservation-preempt"}.
 *
 * @param luns the LUNs whose reservation is taken
 * @param by the node that preempts
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ReservationPreempt(LunSelector luns, HostSelector by, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param luns the LUNs whose reservation is taken
   * @param by the node that preempts
   * @param timing when it starts and how long it lasts
   * @throws IllegalArgumentException when a value is out of range or the timing has a duration
   */
  public ReservationPreempt {
    Objects.requireNonNull(luns, "luns");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(timing, "timing");
    Faults.requireInstant("reservation-preempt", timing);
  }
}
