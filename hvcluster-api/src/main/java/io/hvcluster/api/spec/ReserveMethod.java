package io.hvcluster.api.spec;

import org.apiguardian.api.API;

/**
 * How Virtual Machine Manager decides whether a cluster can absorb its cluster reserve's host failures.
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum ReserveMethod {
  /**
   * SCVMM 2008 and 2008 R2: every VM takes one slot the size of the cluster's largest highly available
   * VM's memory; a host holds as many slots as fit in its memory for VMs; the cluster is over-committed
   * when the hosts left after the reserve's failures (the ones with the most slots fail) hold fewer slots
   * than there are VMs. Stricter than packing when VM sizes differ.
   */
  SLOTS("slots (SCVMM 2008: slot = the largest VM's memory)"),
  /**
   * VMM 2012 and later: the VMs are placed on the surviving hosts by memory (first fit, largest group
   * first); the cluster is over-committed when a group fits nowhere.
   */
  BIN_PACKING("bin-packing (VMM 2012: the VMs are placed on the survivors)");

  private final String description;

  ReserveMethod(String description) {
    this.description = description;
  }

  /**
   * Returns the method in a phrase, for reports.
   *
   * @return the description
   */
  public String description() {
    return description;
  }
}
