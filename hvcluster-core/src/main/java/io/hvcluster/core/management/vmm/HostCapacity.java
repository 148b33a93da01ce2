package io.hvcluster.core.management.vmm;

import org.apiguardian.api.API;

/**
 * What a host offers beyond processors and memory (which its spec states): the disk I/O and guest
 * network bandwidth intelligent placement rates against. The default ({@link #DEFAULT}) is 10,000 IOPS
 * and one GbE guest port.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param iops disk I/O operations per second the host's storage paths sustain, positive
 * @param networkMbps guest network bandwidth in Mbit/s, positive
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record HostCapacity(double iops, double networkMbps) {
  /** 10,000 IOPS and 1,000 Mbit/s (one GbE guest port). */
  public static final HostCapacity DEFAULT = new HostCapacity(10_000, 1_000);

  /**
   * Creates a capacity after checking it.
   *
   * @param iops disk I/O, positive
   * @param networkMbps network bandwidth, positive
   * @throws IllegalArgumentException when a value is not positive
   */
  public HostCapacity {
    if (!(iops > 0 && Double.isFinite(iops))) {
      throw new IllegalArgumentException("host disk I/O capacity is " + iops + " IOPS; it must be positive");
    }
    if (!(networkMbps > 0 && Double.isFinite(networkMbps))) {
      throw new IllegalArgumentException("host network capacity is " + networkMbps + " Mbit/s; it must be positive");
    }
  }
}
