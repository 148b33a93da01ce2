package io.hvcluster.core.management.vmm;

import io.hvcluster.api.HostId;
import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.LunId;
import io.hvcluster.api.Names;
import io.hvcluster.api.spec.GuestOs;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.management.Units;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A VM template for fast provisioning: the hardware profile, guest OS and expected load that new VMs
 * are stamped from, as in SCVMM's library.
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * VmTemplate web = VmTemplate.builder("web-2008").memoryGiB(2).lunSizeGiB(40).load(new VmLoad(25, 20, 50, 10)).build();
 * Deployment d = manager.provision("web-2008", "web7");
 * }</pre>
 *
 * @param name the template's name
 * @param memoryBytes guest memory, 8 MiB to 64 GiB (default 1 GiB)
 * @param vcpus virtual processors, 1 to 4 (default 1)
 * @param guestOs the guest operating system (default Windows Server 2008)
 * @param highlyAvailable whether VMs go to a cluster (default) or to a standalone host
 * @param lunSizeGiB the size of the LUN created for each clustered VM (default 40)
 * @param load the load each VM is expected to put on its host (default {@link VmLoad#DEFAULT})
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record VmTemplate(String name, long memoryBytes, int vcpus, GuestOs guestOs, boolean highlyAvailable,
    long lunSizeGiB, VmLoad load) {

  /**
   * Creates a template after checking it.
   *
   * @param name the name
   * @param memoryBytes guest memory, a whole number of MiB from 8 MiB to 64 GiB
   * @param vcpus virtual processors, 1 to 4
   * @param guestOs the guest OS
   * @param highlyAvailable whether VMs go to a cluster
   * @param lunSizeGiB LUN size for clustered VMs, positive
   * @param load the expected load
   * @throws InvalidConfigurationException when a value is out of range
   */
  public VmTemplate {
    Names.check("template", name);
    String what = "template '" + name + "'";
    if (memoryBytes < VmSpec.MIN_MEMORY_BYTES || memoryBytes > VmSpec.MAX_MEMORY_BYTES || memoryBytes % Units.MIB != 0) {
      throw new InvalidConfigurationException(what + " memory is " + Units.gib(memoryBytes)
          + "; allowed: whole MiB from 8 MiB to 64 GiB");
    }
    if (vcpus < 1 || vcpus > VmSpec.MAX_VCPUS) {
      throw new InvalidConfigurationException(what + " has " + vcpus + " virtual processors; allowed: 1 to "
          + VmSpec.MAX_VCPUS);
    }
    Objects.requireNonNull(guestOs, "guestOs");
    if (lunSizeGiB <= 0 || lunSizeGiB > 1 << 20) {
      throw new InvalidConfigurationException(what + " LUN size is " + lunSizeGiB + " GiB; allowed: 1 to 1048576");
    }
    Objects.requireNonNull(load, "load");
  }

  /**
   * Returns the spec of a new VM from this template, on its own LUN, without preferred owners.
   *
   * @param vm the new VM's name
   * @param lun the name of its LUN
   * @return the spec
   */
  public VmSpec vmSpec(String vm, String lun) {
    return VmSpec.builder(vm).memoryBytes(memoryBytes).vcpus(vcpus).guestOs(guestOs).lun(lun).build();
  }

  /**
   * Returns the spec of a new VM from this template, on its own LUN, preferring the given host.
   *
   * @param vm the new VM's name
   * @param lun the name of its LUN
   * @param host the host it should start on
   * @return the spec
   */
  public VmSpec vmSpec(String vm, String lun, HostId host) {
    return VmSpec.builder(vm).memoryBytes(memoryBytes).vcpus(vcpus).guestOs(guestOs).lun(lun)
        .preferredOwners(host.name()).build();
  }

  /**
   * Returns the spec of the LUN a new clustered VM gets.
   *
   * @param lun the LUN's name
   * @return the spec
   */
  public LunSpec lunSpec(String lun) {
    return new LunSpec(LunId.of(lun), lunSizeGiB << 30, false, false);
  }

  /**
   * Returns a builder for a template with the given name and the defaults listed on this record.
   *
   * @param name the template's name
   * @return a new builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Builds a {@link VmTemplate}; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final String name;
    private long memoryBytes = 1L << 30;
    private int vcpus = 1;
    private GuestOs guestOs = GuestOs.WINDOWS_SERVER_2008;
    private boolean highlyAvailable = true;
    private long lunSizeGiB = 40;
    private VmLoad load = VmLoad.DEFAULT;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the guest memory.
     *
     * @param gib GiB, fractions allowed
     * @return this builder
     */
    public Builder memoryGiB(double gib) {
      this.memoryBytes = Units.gibToBytes(gib);
      return this;
    }

    /**
     * Sets the virtual processors.
     *
     * @param value 1 to 4
     * @return this builder
     */
    public Builder vcpus(int value) {
      this.vcpus = value;
      return this;
    }

    /**
     * Sets the guest OS.
     *
     * @param value the guest OS
     * @return this builder
     */
    public Builder guestOs(GuestOs value) {
      this.guestOs = value;
      return this;
    }

    /**
     * Sets whether VMs go to a cluster.
     *
     * @param value false for standalone hosts
     * @return this builder
     */
    public Builder highlyAvailable(boolean value) {
      this.highlyAvailable = value;
      return this;
    }

    /**
     * Sets the LUN size for clustered VMs.
     *
     * @param value GiB
     * @return this builder
     */
    public Builder lunSizeGiB(long value) {
      this.lunSizeGiB = value;
      return this;
    }

    /**
     * Sets the expected load.
     *
     * @param value the load
     * @return this builder
     */
    public Builder load(VmLoad value) {
      this.load = value;
      return this;
    }

    /**
     * Builds and checks the template.
     *
     * @return the template
     */
    public VmTemplate build() {
      return new VmTemplate(name, memoryBytes, vcpus, guestOs, highlyAvailable, lunSizeGiB, load);
    }
  }
}
