package io.hvcluster.api.spec;

import io.hvcluster.api.HostId;
import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.LunId;
import io.hvcluster.api.Names;
import io.hvcluster.api.VmId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * A highly available virtual machine: its size, guest, the LUNs that hold its files, and how the
 * cluster places, restarts and fails it over.
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * VmSpec web = VmSpec.builder("web1").memoryGiB(2).vcpus(2).lun("lun-web1")
 *     .preferredOwners("node1", "node2").build();
 * }</pre>
 *
 * @param id the VM's name
 * @param memoryBytes guest memory, 8 MiB to 64 GiB (the Hyper-V 2008 limits)
 * @param vcpus virtual processors, 1 to 4 (the Hyper-V 2008 limit)
 * @param guestOs the guest operating system
 * @param luns the LUNs holding the VM's configuration, VHDs and saved state; at least one. VMs that
 *     share an ordinary (non-CSV) LUN form one group and fail over together
 * @param preferredOwners nodes to try first, in order; may be empty
 * @param possibleOwners the only nodes the VM may run on, or empty for every node
 * @param antiAffinityClasses groups sharing a class name are kept apart when possible (soft)
 * @param priority start priority after a failure
 * @param guestCluster the name of the guest cluster this VM is a node of, or empty when none
 * @param checkHeartbeat whether the Hyper-V heartbeat integration service is watched, so that a hung
 *     guest counts as a resource failure (off by default)
 * @param offlineAction what taking the VM offline or quick-migrating it does
 * @param failover restart and failover policy
 * @param workload what the guest does to its memory
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record VmSpec(
    VmId id,
    long memoryBytes,
    int vcpus,
    GuestOs guestOs,
    List<LunId> luns,
    List<HostId> preferredOwners,
    List<HostId> possibleOwners,
    List<String> antiAffinityClasses,
    Priority priority,
    String guestCluster,
    boolean checkHeartbeat,
    OfflineAction offlineAction,
    FailoverPolicy failover,
    WorkloadSpec workload) {

  /** The smallest guest memory Hyper-V 2008 accepts. */
  public static final long MIN_MEMORY_BYTES = 8 * Checks.MIB;
  /** The largest guest memory Hyper-V 2008 accepts. */
  public static final long MAX_MEMORY_BYTES = 64 * Checks.GIB;
  /** The most virtual processors a Hyper-V 2008 VM may have. */
  public static final int MAX_VCPUS = 4;

  /**
   * Creates a VM spec after validating it.
   *
   * @param id the VM's name
   * @param memoryBytes guest memory, 8 MiB to 64 GiB (the Hyper-V 2008 limits)
   * @param vcpus virtual processors, 1 to 4 (the Hyper-V 2008 limit)
   * @param guestOs the guest operating system
   * @param luns the LUNs holding the VM's configuration, VHDs and saved state; at least one. VMs that share an ordinary (non-CSV) LUN form one group and fail over together
   * @param preferredOwners nodes to try first, in order; may be empty
   * @param possibleOwners the only nodes the VM may run on, or empty for every node
   * @param antiAffinityClasses groups sharing a class name are kept apart when possible (soft)
   * @param priority start priority after a failure
   * @param guestCluster the name of the guest cluster this VM is a node of, or empty when none
   * @param checkHeartbeat whether the Hyper-V heartbeat integration service is watched, so that a hung guest counts as a resource failure (off by default)
   * @param offlineAction what taking the VM offline or quick-migrating it does
   * @param failover restart and failover policy
   * @param workload what the guest does to its memory
   * @throws InvalidConfigurationException when a field is missing or out of range, a list repeats an
   * entry, or a preferred owner is not a possible owner
   */
  public VmSpec {
    Checks.notNull("VM name", id);
    String what = "VM '" + id + "'";
    if (memoryBytes < MIN_MEMORY_BYTES || memoryBytes > MAX_MEMORY_BYTES) {
      throw new InvalidConfigurationException(what + " memory is " + Checks.size(memoryBytes)
          + "; Hyper-V 2008 allows 8 MiB to 64 GiB");
    }
    if (memoryBytes % 4096 != 0) {
      throw new InvalidConfigurationException(what + " memory is " + memoryBytes
          + " bytes; it must be a whole number of 4 KiB pages");
    }
    Checks.range(what + " virtual processors", vcpus, 1, MAX_VCPUS);
    Checks.notNull(what + " guest OS", guestOs);
    luns = unique(what + " LUNs", Checks.list(what + " LUNs", luns));
    if (luns.isEmpty()) {
      throw new InvalidConfigurationException(what + " has no LUN; a clustered VM keeps its files on at least one shared LUN");
    }
    preferredOwners = unique(what + " preferred owners", Checks.list(what + " preferred owners", preferredOwners));
    possibleOwners = unique(what + " possible owners", Checks.list(what + " possible owners", possibleOwners));
    if (!possibleOwners.isEmpty()) {
      for (HostId preferred : preferredOwners) {
        if (!possibleOwners.contains(preferred)) {
          throw new InvalidConfigurationException(what + " prefers node '" + preferred
              + "' which is not among its possible owners " + possibleOwners);
        }
      }
    }
    Checks.list(what + " anti-affinity classes", antiAffinityClasses);
    for (String name : antiAffinityClasses) {
      if (name.isBlank()) {
        throw new InvalidConfigurationException(what + " has a blank anti-affinity class name");
      }
    }
    antiAffinityClasses = List.copyOf(new TreeSet<>(antiAffinityClasses));
    Checks.notNull(what + " priority", priority);
    Checks.notNull(what + " guest cluster", guestCluster);
    if (!guestCluster.isEmpty()) {
      Names.check("guest cluster", guestCluster);
      if (!guestOs.clusterCapable()) {
        throw new InvalidConfigurationException(what + " runs " + guestOs + " and cannot be a node of guest cluster '"
            + guestCluster + "'; guest clustering needs Windows 2000 Server, 2003 or 2008 guests");
      }
    }
    Checks.notNull(what + " offline action", offlineAction);
    Checks.notNull(what + " failover policy", failover);
    Checks.notNull(what + " workload", workload);
    if (workload.workingSetBytes() > memoryBytes) {
      throw new InvalidConfigurationException(what + " workload touches " + Checks.size(workload.workingSetBytes())
          + " but the VM has " + Checks.size(memoryBytes) + " of memory");
    }
  }

  private static <T> List<T> unique(String what, List<T> values) {
    Set<T> seen = new HashSet<>();
    for (T value : values) {
      if (!seen.add(value)) {
        throw new InvalidConfigurationException(what + " contain '" + value + "' twice; each may appear once");
      }
    }
    return values;
  }

  /**
   * Returns the number of 4 KiB pages of guest memory.
   *
   * @return pages
   */
  public long pageCount() {
    return memoryBytes / 4096;
  }

  /**
   * Returns whether the VM may run on the given node.
   *
   * @param host the node
   * @return true when the possible-owner list is empty or contains the node
   */
  public boolean mayRunOn(HostId host) {
    return possibleOwners.isEmpty() || possibleOwners.contains(host);
  }

  /**
   * Returns a builder with this spec's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.memoryBytes = memoryBytes;
    b.vcpus = vcpus;
    b.guestOs = guestOs;
    b.luns.addAll(luns);
    b.preferredOwners.addAll(preferredOwners);
    b.possibleOwners.addAll(possibleOwners);
    b.antiAffinityClasses.addAll(antiAffinityClasses);
    b.priority = priority;
    b.guestCluster = guestCluster;
    b.checkHeartbeat = checkHeartbeat;
    b.offlineAction = offlineAction;
    b.failover = failover;
    b.workload = workload;
    return b;
  }

  /**
   * Returns a builder for a VM with the given name and defaults: 1 GiB, 1 virtual processor, Windows
   * Server 2008, medium priority, heartbeat check off, offline action SAVE, default failover policy, and
   * a workload that touches an eighth of memory and rewrites 256 pages (1 MiB) a second.
   *
   * @param name the VM's name
   * @return a new builder
   */
  public static Builder builder(String name) {
    return new Builder(VmId.of(name));
  }

  /**
   * Builds a {@link VmSpec}; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.STABLE, since = "0.1.0")
  public static final class Builder {
    private final VmId id;
    private long memoryBytes = Checks.GIB;
    private int vcpus = 1;
    private GuestOs guestOs = GuestOs.WINDOWS_SERVER_2008;
    private final List<LunId> luns = new ArrayList<>();
    private final List<HostId> preferredOwners = new ArrayList<>();
    private final List<HostId> possibleOwners = new ArrayList<>();
    private final List<String> antiAffinityClasses = new ArrayList<>();
    private Priority priority = Priority.MEDIUM;
    private String guestCluster = "";
    private boolean checkHeartbeat;
    private OfflineAction offlineAction = OfflineAction.SAVE;
    private FailoverPolicy failover = FailoverPolicy.defaults();
    private WorkloadSpec workload;

    private Builder(VmId id) {
      this.id = id;
    }

    /**
     * Sets the guest memory in GiB.
     *
     * @param gib gibibytes
     * @return this builder
     */
    public Builder memoryGiB(long gib) {
      this.memoryBytes = gib * Checks.GIB;
      return this;
    }

    /**
     * Sets the guest memory in MiB.
     *
     * @param mib mebibytes
     * @return this builder
     */
    public Builder memoryMiB(long mib) {
      this.memoryBytes = mib * Checks.MIB;
      return this;
    }

    /**
     * Sets the guest memory in bytes.
     *
     * @param bytes bytes, a multiple of 4096
     * @return this builder
     */
    public Builder memoryBytes(long bytes) {
      this.memoryBytes = bytes;
      return this;
    }

    /**
     * Sets the number of virtual processors.
     *
     * @param vcpus 1 to 4
     * @return this builder
     */
    public Builder vcpus(int vcpus) {
      this.vcpus = vcpus;
      return this;
    }

    /**
     * Sets the guest OS.
     *
     * @param guestOs the guest OS
     * @return this builder
     */
    public Builder guestOs(GuestOs guestOs) {
      this.guestOs = guestOs;
      return this;
    }

    /**
     * Adds a LUN that holds the VM's files.
     *
     * @param name the LUN's name
     * @return this builder
     */
    public Builder lun(String name) {
      this.luns.add(LunId.of(name));
      return this;
    }

    /**
     * Replaces the preferred owners.
     *
     * @param names node names, most preferred first
     * @return this builder
     */
    public Builder preferredOwners(String... names) {
      this.preferredOwners.clear();
      for (String name : names) {
        this.preferredOwners.add(HostId.of(name));
      }
      return this;
    }

    /**
     * Replaces the possible owners.
     *
     * @param names node names; none means every node
     * @return this builder
     */
    public Builder possibleOwners(String... names) {
      this.possibleOwners.clear();
      for (String name : names) {
        this.possibleOwners.add(HostId.of(name));
      }
      return this;
    }

    /**
     * Adds an anti-affinity class.
     *
     * @param name the class name
     * @return this builder
     */
    public Builder antiAffinityClass(String name) {
      this.antiAffinityClasses.add(name);
      return this;
    }

    /**
     * Sets the start priority.
     *
     * @param priority the priority
     * @return this builder
     */
    public Builder priority(Priority priority) {
      this.priority = priority;
      return this;
    }

    /**
     * Makes the VM a node of a guest cluster.
     *
     * @param name the guest cluster's name
     * @return this builder
     */
    public Builder guestCluster(String name) {
      this.guestCluster = name;
      return this;
    }

    /**
     * Sets whether the heartbeat integration service is watched.
     *
     * @param check true to restart a hung guest through the restart policy
     * @return this builder
     */
    public Builder checkHeartbeat(boolean check) {
      this.checkHeartbeat = check;
      return this;
    }

    /**
     * Sets the offline action.
     *
     * @param action the action
     * @return this builder
     */
    public Builder offlineAction(OfflineAction action) {
      this.offlineAction = action;
      return this;
    }

    /**
     * Sets the failover policy.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder failover(FailoverPolicy policy) {
      this.failover = policy;
      return this;
    }

    /**
     * Sets the guest workload.
     *
     * @param workload the workload
     * @return this builder
     */
    public Builder workload(WorkloadSpec workload) {
      this.workload = workload;
      return this;
    }

    /**
     * Builds and validates the spec.
     *
     * @return the spec
     * @throws InvalidConfigurationException when a value is invalid
     */
    public VmSpec build() {
      WorkloadSpec w = workload != null ? workload
          : new WorkloadSpec(Math.max(0, memoryBytes / 8 / 4096 * 4096), 256);
      return new VmSpec(id, memoryBytes, vcpus, guestOs, luns, preferredOwners, possibleOwners,
          antiAffinityClasses, priority, guestCluster, checkHeartbeat, offlineAction, failover, w);
    }
  }
}
