package io.hvcluster.api.spec;

import io.hvcluster.api.HostId;
import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.Names;
import org.apiguardian.api.API;

/**
 * The hardware and operating system of one cluster node.
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * HostSpec node = HostSpec.builder("node1").cores(8).memoryGiB(32).installation(Installation.SERVER_CORE).build();
 * }</pre>
 *
 * @param id the node's name
 * @param edition the Windows Server 2008 x64 edition
 * @param installation full or Server Core
 * @param cores physical processor cores, 1 to 64
 * @param memoryBytes physical memory, at least 1 GiB more than the parent partition keeps
 * @param subnet the name of the subnet (or site) the node's cluster interfaces are on; heartbeats between
 * nodes of different subnets use {@code CrossSubnetDelay} and {@code CrossSubnetThreshold} (default
 * {@value #DEFAULT_SUBNET}, every node on one subnet)
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record HostSpec(HostId id, Edition edition, Installation installation, int cores, long memoryBytes,
    String subnet) {
  /** The most physical cores a Windows Server 2008 Hyper-V host may have in this model. */
  public static final int MAX_CORES = 64;
  /** The subnet of a node that names none: all such nodes share it. */
  public static final String DEFAULT_SUBNET = "default";

  /**
   * Creates a host spec after validating it.
   *
   * @param id the node's name
   * @param edition the Windows Server 2008 x64 edition
   * @param installation full or Server Core
   * @param cores physical processor cores, 1 to 64
   * @param memoryBytes physical memory, at least 1 GiB more than the parent partition keeps
   * @param subnet the name of the node's subnet: letters, digits, '.', '_' and '-', at most 63 characters
   * @throws InvalidConfigurationException when a field is missing or out of range
   */
  public HostSpec {
    Checks.notNull("host name", id);
    String what = "host '" + id + "'";
    Checks.notNull(what + " edition", edition);
    Checks.notNull(what + " installation", installation);
    Checks.range(what + " cores", cores, 1, MAX_CORES);
    Checks.positive(what + " memory", memoryBytes);
    long minimum = installation.parentReserveBytes() + Checks.GIB;
    if (memoryBytes < minimum) {
      throw new InvalidConfigurationException(what + " has " + Checks.size(memoryBytes) + " of memory; a "
          + installation + " host needs at least " + Checks.size(minimum)
          + " (its parent partition keeps " + Checks.size(installation.parentReserveBytes()) + ")");
    }
    Names.check(what + " subnet", subnet);
  }

  /**
   * Creates a host spec on the default subnet.
   *
   * @param id the node's name
   * @param edition the Windows Server 2008 x64 edition
   * @param installation full or Server Core
   * @param cores physical processor cores, 1 to 64
   * @param memoryBytes physical memory, at least 1 GiB more than the parent partition keeps
   * @throws InvalidConfigurationException when a field is missing or out of range
   */
  public HostSpec(HostId id, Edition edition, Installation installation, int cores, long memoryBytes) {
    this(id, edition, installation, cores, memoryBytes, DEFAULT_SUBNET);
  }

  /**
   * Returns whether heartbeats between this node and {@code other} cross subnets, and so use
   * {@code CrossSubnetDelay} and {@code CrossSubnetThreshold} instead of the same-subnet values.
   *
   * @param other another node
   * @return whether the two nodes are on different subnets
   */
  public boolean crossesSubnet(HostSpec other) {
    return !subnet.equals(other.subnet);
  }

  /**
   * Returns the memory available to VMs: physical memory less the parent partition's reserve.
   *
   * @return bytes
   */
  public long vmMemoryBytes() {
    return memoryBytes - installation.parentReserveBytes();
  }

  /**
   * Returns a builder for a host with the given name and defaults: Enterprise, full installation, 8
   * cores, 32 GiB.
   *
   * @param name the node's name
   * @return a new builder
   */
  public static Builder builder(String name) {
    return new Builder(HostId.of(name));
  }

  /**
   * Builds a {@link HostSpec}; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.STABLE, since = "0.1.0")
  public static final class Builder {
    private final HostId id;
    private Edition edition = Edition.ENTERPRISE;
    private Installation installation = Installation.FULL;
    private int cores = 8;
    private long memoryBytes = 32 * Checks.GIB;
    private String subnet = DEFAULT_SUBNET;

    private Builder(HostId id) {
      this.id = id;
    }

    /**
     * Sets the edition.
     *
     * @param edition Enterprise or Datacenter
     * @return this builder
     */
    public Builder edition(Edition edition) {
      this.edition = edition;
      return this;
    }

    /**
     * Sets the installation type.
     *
     * @param installation full or Server Core
     * @return this builder
     */
    public Builder installation(Installation installation) {
      this.installation = installation;
      return this;
    }

    /**
     * Sets the number of physical cores.
     *
     * @param cores 1 to 64
     * @return this builder
     */
    public Builder cores(int cores) {
      this.cores = cores;
      return this;
    }

    /**
     * Sets the physical memory in GiB.
     *
     * @param gib gibibytes
     * @return this builder
     */
    public Builder memoryGiB(long gib) {
      this.memoryBytes = gib * Checks.GIB;
      return this;
    }

    /**
     * Sets the physical memory in bytes.
     *
     * @param bytes bytes
     * @return this builder
     */
    public Builder memoryBytes(long bytes) {
      this.memoryBytes = bytes;
      return this;
    }

    /**
     * Sets the subnet (or site) of the node's cluster interfaces.
     *
     * @param name the subnet's name, for example {@code "site-b"}
     * @return this builder
     */
    public Builder subnet(String name) {
      this.subnet = name;
      return this;
    }

    /**
     * Builds and validates the spec.
     *
     * @return the spec
     * @throws InvalidConfigurationException when a value is out of range
     */
    public HostSpec build() {
      return new HostSpec(id, edition, installation, cores, memoryBytes, subnet);
    }
  }
}
