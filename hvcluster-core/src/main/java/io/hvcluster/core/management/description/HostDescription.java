package io.hvcluster.core.management.description;

import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.core.management.Units;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * One host of a cluster description, as the JSON file states it. Unlike
 * {@link io.hvcluster.api.spec.HostSpec} it accepts any edition and architecture, so that validation can
 * report a Standard-edition or 32-bit host as a failure; {@link ClusterDescription#check()} rejects only
 * values outside their domain.
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * HostDescription node = HostDescription.builder("node1")
 *     .installation(Installation.SERVER_CORE).cores(8).memoryGiB(32)
 *     .guestNicPorts(3).heartbeatNetwork(true).iscsiNetwork(true).build();
 * }</pre>
 *
 * @param name the host's name
 * @param edition the Windows Server 2008 edition (default Enterprise)
 * @param installation full or Server Core (default full)
 * @param architecture the operating system's architecture (default x64)
 * @param osVersion the OS version, for example {@code "6.0.6002"}, or empty when not stated
 * @param servicePack the service-pack level, or empty when not stated
 * @param cores physical processor cores, 1 to 64 (default 8)
 * @param memoryGiB physical memory in GiB, fractions allowed (default 32)
 * @param guestNicPorts GbE ports dedicated to guest traffic (default 1)
 * @param heartbeatNetwork whether the host has a network dedicated to the cluster heartbeat (default false)
 * @param iscsiNetwork whether the host has a network dedicated to iSCSI traffic (default false)
 * @param subnet the subnet (or site) of the host's cluster interfaces; heartbeats between hosts of
 * different subnets use {@code CrossSubnetDelay} and {@code CrossSubnetThreshold} (default
 * {@value io.hvcluster.api.spec.HostSpec#DEFAULT_SUBNET})
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record HostDescription(String name, ServerEdition edition, Installation installation,
    Architecture architecture, Optional<String> osVersion, OptionalInt servicePack, int cores, double memoryGiB,
    int guestNicPorts, boolean heartbeatNetwork, boolean iscsiNetwork, String subnet) {

  /**
   * Creates a host description; checks only that no field is null.
   *
   * @param name the host's name
   * @param edition the Windows Server 2008 edition
   * @param installation full or Server Core
   * @param architecture the operating system's architecture
   * @param osVersion the OS version, or empty when not stated
   * @param servicePack the service-pack level, or empty when not stated
   * @param cores physical processor cores
   * @param memoryGiB physical memory in GiB
   * @param guestNicPorts GbE ports dedicated to guest traffic
   * @param heartbeatNetwork whether the host has a dedicated heartbeat network
   * @param iscsiNetwork whether the host has a dedicated iSCSI network
   * @param subnet the subnet (or site) of the host's cluster interfaces
   * @throws NullPointerException when a field is null
   */
  public HostDescription {
    Objects.requireNonNull(name, "host name");
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(installation, "installation");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(osVersion, "osVersion");
    Objects.requireNonNull(servicePack, "servicePack");
    Objects.requireNonNull(subnet, "subnet");
  }

  /**
   * Creates a host description on the default subnet; checks only that no field is null.
   *
   * @param name the host's name
   * @param edition the Windows Server 2008 edition
   * @param installation full or Server Core
   * @param architecture the operating system's architecture
   * @param osVersion the OS version, or empty when not stated
   * @param servicePack the service-pack level, or empty when not stated
   * @param cores physical processor cores
   * @param memoryGiB physical memory in GiB
   * @param guestNicPorts GbE ports dedicated to guest traffic
   * @param heartbeatNetwork whether the host has a dedicated heartbeat network
   * @param iscsiNetwork whether the host has a dedicated iSCSI network
   * @throws NullPointerException when a field is null
   */
  public HostDescription(String name, ServerEdition edition, Installation installation, Architecture architecture,
      Optional<String> osVersion, OptionalInt servicePack, int cores, double memoryGiB, int guestNicPorts,
      boolean heartbeatNetwork, boolean iscsiNetwork) {
    this(name, edition, installation, architecture, osVersion, servicePack, cores, memoryGiB, guestNicPorts,
        heartbeatNetwork, iscsiNetwork, HostSpec.DEFAULT_SUBNET);
  }

  /**
   * Returns the physical memory in bytes, rounded to whole MiB.
   *
   * @return bytes
   */
  public long memoryBytes() {
    return Units.gibToBytes(memoryGiB);
  }

  /**
   * Returns the memory left for VMs after the parent partition's reserve (1 GiB on Server Core, 2 GiB
   * on a full installation).
   *
   * @return bytes, never negative
   */
  public long vmMemoryBytes() {
    return Math.max(0, memoryBytes() - installation.parentReserveBytes());
  }

  /**
   * Returns a copy with another name, for example to stamp out hosts from a model.
   *
   * @param newName the name
   * @return the copy
   */
  public HostDescription withName(String newName) {
    return new HostDescription(newName, edition, installation, architecture, osVersion, servicePack, cores,
        memoryGiB, guestNicPorts, heartbeatNetwork, iscsiNetwork, subnet);
  }

  /**
   * Returns a copy with another number of guest NIC ports.
   *
   * @param ports GbE ports for guest traffic
   * @return the copy
   */
  public HostDescription withGuestNicPorts(int ports) {
    return new HostDescription(name, edition, installation, architecture, osVersion, servicePack, cores,
        memoryGiB, ports, heartbeatNetwork, iscsiNetwork, subnet);
  }

  /**
   * Returns a builder for a host with the given name and the defaults listed on this record.
   *
   * @param name the host's name
   * @return a new builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Builds a {@link HostDescription}; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final String name;
    private ServerEdition edition = ServerEdition.ENTERPRISE;
    private Installation installation = Installation.FULL;
    private Architecture architecture = Architecture.X64;
    private Optional<String> osVersion = Optional.empty();
    private OptionalInt servicePack = OptionalInt.empty();
    private int cores = 8;
    private double memoryGiB = 32;
    private int guestNicPorts = 1;
    private boolean heartbeatNetwork;
    private boolean iscsiNetwork;
    private String subnet = HostSpec.DEFAULT_SUBNET;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the edition.
     *
     * @param value the edition
     * @return this builder
     */
    public Builder edition(ServerEdition value) {
      this.edition = value;
      return this;
    }

    /**
     * Sets the installation type.
     *
     * @param value full or Server Core
     * @return this builder
     */
    public Builder installation(Installation value) {
      this.installation = value;
      return this;
    }

    /**
     * Sets the architecture.
     *
     * @param value the architecture
     * @return this builder
     */
    public Builder architecture(Architecture value) {
      this.architecture = value;
      return this;
    }

    /**
     * Sets the OS version.
     *
     * @param value for example {@code "6.0.6002"}
     * @return this builder
     */
    public Builder osVersion(String value) {
      this.osVersion = Optional.of(value);
      return this;
    }

    /**
     * Sets the service-pack level.
     *
     * @param value 0 for none
     * @return this builder
     */
    public Builder servicePack(int value) {
      this.servicePack = OptionalInt.of(value);
      return this;
    }

    /**
     * Sets the number of physical cores.
     *
     * @param value cores
     * @return this builder
     */
    public Builder cores(int value) {
      this.cores = value;
      return this;
    }

    /**
     * Sets the physical memory.
     *
     * @param value GiB
     * @return this builder
     */
    public Builder memoryGiB(double value) {
      this.memoryGiB = value;
      return this;
    }

    /**
     * Sets the number of GbE ports dedicated to guest traffic.
     *
     * @param value ports
     * @return this builder
     */
    public Builder guestNicPorts(int value) {
      this.guestNicPorts = value;
      return this;
    }

    /**
     * Sets whether the host has a dedicated heartbeat network.
     *
     * @param value true when it has one
     * @return this builder
     */
    public Builder heartbeatNetwork(boolean value) {
      this.heartbeatNetwork = value;
      return this;
    }

    /**
     * Sets whether the host has a dedicated iSCSI network.
     *
     * @param value true when it has one
     * @return this builder
     */
    public Builder iscsiNetwork(boolean value) {
      this.iscsiNetwork = value;
      return this;
    }

    /**
     * Sets the subnet (or site) of the host's cluster interfaces.
     *
     * @param value the subnet's name, for example {@code "site-b"}
     * @return this builder
     */
    public Builder subnet(String value) {
      this.subnet = value;
      return this;
    }

    /**
     * Builds the description.
     *
     * @return the description
     */
    public HostDescription build() {
      return new HostDescription(name, edition, installation, architecture, osVersion, servicePack, cores, memoryGiB,
          guestNicPorts, heartbeatNetwork, iscsiNetwork, subnet);
    }
  }
}
