package io.hvcluster.core.management.description;

import io.hvcluster.api.spec.GuestOs;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A measured physical-server workload to be virtualised: the seed's advice is to baseline physical
 * workloads before consolidating them. {@code count} identical servers can share one entry.
 *
 * <p>Instances are immutable and thread-safe. Example, 40 web servers that each use 12 % of two cores
 * and 2 GiB:
 *
 * <pre>{@code
 * WorkloadDescription web = WorkloadDescription.builder("web", 12, 2).count(40).cores(2).iops(30).networkMbps(15).build();
 * }</pre>
 *
 * @param name a name; VMs are named after it ({@code web-001}, {@code web-002} …)
 * @param count how many such servers were measured (default 1)
 * @param cores the physical server's processor cores (default 2)
 * @param cpuPercent its measured average CPU use, 0 to 100 % of all its cores
 * @param memoryGiB its measured memory use in GiB, which becomes the VM's memory
 * @param iops its measured disk I/O operations per second (default 0)
 * @param networkMbps its measured network traffic in Mbit/s (default 0)
 * @param diskGiB the disk space its VHDs need in GiB (default 40)
 * @param vcpus virtual processors its VM gets (default 1)
 * @param guestOs its operating system (default Windows Server 2008)
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record WorkloadDescription(String name, int count, int cores, double cpuPercent, double memoryGiB,
    double iops, double networkMbps, double diskGiB, int vcpus, GuestOs guestOs) {

  /**
   * Creates a workload description; checks only that no field is null.
   *
   * @param name the name
   * @param count how many such servers
   * @param cores physical cores of each
   * @param cpuPercent average CPU use in percent
   * @param memoryGiB memory use in GiB
   * @param iops disk I/O operations per second
   * @param networkMbps network traffic in Mbit/s
   * @param diskGiB disk space of its VHDs in GiB
   * @param vcpus virtual processors of its VM
   * @param guestOs its operating system
   * @throws NullPointerException when a field is null
   */
  public WorkloadDescription {
    Objects.requireNonNull(name, "workload name");
    Objects.requireNonNull(guestOs, "guestOs");
  }

  /**
   * Returns the CPU one such server needs, in cores: cores × cpuPercent / 100.
   *
   * @return cores of processor time
   */
  public double cpuCores() {
    return cores * cpuPercent / 100;
  }

  /**
   * Returns a builder with the measured CPU and memory and the defaults listed on this record.
   *
   * @param name the name
   * @param cpuPercent measured average CPU use, 0 to 100
   * @param memoryGiB measured memory use in GiB
   * @return a new builder
   */
  public static Builder builder(String name, double cpuPercent, double memoryGiB) {
    return new Builder(name, cpuPercent, memoryGiB);
  }

  /**
   * Builds a {@link WorkloadDescription}; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final String name;
    private final double cpuPercent;
    private final double memoryGiB;
    private int count = 1;
    private int cores = 2;
    private double iops;
    private double networkMbps;
    private double diskGiB = 40;
    private int vcpus = 1;
    private GuestOs guestOs = GuestOs.WINDOWS_SERVER_2008;

    private Builder(String name, double cpuPercent, double memoryGiB) {
      this.name = name;
      this.cpuPercent = cpuPercent;
      this.memoryGiB = memoryGiB;
    }

    /**
     * Sets how many such servers were measured.
     *
     * @param value the count
     * @return this builder
     */
    public Builder count(int value) {
      this.count = value;
      return this;
    }

    /**
     * Sets the physical server's cores.
     *
     * @param value cores
     * @return this builder
     */
    public Builder cores(int value) {
      this.cores = value;
      return this;
    }

    /**
     * Sets the measured disk I/O.
     *
     * @param value operations per second
     * @return this builder
     */
    public Builder iops(double value) {
      this.iops = value;
      return this;
    }

    /**
     * Sets the measured network traffic.
     *
     * @param value Mbit/s
     * @return this builder
     */
    public Builder networkMbps(double value) {
      this.networkMbps = value;
      return this;
    }

    /**
     * Sets the disk space the VM's VHDs need.
     *
     * @param value GiB
     * @return this builder
     */
    public Builder diskGiB(double value) {
      this.diskGiB = value;
      return this;
    }

    /**
     * Sets the virtual processors of the VM.
     *
     * @param value virtual processors
     * @return this builder
     */
    public Builder vcpus(int value) {
      this.vcpus = value;
      return this;
    }

    /**
     * Sets the operating system.
     *
     * @param value the guest OS
     * @return this builder
     */
    public Builder guestOs(GuestOs value) {
      this.guestOs = value;
      return this;
    }

    /**
     * Builds the description.
     *
     * @return the description
     */
    public WorkloadDescription build() {
      return new WorkloadDescription(name, count, cores, cpuPercent, memoryGiB, iops, networkMbps, diskGiB, vcpus,
          guestOs);
    }
  }
}
