package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Hangs the guest operating system of the selected VMs; only the VM heartbeat integration service can
 * notice. The guests resume when the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "guest-hang"}.
 *
 * @param vms the VMs it hits
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record GuestHang(VmSelector vms, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param vms the VMs it hits
   * @param timing when it starts and how long it lasts
   */
  public GuestHang {
    Objects.requireNonNull(vms, "vms");
    Objects.requireNonNull(timing, "timing");
  }
}
