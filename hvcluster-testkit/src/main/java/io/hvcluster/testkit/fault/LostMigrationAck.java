package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Loses the completion acknowledgement of the next migration of a selected VM, so its outcome is
 * indeterminate ({@code info}) to the caller. The fault is armed from its start until it heals (or the
 * heal phase).
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "lost-migration-ack"}.
 *
 * @param vms the VMs whose migration loses its acknowledgement
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record LostMigrationAck(VmSelector vms, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param vms the VMs whose migration loses its acknowledgement
   * @param timing when it starts and how long it lasts
   */
  public LostMigrationAck {
    Objects.requireNonNull(vms, "vms");
    Objects.requireNonNull(timing, "timing");
  }
}
