package io.hvcluster.core.management;

import org.apiguardian.api.API;

/**
 * What the management features agree on without depending on one another: the seed's rules of thumb
 * that both validation and capacity planning apply, and the names given to the VMs and LUNs that
 * planning and provisioning create. Internal: this package is not exported from the module.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Conventions {
  /** The seed's rule: one dedicated GbE guest port per this many VMs. */
  public static final int VMS_PER_GUEST_PORT = 4;

  /** Drive letters left for cluster disks: 26 less A and B (floppy), C (system) and D (optical). */
  public static final int DRIVE_LETTERS = 21;

  /** The largest cluster reserve: a cluster has at most 16 nodes, so at most 15 can fail. */
  public static final int MAX_RESERVE = 15;

  private Conventions() {}

  /**
   * Returns a cluster reserve after checking its range.
   *
   * @param hosts host failures the cluster must absorb
   * @return {@code hosts}
   * @throws IllegalArgumentException when it is outside 0 to {@link #MAX_RESERVE}
   */
  public static int checkReserve(int hosts) {
    if (hosts < 0 || hosts > MAX_RESERVE) {
      throw new IllegalArgumentException("cluster reserve is " + hosts + "; allowed: 0 to " + MAX_RESERVE
          + " host failures");
    }
    return hosts;
  }

  /** Returns the digits used to number the VMs of a workload: at least 3 ({@code web-001}). */
  public static int indexWidth(int count) {
    return Math.max(3, Integer.toString(count).length());
  }

  /** Returns the name of the LUN that holds a planned or provisioned VM. */
  public static String lunName(String vm) {
    return "lun-" + vm;
  }
}
