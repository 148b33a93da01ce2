package io.hvcluster.core.management.capacity;

import io.hvcluster.api.spec.ReserveMethod;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The cluster-reserve verdict after SCVMM 2008: whether the cluster can still host all its highly
 * available VMs after {@code reserve} host failures (the hosts with the most memory for VMs fail), with
 * the arithmetic that decided it.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param reserve host failures the cluster must absorb
 * @param hosts the cluster's host count
 * @param failedHosts the hosts assumed to fail: the {@code reserve} largest, ties in node order
 * @param survivingCapacityBytes memory for VMs on the other hosts
 * @param demandBytes memory of all the cluster's VMs
 * @param vmCount the cluster's VMs
 * @param unplaced groups that did not fit on the surviving hosts (a group is the VMs that share a LUN)
 * @param overCommitted whether the cluster could not absorb the failures
 * @param arithmetic the reasoning, one step a line
 * @param method how the verdict was reached: SCVMM 2008's slots, or VMM 2012's bin-packing (with slots,
 *     {@code unplaced} is empty: the method counts slots and places no VM)
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ReserveReport(int reserve, int hosts, List<String> failedHosts, long survivingCapacityBytes,
    long demandBytes, int vmCount, List<String> unplaced, boolean overCommitted, List<String> arithmetic,
    ReserveMethod method) {

  /**
   * Creates a report; copies the lists.
   *
   * @param reserve host failures to absorb
   * @param hosts the host count
   * @param failedHosts the hosts assumed to fail
   * @param survivingCapacityBytes memory for VMs on the other hosts
   * @param demandBytes memory of all VMs
   * @param vmCount VMs
   * @param unplaced groups that did not fit
   * @param overCommitted whether the cluster is over-committed
   * @param arithmetic the reasoning
   * @param method the method that decided
   * @throws NullPointerException when a list or the method is null
   */
  public ReserveReport {
    failedHosts = List.copyOf(failedHosts);
    unplaced = List.copyOf(unplaced);
    arithmetic = List.copyOf(arithmetic);
    Objects.requireNonNull(method, "method");
  }

  /**
   * Creates a bin-packing report, as before the method was recorded.
   *
   * @param reserve host failures to absorb
   * @param hosts the host count
   * @param failedHosts the hosts assumed to fail
   * @param survivingCapacityBytes memory for VMs on the other hosts
   * @param demandBytes memory of all VMs
   * @param vmCount VMs
   * @param unplaced groups that did not fit
   * @param overCommitted whether the cluster is over-committed
   * @param arithmetic the reasoning
   * @throws NullPointerException when a list is null
   */
  public ReserveReport(int reserve, int hosts, List<String> failedHosts, long survivingCapacityBytes,
      long demandBytes, int vmCount, List<String> unplaced, boolean overCommitted, List<String> arithmetic) {
    this(reserve, hosts, failedHosts, survivingCapacityBytes, demandBytes, vmCount, unplaced, overCommitted,
        arithmetic, ReserveMethod.BIN_PACKING);
  }

  /**
   * Returns the memory left over after the failures: surviving capacity less demand (negative when short).
   *
   * @return bytes
   */
  public long spareBytes() {
    return survivingCapacityBytes - demandBytes;
  }

  /**
   * Returns the verdict and the arithmetic as one paragraph.
   *
   * @return the explanation
   */
  public String explanation() {
    return String.join("; ", arithmetic);
  }
}
