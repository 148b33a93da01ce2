package io.hvcluster.api.spec;

import io.hvcluster.api.HostId;
import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.LunId;
import io.hvcluster.api.Names;
import io.hvcluster.api.VmId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A whole failover cluster: its name, quorum model, 2 to 16 nodes, shared storage and highly available
 * VMs, and its settings. The constructor checks every cross-reference, so a spec that exists is one the
 * simulation can run.
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * ClusterSpec spec = ClusterSpec.builder("HV1")
 *     .quorum(QuorumModel.NODE_AND_DISK_MAJORITY)
 *     .host(HostSpec.builder("node1").build())
 *     .host(HostSpec.builder("node2").build())
 *     .storage(StorageSpec.iscsi(List.of(LunSpec.witness("witness"), LunSpec.data("lun-web1", 40))))
 *     .vm(VmSpec.builder("web1").memoryGiB(2).lun("lun-web1").build())
 *     .build();
 * }</pre>
 *
 * @param name the cluster's name
 * @param quorum the quorum model
 * @param hosts the nodes, 2 to 16, with unique names
 * @param storage the shared storage
 * @param vms the highly available VMs, with unique names
 * @param settings heartbeat, start throttling and cost model
 * @param era the Windows Server release the cluster models ({@link Era#DEFAULT} when not chosen): it
 *     refuses features from later releases and chooses the cluster-reserve method
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ClusterSpec(String name, QuorumModel quorum, List<HostSpec> hosts, StorageSpec storage,
    List<VmSpec> vms, ClusterSettings settings, Era era) {

  /** The fewest nodes a failover cluster may have. */
  public static final int MIN_NODES = 2;
  /** The most nodes a Windows Server 2008 failover cluster may have. */
  public static final int MAX_NODES = 16;

  /**
   * Creates a cluster spec after validating it and every reference in it.
   *
   * @param name the cluster's name
   * @param quorum the quorum model
   * @param hosts the nodes, 2 to 16, with unique names
   * @param storage the shared storage
   * @param vms the highly available VMs, with unique names
   * @param settings heartbeat, start throttling and cost model
   * @param era the Windows Server release the cluster models
   * @throws InvalidConfigurationException when the node count is outside 2 to 16, names repeat, a
   * reference names something that does not exist, the quorum model and witness disk disagree, or a
   * feature came with a release after the era (naming that release)
   */
  public ClusterSpec {
    Names.check("cluster", name);
    String what = "cluster '" + name + "'";
    Checks.notNull(what + " quorum model", quorum);
    hosts = Checks.list(what + " hosts", hosts);
    Checks.notNull(what + " storage", storage);
    vms = Checks.list(what + " VMs", vms);
    Checks.notNull(what + " settings", settings);
    Checks.notNull(what + " era", era);
    if (hosts.size() < MIN_NODES || hosts.size() > MAX_NODES) {
      throw new InvalidConfigurationException(what + " has " + hosts.size() + " node" + (hosts.size() == 1 ? "" : "s")
          + "; a failover cluster has " + MIN_NODES + " to " + MAX_NODES);
    }
    Set<HostId> hostIds = new HashSet<>();
    for (HostSpec host : hosts) {
      if (!hostIds.add(host.id())) {
        throw new InvalidConfigurationException(what + " lists node '" + host.id() + "' twice; node names must be unique");
      }
    }
    checkQuorum(what, quorum, storage);
    Set<VmId> vmIds = new HashSet<>();
    Map<String, Integer> guestClusters = new TreeMap<>();
    Map<LunId, LunSpec> lunsById = new java.util.HashMap<>();
    storage.luns().forEach(l -> lunsById.put(l.id(), l));
    for (VmSpec vm : vms) {
      if (!vmIds.add(vm.id())) {
        throw new InvalidConfigurationException(what + " lists VM '" + vm.id() + "' twice; VM names must be unique");
      }
      for (LunId lun : vm.luns()) {
        LunSpec spec = lunsById.get(lun);
        if (spec == null) {
          throw new InvalidConfigurationException("VM '" + vm.id() + "' uses LUN '" + lun
              + "' which the storage does not have; LUNs: " + lunNames(storage));
        }
        if (spec.witness()) {
          throw new InvalidConfigurationException("VM '" + vm.id() + "' uses the witness disk '" + lun
              + "'; the witness disk holds only quorum data");
        }
      }
      checkOwners(vm, "preferred owner", vm.preferredOwners(), hostIds);
      checkOwners(vm, "possible owner", vm.possibleOwners(), hostIds);
      if (!vm.guestCluster().isEmpty()) {
        guestClusters.merge(vm.guestCluster(), 1, Integer::sum);
      }
    }
    guestClusters.forEach((guest, count) -> {
      if (count < 2) {
        throw new InvalidConfigurationException("guest cluster '" + guest + "' has only one VM; a guest cluster needs"
            + " at least two VM nodes");
      }
    });
    checkEra(era, storage, vms);
  }

  /**
   * Creates a cluster spec of the default era ({@link Era#DEFAULT}), as before eras existed.
   *
   * @param name the cluster's name
   * @param quorum the quorum model
   * @param hosts the nodes, 2 to 16, with unique names
   * @param storage the shared storage
   * @param vms the highly available VMs, with unique names
   * @param settings heartbeat, start throttling and cost model
   * @throws InvalidConfigurationException as the canonical constructor does
   */
  public ClusterSpec(String name, QuorumModel quorum, List<HostSpec> hosts, StorageSpec storage, List<VmSpec> vms,
      ClusterSettings settings) {
    this(name, quorum, hosts, storage, vms, settings, Era.DEFAULT);
  }

  private static void checkEra(Era era, StorageSpec storage, List<VmSpec> vms) {
    for (LunSpec lun : storage.luns()) {
      if (lun.csv()) {
        era.require("LUN '" + lun.id() + "' is a Cluster Shared Volume", Era.WS2008_R2);
      }
    }
    for (VmSpec vm : vms) {
      if (vm.priority() != Priority.MEDIUM) {
        era.require("VM '" + vm.id() + "' has group priority " + vm.priority(), Era.WS2012);
      }
    }
  }

  private static void checkQuorum(String what, QuorumModel quorum, StorageSpec storage) {
    boolean hasWitness = storage.witness().isPresent();
    if (quorum.usesWitnessDisk() && !hasWitness) {
      throw new InvalidConfigurationException(what + " uses quorum model " + quorum
          + " but no LUN is marked as witness; mark one LUN as the witness disk or choose NODE_MAJORITY");
    }
    if (!quorum.usesWitnessDisk() && hasWitness) {
      throw new InvalidConfigurationException(what + " uses quorum model " + quorum + " which has no witness disk, but LUN '"
          + storage.witness().get().id() + "' is marked as witness; use NODE_AND_DISK_MAJORITY or unmark the LUN");
    }
  }

  private static void checkOwners(VmSpec vm, String kind, List<HostId> owners, Set<HostId> hostIds) {
    for (HostId owner : owners) {
      if (!hostIds.contains(owner)) {
        throw new InvalidConfigurationException("VM '" + vm.id() + "' names " + kind + " '" + owner
            + "' which is not a node of the cluster");
      }
    }
  }

  private static String lunNames(StorageSpec storage) {
    List<String> names = new ArrayList<>();
    storage.luns().stream().limit(20).forEach(l -> names.add(l.id().name()));
    String more = storage.luns().size() > 20 ? ", ... (" + storage.luns().size() + " in all)" : "";
    return names.isEmpty() ? "none" : String.join(", ", names) + more;
  }

  /**
   * Returns the node with the given name, if there is one.
   *
   * @param id the node's name
   * @return the node
   */
  public Optional<HostSpec> host(HostId id) {
    return hosts.stream().filter(h -> h.id().equals(id)).findFirst();
  }

  /**
   * Returns the VM with the given name, if there is one.
   *
   * @param id the VM's name
   * @return the VM
   */
  public Optional<VmSpec> vm(VmId id) {
    return vms.stream().filter(v -> v.id().equals(id)).findFirst();
  }

  /**
   * Returns a copy with one more node.
   *
   * @param host the new node
   * @return the new spec
   * @throws InvalidConfigurationException when the name is taken or the cluster would exceed 16 nodes
   */
  public ClusterSpec withHost(HostSpec host) {
    List<HostSpec> more = new ArrayList<>(hosts);
    more.add(host);
    return new ClusterSpec(name, quorum, more, storage, vms, settings, era);
  }

  /**
   * Returns a copy with one more VM.
   *
   * @param vm the new VM
   * @return the new spec
   * @throws InvalidConfigurationException when the name is taken or a reference does not exist
   */
  public ClusterSpec withVm(VmSpec vm) {
    List<VmSpec> more = new ArrayList<>(vms);
    more.add(vm);
    return new ClusterSpec(name, quorum, hosts, storage, more, settings, era);
  }

  /**
   * Returns a copy with other settings.
   *
   * @param newSettings the settings
   * @return the new spec
   */
  public ClusterSpec withSettings(ClusterSettings newSettings) {
    return new ClusterSpec(name, quorum, hosts, storage, vms, newSettings, era);
  }

  /**
   * Returns a copy of another era.
   *
   * @param newEra the Windows Server release to model
   * @return the new spec
   * @throws InvalidConfigurationException when the spec uses a feature the era does not have
   */
  public ClusterSpec withEra(Era newEra) {
    return new ClusterSpec(name, quorum, hosts, storage, vms, settings, newEra);
  }

  /**
   * Returns a builder for a cluster with the given name. Defaults: node and disk majority, and the
   * default settings for the storage type.
   *
   * @param name the cluster's name
   * @return a new builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Builds a {@link ClusterSpec}; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.STABLE, since = "0.1.0")
  public static final class Builder {
    private final String name;
    private QuorumModel quorum = QuorumModel.NODE_AND_DISK_MAJORITY;
    private final List<HostSpec> hosts = new ArrayList<>();
    private StorageSpec storage;
    private final List<VmSpec> vms = new ArrayList<>();
    private ClusterSettings settings;
    private Era era = Era.DEFAULT;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the quorum model.
     *
     * @param model the model
     * @return this builder
     */
    public Builder quorum(QuorumModel model) {
      this.quorum = model;
      return this;
    }

    /**
     * Adds a node.
     *
     * @param host the node
     * @return this builder
     */
    public Builder host(HostSpec host) {
      this.hosts.add(host);
      return this;
    }

    /**
     * Sets the shared storage.
     *
     * @param storage the storage
     * @return this builder
     */
    public Builder storage(StorageSpec storage) {
      this.storage = storage;
      return this;
    }

    /**
     * Adds a VM.
     *
     * @param vm the VM
     * @return this builder
     */
    public Builder vm(VmSpec vm) {
      this.vms.add(vm);
      return this;
    }

    /**
     * Sets the cluster settings; by default they follow the storage type.
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder settings(ClusterSettings settings) {
      this.settings = settings;
      return this;
    }

    /**
     * Sets the era: the Windows Server release the cluster models (default {@link Era#DEFAULT}).
     *
     * @param value the era
     * @return this builder
     */
    public Builder era(Era value) {
      this.era = value;
      return this;
    }

    /**
     * Builds and validates the spec.
     *
     * @return the spec
     * @throws InvalidConfigurationException when the spec is invalid
     */
    public ClusterSpec build() {
      if (storage == null) {
        throw new InvalidConfigurationException("cluster '" + name + "' has no storage; set the shared storage");
      }
      ClusterSettings s = settings != null ? settings : ClusterSettings.defaults(storage.type());
      return new ClusterSpec(name, quorum, hosts, storage, vms, s, era);
    }
  }
}
