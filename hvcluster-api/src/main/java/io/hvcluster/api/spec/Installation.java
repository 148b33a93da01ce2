package io.hvcluster.api.spec;

import org.apiguardian.api.API;

/**
 * The installation type of a host's Windows Server 2008. Server Core has a smaller parent partition,
 * so it leaves more memory for VMs and starts them faster.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum Installation {
  /** The full installation with the graphical shell. */
  FULL(2L << 30, 4_000),
  /** The minimal Server Core installation. */
  SERVER_CORE(1L << 30, 2_000);

  private final long parentReserveBytes;
  private final long vmStartOverheadMillis;

  Installation(long parentReserveBytes, long vmStartOverheadMillis) {
    this.parentReserveBytes = parentReserveBytes;
    this.vmStartOverheadMillis = vmStartOverheadMillis;
  }

  /**
   * Returns the memory the parent partition keeps for itself, which VMs cannot use.
   *
   * @return bytes: 2 GiB for a full installation, 1 GiB for Server Core
   */
  public long parentReserveBytes() {
    return parentReserveBytes;
  }

  /**
   * Returns the time the host spends creating a VM's worker process and attaching its devices before
   * the guest starts to boot.
   *
   * @return milliseconds: 4000 for a full installation, 2000 for Server Core
   */
  public long vmStartOverheadMillis() {
    return vmStartOverheadMillis;
  }
}
