package io.hvcluster.core.management.description;

import io.hvcluster.api.spec.GuestOs;
import io.hvcluster.api.spec.Priority;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.management.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One highly available VM of a cluster description. Unlike {@link io.hvcluster.api.spec.VmSpec} it
 * accepts a VM without LUNs, with more than 4 virtual processors or with more than 64 GiB, so that
 * validation can report those as failures.
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * VmDescription web = VmDescription.builder("web1").memoryGiB(2).lun("lun-web1").preferredOwners("node1").build();
 * }</pre>
 *
 * @param name the VM's name
 * @param memoryGiB guest memory in GiB, fractions allowed (default 1)
 * @param vcpus virtual processors (default 1)
 * @param guestOs the guest operating system (default Windows Server 2008)
 * @param luns names of the LUNs holding its files
 * @param preferredOwners host names to try first, in order
 * @param possibleOwners the only hosts it may run on; empty for every host
 * @param antiAffinityClasses VMs sharing a class are kept on different hosts when possible
 * @param guestCluster the guest cluster this VM is a node of, or empty
 * @param vhdType how its virtual disks are stored (default fixed)
 * @param priority start priority after a failure (default medium)
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record VmDescription(String name, double memoryGiB, int vcpus, GuestOs guestOs, List<String> luns,
    List<String> preferredOwners, List<String> possibleOwners, List<String> antiAffinityClasses, String guestCluster,
    VhdType vhdType, Priority priority) {

  /**
   * Creates a VM description; copies the lists and checks only that nothing is null.
   *
   * @param name the VM's name
   * @param memoryGiB guest memory in GiB
   * @param vcpus virtual processors
   * @param guestOs the guest operating system
   * @param luns names of its LUNs
   * @param preferredOwners preferred hosts, in order
   * @param possibleOwners possible hosts; empty for every host
   * @param antiAffinityClasses anti-affinity class names
   * @param guestCluster the guest cluster, or empty
   * @param vhdType how its virtual disks are stored
   * @param priority start priority
   * @throws NullPointerException when a field or list entry is null
   */
  public VmDescription {
    Objects.requireNonNull(name, "VM name");
    Objects.requireNonNull(guestOs, "guestOs");
    luns = List.copyOf(luns);
    preferredOwners = List.copyOf(preferredOwners);
    possibleOwners = List.copyOf(possibleOwners);
    antiAffinityClasses = List.copyOf(antiAffinityClasses);
    Objects.requireNonNull(guestCluster, "guestCluster");
    Objects.requireNonNull(vhdType, "vhdType");
    Objects.requireNonNull(priority, "priority");
  }

  /**
   * Returns the guest memory in bytes, rounded to whole MiB.
   *
   * @return bytes
   */
  public long memoryBytes() {
    return Units.gibToBytes(memoryGiB);
  }

  /**
   * Returns whether the VM may run on the host.
   *
   * @param host a host name
   * @return true when the possible owners are empty or name the host
   */
  public boolean mayRunOn(String host) {
    return possibleOwners.isEmpty() || possibleOwners.contains(host);
  }

  /**
   * Returns the description of a VM spec, for example to validate or plan a VM built in code. Facts a
   * spec does not hold take their description defaults (fixed VHDs), and memory is rounded to whole MiB.
   *
   * @param spec the VM
   * @return the description
   */
  public static VmDescription fromSpec(VmSpec spec) {
    return SpecConversion.vmDescription(spec);
  }

  /**
   * Returns a builder for a VM with the given name and the defaults listed on this record.
   *
   * @param name the VM's name
   * @return a new builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Builds a {@link VmDescription}; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final String name;
    private double memoryGiB = 1;
    private int vcpus = 1;
    private GuestOs guestOs = GuestOs.WINDOWS_SERVER_2008;
    private final List<String> luns = new ArrayList<>();
    private final List<String> preferredOwners = new ArrayList<>();
    private final List<String> possibleOwners = new ArrayList<>();
    private final List<String> antiAffinityClasses = new ArrayList<>();
    private String guestCluster = "";
    private VhdType vhdType = VhdType.FIXED;
    private Priority priority = Priority.MEDIUM;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the guest memory.
     *
     * @param value GiB
     * @return this builder
     */
    public Builder memoryGiB(double value) {
      this.memoryGiB = value;
      return this;
    }

    /**
     * Sets the number of virtual processors.
     *
     * @param value virtual processors
     * @return this builder
     */
    public Builder vcpus(int value) {
      this.vcpus = value;
      return this;
    }

    /**
     * Sets the guest operating system.
     *
     * @param value the guest OS
     * @return this builder
     */
    public Builder guestOs(GuestOs value) {
      this.guestOs = value;
      return this;
    }

    /**
     * Adds LUNs that hold the VM's files.
     *
     * @param names LUN names
     * @return this builder
     */
    public Builder lun(String... names) {
      this.luns.addAll(List.of(names));
      return this;
    }

    /**
     * Replaces the preferred owners.
     *
     * @param names host names, most preferred first
     * @return this builder
     */
    public Builder preferredOwners(String... names) {
      this.preferredOwners.clear();
      this.preferredOwners.addAll(List.of(names));
      return this;
    }

    /**
     * Replaces the possible owners.
     *
     * @param names host names; none for every host
     * @return this builder
     */
    public Builder possibleOwners(String... names) {
      this.possibleOwners.clear();
      this.possibleOwners.addAll(List.of(names));
      return this;
    }

    /**
     * Adds anti-affinity classes.
     *
     * @param names class names
     * @return this builder
     */
    public Builder antiAffinityClass(String... names) {
      this.antiAffinityClasses.addAll(List.of(names));
      return this;
    }

    /**
     * Makes the VM a node of a guest cluster.
     *
     * @param value the guest cluster's name, or empty for none
     * @return this builder
     */
    public Builder guestCluster(String value) {
      this.guestCluster = value;
      return this;
    }

    /**
     * Sets how the VM's virtual disks are stored.
     *
     * @param value the VHD type
     * @return this builder
     */
    public Builder vhdType(VhdType value) {
      this.vhdType = value;
      return this;
    }

    /**
     * Sets the start priority.
     *
     * @param value the priority
     * @return this builder
     */
    public Builder priority(Priority value) {
      this.priority = value;
      return this;
    }

    /**
     * Builds the description.
     *
     * @return the description
     */
    public VmDescription build() {
      return new VmDescription(name, memoryGiB, vcpus, guestOs, luns, preferredOwners, possibleOwners,
          antiAffinityClasses, guestCluster, vhdType, priority);
    }
  }
}
