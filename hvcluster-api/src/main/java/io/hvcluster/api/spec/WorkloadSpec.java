package io.hvcluster.api.spec;

import io.hvcluster.api.InvalidConfigurationException;
import org.apiguardian.api.API;

/**
 * What the guest does to its memory: the working set it touches when it boots, and the rate at which it
 * then rewrites pages of that working set in virtual time. Live migration converges when the dirty rate
 * is well below the migration link; the content of every page is a pure function of (seed, VM, page,
 * write count), so memory can be verified anywhere without a copy.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param workingSetBytes bytes of guest memory touched at boot and rewritten afterwards (0 to the VM's memory)
 * @param dirtyPagesPerSecond 4 KiB pages rewritten per second of virtual time while the VM runs
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record WorkloadSpec(long workingSetBytes, long dirtyPagesPerSecond) {
  /**
   * Creates a workload spec after validating it.
   *
   * @param workingSetBytes bytes of guest memory touched at boot and rewritten afterwards (0 to the VM's memory)
   * @param dirtyPagesPerSecond 4 KiB pages rewritten per second of virtual time while the VM runs
   * @throws InvalidConfigurationException when a value is negative
   */
  public WorkloadSpec {
    if (workingSetBytes < 0) {
      throw new InvalidConfigurationException("workload working set is " + workingSetBytes + " bytes; it must be 0 or more");
    }
    if (dirtyPagesPerSecond < 0) {
      throw new InvalidConfigurationException("workload dirty rate is " + dirtyPagesPerSecond
          + " pages per second; it must be 0 or more");
    }
  }

  /**
   * Returns an idle guest that touches nothing.
   *
   * @return the workload
   */
  public static WorkloadSpec idle() {
    return new WorkloadSpec(0, 0);
  }

  /**
   * Returns a workload that touches {@code workingSetMiB} MiB and rewrites {@code dirtyPagesPerSecond}
   * pages a second.
   *
   * @param workingSetMiB the working set in MiB
   * @param dirtyPagesPerSecond pages rewritten per second
   * @return the workload
   */
  public static WorkloadSpec of(long workingSetMiB, long dirtyPagesPerSecond) {
    return new WorkloadSpec(workingSetMiB * Checks.MIB, dirtyPagesPerSecond);
  }
}
