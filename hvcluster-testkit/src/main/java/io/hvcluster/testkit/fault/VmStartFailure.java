package io.hvcluster.testkit.fault;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Makes the next starts of the selected VMs fail, as a broken VHD, a missing configuration file or a
 * virtual switch that is not there does: each failing start tries for {@code after} and then fails, and the
 * cluster's restart and failover policy takes over (restarts in place up to {@code RestartThreshold}, then
 * a failover, then the group fails once {@code FailoverThreshold} is spent). Instantaneous: it arms the
 * failures when it strikes; they are used up by the starts that follow, wherever the VM starts.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "vm-start-failure"}.
 *
 * @param vms the VMs it hits
 * @param starts how many of the next starts fail, 1 to 10
 * @param after how long each failing start tries before it fails, 0 to 10 minutes
 * @param timing when it strikes
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record VmStartFailure(VmSelector vms, int starts, Duration after, Timing timing) implements Fault {
  /** The most starts one fault makes fail. */
  public static final int MAX_STARTS = 10;
  /** The longest a failing start tries. */
  public static final Duration MAX_AFTER = Duration.ofMinutes(10);

  /**
   * Creates the fault after checking it.
   *
   * @param vms the VMs it hits
   * @param starts how many of the next starts fail, 1 to 10
   * @param after how long each failing start tries before it fails, 0 to 10 minutes
   * @param timing when it strikes
   * @throws IllegalArgumentException when a value is out of range or the timing has a duration
   */
  public VmStartFailure {
    Objects.requireNonNull(vms, "vms");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(timing, "timing");
    if (starts < 1 || starts > MAX_STARTS) {
      throw new IllegalArgumentException("vm-start-failure starts is " + starts + "; allowed: 1 to " + MAX_STARTS);
    }
    if (after.isNegative() || after.compareTo(MAX_AFTER) > 0) {
      throw new IllegalArgumentException("vm-start-failure after is " + DurationText.format(after)
          + "; allowed: 0s to " + DurationText.format(MAX_AFTER));
    }
    Faults.requireInstant("vm-start-failure", timing);
  }
}
