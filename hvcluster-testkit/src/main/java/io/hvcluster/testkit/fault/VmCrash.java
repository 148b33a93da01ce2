package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Crashes the selected VMs' worker processes once; the cluster's restart policy takes over.
 * Instantaneous: it has no duration.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "vm-crash"}.
 *
 * @param vms the VMs it hits
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record VmCrash(VmSelector vms, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param vms the VMs it hits
   * @param timing when it starts and how long it lasts
   * @throws IllegalArgumentException when a value is out of range or the timing has a duration
   */
  public VmCrash {
    Objects.requireNonNull(vms, "vms");
    Objects.requireNonNull(timing, "timing");
    Faults.requireInstant("vm-crash", timing);
  }
}
