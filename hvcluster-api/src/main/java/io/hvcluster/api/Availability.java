package io.hvcluster.api;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Availability accounting of a cluster up to one moment: for each VM, the virtual time it should have
 * been serving, the time it was down and why, and for the cluster the overall availability and the mean
 * time to recover.
 *
 * <p>A VM should serve from the moment it first serves after a start request (an operator's start or
 * start-all), until an operator stops it: the boot an operator asks for is not downtime. A start that is
 * held up (the VM's group waits for a node that can take it, the start fails or is cut short, the node it
 * was placed on leaves the cluster, the cluster has no quorum) is downtime from the start request on, so a
 * VM that is wanted but never gets to run counts as down from the moment it was asked for.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param atNanos the virtual time the report describes
 * @param vms per-VM accounts, in configuration order
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Availability(long atNanos, List<VmAvailability> vms) {
  /**
   * Creates a report; copies the list.
   *
   * @param atNanos the virtual time the report describes
   * @param vms per-VM accounts, in configuration order
   */
  public Availability {
    vms = List.copyOf(vms);
  }

  /**
   * One VM's account.
   *
   * @param vm the VM
   * @param expectedNanos time the VM should have been serving
   * @param downNanos part of that time it was not serving
   * @param outages its outages, oldest first
   * @since 0.1.0
   */
  @API(status = API.Status.STABLE, since = "0.1.0")
  public record VmAvailability(VmId vm, long expectedNanos, long downNanos, List<Outage> outages) {
    /**
     * Creates an account; copies the list.
     *
     * @param vm the VM
     * @param expectedNanos time the VM should have been serving
     * @param downNanos part of that time it was not serving
     * @param outages its outages, oldest first
     */
    public VmAvailability {
      outages = List.copyOf(outages);
    }

    /**
     * Returns the share of the expected time the VM served.
     *
     * @return 0 to 1; 1 when nothing was expected yet
     */
    public double availability() {
      return expectedNanos == 0 ? 1.0 : 1.0 - (double) downNanos / expectedNanos;
    }
  }

  /**
   * Returns the cluster's availability: served time over expected time, summed over its VMs.
   *
   * @return 0 to 1; 1 when nothing was expected yet
   */
  public double availability() {
    // Summed as doubles: a thousand VMs over a year overflow a long of nanoseconds.
    double expected = 0;
    double down = 0;
    for (VmAvailability v : vms) {
      expected += v.expectedNanos();
      down += v.downNanos();
    }
    return expected == 0 ? 1.0 : 1.0 - down / expected;
  }

  /**
   * Returns the total downtime of all VMs.
   *
   * @return nanoseconds
   */
  public long downNanos() {
    return vms.stream().mapToLong(VmAvailability::downNanos).sum();
  }

  /**
   * Returns the number of outages, ended or not.
   *
   * @return the count
   */
  public int outageCount() {
    return vms.stream().mapToInt(v -> v.outages().size()).sum();
  }

  /**
   * Returns the mean time to recover: the average length of the outages that have ended.
   *
   * @return nanoseconds, or 0 when no outage has ended
   */
  public long meanTimeToRecoverNanos() {
    long total = 0;
    int ended = 0;
    for (VmAvailability v : vms) {
      for (Outage o : v.outages()) {
        if (o.isOver()) {
          total += o.durationNanos(atNanos);
          ended++;
        }
      }
    }
    return ended == 0 ? 0 : total / ended;
  }
}
