package io.hvcluster.core.management.vmm;

import org.apiguardian.api.API;

/**
 * The load a VM is expected to put on its host, which intelligent placement adds to a host's measured
 * load before rating it. SCVMM 2008's defaults for a new VM are 20 % CPU, 2 GB of disk, no disk I/O
 * and no network traffic ({@link #DEFAULT}).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param cpuPercent expected use of each virtual processor, 0 to 100 % of one host core
 * @param diskGiB disk space its files need on its LUN
 * @param iops expected disk I/O operations per second
 * @param networkMbps expected network traffic in Mbit/s
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record VmLoad(double cpuPercent, double diskGiB, double iops, double networkMbps) {
  /** SCVMM 2008's defaults: 20 % CPU, 2 GB disk, 0 IOPS, 0 Mbit/s. */
  public static final VmLoad DEFAULT = new VmLoad(20, 2, 0, 0);

  /**
   * Creates a load after checking it.
   *
   * @param cpuPercent expected use of each virtual processor, 0 to 100
   * @param diskGiB disk space, 0 or more
   * @param iops disk I/O, 0 or more
   * @param networkMbps network traffic, 0 or more
   * @throws IllegalArgumentException when a value is out of range
   */
  public VmLoad {
    if (!(cpuPercent >= 0 && cpuPercent <= 100)) {
      throw new IllegalArgumentException("expected CPU is " + cpuPercent + " %; allowed: 0 to 100");
    }
    notNegative("expected disk space", diskGiB);
    notNegative("expected disk I/O", iops);
    notNegative("expected network traffic", networkMbps);
  }

  /**
   * Returns the host cores this load keeps busy for a VM with the given virtual processors.
   *
   * @param vcpus virtual processors
   * @return cores
   */
  public double cpuCores(int vcpus) {
    return cpuPercent / 100 * vcpus;
  }

  private static void notNegative(String what, double value) {
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(what + " is " + value + "; it must be 0 or more");
    }
  }
}
