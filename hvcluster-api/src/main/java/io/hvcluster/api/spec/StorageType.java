package io.hvcluster.api.spec;

import org.apiguardian.api.API;

/**
 * The kind of shared storage connecting the hosts to their LUNs.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum StorageType {
  /** An iSCSI SAN over Gigabit Ethernet (Microsoft iSCSI initiator). */
  ISCSI(1_000_000_000L),
  /** A Fibre Channel SAN at 4 Gbit/s. */
  FC(4_000_000_000L),
  /** SAS direct-attached storage shared by the hosts (for example an MD3000 enclosure), 3 Gbit/s. */
  SAS(3_000_000_000L);

  private final long lineRateBitsPerSecond;

  StorageType(long lineRateBitsPerSecond) {
    this.lineRateBitsPerSecond = lineRateBitsPerSecond;
  }

  /**
   * Returns the nominal line rate of one path.
   *
   * @return bits per second
   */
  public long lineRateBitsPerSecond() {
    return lineRateBitsPerSecond;
  }
}
