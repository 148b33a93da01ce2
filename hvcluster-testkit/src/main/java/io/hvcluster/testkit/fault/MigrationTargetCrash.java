package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Crashes the target node of the next migration of a selected VM when it reaches the given phase. The
 * fault is armed from its start until it heals (or the heal phase); a crashed node stays down until
 * the heal phase.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "migration-target-crash"}.
 *
 * @param vms the VMs whose migration triggers it
 * @param stage the phase at which the target crashes
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record MigrationTargetCrash(VmSelector vms, MigrationStage stage, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param vms the VMs whose migration triggers it
   * @param stage the phase at which the target crashes
   * @param timing when it starts and how long it lasts
   */
  public MigrationTargetCrash {
    Objects.requireNonNull(vms, "vms");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(timing, "timing");
  }
}
