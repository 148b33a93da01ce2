package io.hvcluster.core.management;

/**
 * What the management features agree on without depending on one another: the seed's rules of thumb
 * that both validation and capacity planning apply, and the names given to the VMs and LUNs that
 * planning and provisioning create. Internal: this package is not exported from the module.
 */
public final class Conventions {
  /** The seed's rule: one dedicated GbE guest port per this many VMs. */
  public static final int VMS_PER_GUEST_PORT = 4;

  /** Drive letters left for cluster disks: 26 less A and B (floppy), C (system) and D (optical). */
  public static final int DRIVE_LETTERS = 21;

  private Conventions() {}

  /** Returns the digits used to number the VMs of a workload: at least 3 ({@code web-001}). */
  public static int indexWidth(int count) {
    return Math.max(3, Integer.toString(count).length());
  }

  /** Returns the name of the LUN that holds a planned or provisioned VM. */
  public static String lunName(String vm) {
    return "lun-" + vm;
  }
}
