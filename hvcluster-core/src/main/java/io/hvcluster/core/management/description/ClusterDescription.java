package io.hvcluster.core.management.description;

import io.hvcluster.api.spec.ClusterNetwork;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.Era;
import io.hvcluster.api.spec.QuorumModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A cluster description: the model behind the JSON file read by {@code hvcluster validate}, {@code plan}
 * and {@code simulate --scenario} (documented in {@code docs/cluster-description.md}). It is looser than
 * {@link ClusterSpec}: it can describe a cluster that is wrong (17 nodes, a Standard-edition host, a VM
 * without a LUN) so that {@link io.hvcluster.core.management.validation.ConfigurationValidator} can
 * report what is wrong, and it may hold only measured workloads for
 * {@link io.hvcluster.core.management.capacity.CapacityPlanner}.
 *
 * <p>Three levels of checking: the constructor only refuses nulls; {@link #check()} refuses values outside
 * their domain, bad or repeated names and dangling references, naming the JSON path; {@link #toSpec()}
 * also refuses what a cluster cannot run.
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * ClusterDescription retail = ClusterDescription.builder("RETAIL")
 *     .host(HostDescription.builder("node1").heartbeatNetwork(true).iscsiNetwork(true).build())
 *     .host(HostDescription.builder("node2").heartbeatNetwork(true).iscsiNetwork(true).build())
 *     .storage(StorageDescription.builder(StorageType.ISCSI).certified(true)
 *         .lun(LunDescription.witnessDisk("witness", 0.5)).lun(LunDescription.data("lun-pos", 40)).build())
 *     .vm(VmDescription.builder("pos").memoryGiB(2).lun("lun-pos").build())
 *     .build();
 * ValidationReport report = ConfigurationValidator.validate(retail.check());
 * }</pre>
 *
 * @param name the cluster's name
 * @param quorum the quorum model, or empty for node and disk majority when a LUN is the witness disk and
 *     node majority otherwise
 * @param reserve the cluster reserve: host failures the cluster must absorb (default 1)
 * @param hosts the hosts, in file order
 * @param storage the shared storage, or empty when none is described
 * @param vms the highly available VMs, in file order
 * @param workloads measured physical workloads for capacity planning, in file order
 * @param planning capacity-planning assumptions, or empty for {@link PlanningDescription#defaults()}
 * @param era the Windows Server release the cluster models, or empty for {@link Era#DEFAULT}
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ClusterDescription(String name, Optional<QuorumModel> quorum, int reserve, List<HostDescription> hosts,
    Optional<StorageDescription> storage, List<VmDescription> vms, List<WorkloadDescription> workloads,
    Optional<PlanningDescription> planning, Optional<Era> era) {

  /** The default cluster reserve: one host failure. */
  public static final int DEFAULT_RESERVE = 1;

  /**
   * Creates a cluster description; copies the lists and checks only that nothing is null.
   *
   * @param name the cluster's name
   * @param quorum the quorum model, or empty for the default
   * @param reserve host failures the cluster must absorb
   * @param hosts the hosts
   * @param storage the shared storage, or empty
   * @param vms the VMs
   * @param workloads measured workloads
   * @param planning planning assumptions, or empty
   * @param era the era, or empty for the default
   * @throws NullPointerException when a field or list entry is null
   */
  public ClusterDescription {
    Objects.requireNonNull(name, "cluster name");
    Objects.requireNonNull(quorum, "quorum");
    hosts = List.copyOf(hosts);
    Objects.requireNonNull(storage, "storage");
    vms = List.copyOf(vms);
    workloads = List.copyOf(workloads);
    Objects.requireNonNull(planning, "planning");
    Objects.requireNonNull(era, "era");
  }

  /**
   * Creates a cluster description of the default era; see the canonical constructor.
   *
   * @param name the cluster's name
   * @param quorum the quorum model, or empty for the default
   * @param reserve host failures the cluster must absorb
   * @param hosts the hosts
   * @param storage the shared storage, or empty
   * @param vms the VMs
   * @param workloads measured workloads
   * @param planning planning assumptions, or empty
   * @throws NullPointerException when a field or list entry is null
   */
  public ClusterDescription(String name, Optional<QuorumModel> quorum, int reserve, List<HostDescription> hosts,
      Optional<StorageDescription> storage, List<VmDescription> vms, List<WorkloadDescription> workloads,
      Optional<PlanningDescription> planning) {
    this(name, quorum, reserve, hosts, storage, vms, workloads, planning, Optional.empty());
  }

  /**
   * Returns the era in force: the stated one, else {@link Era#DEFAULT}.
   *
   * @return the era
   */
  public Era effectiveEra() {
    return era.orElse(Era.DEFAULT);
  }

  /**
   * Returns the features this description uses that came after its era, in file order (empty when it
   * fits its era).
   *
   * @return the conflicts
   */
  public List<EraConflict> eraConflicts() {
    return EraConflict.of(this);
  }

  /**
   * Checks every value's domain, every name and every reference, and returns this description.
   *
   * @return this description
   * @throws InvalidDescriptionException for the first problem, in file order, naming its JSON path
   */
  public ClusterDescription check() {
    DescriptionChecks.check(this);
    return this;
  }

  /**
   * Converts the description into a cluster the simulation can run, after {@link #check()}.
   *
   * @return the cluster spec
   * @throws InvalidDescriptionException naming the JSON path of the first value the cluster model cannot
   *     represent, for example a Standard-edition host ({@code $.hosts[1].edition}) or 17 hosts ({@code $.hosts})
   */
  public ClusterSpec toSpec() {
    return SpecConversion.toSpec(check());
  }

  /**
   * Returns the description of a cluster spec, for validating or planning a cluster that was built in
   * code. Every host has a dedicated heartbeat network when the spec has a cluster-only network, and a
   * dedicated iSCSI network when it has a network with the role none. Facts a spec does not hold take their
   * description defaults (one guest NIC port, storage certification not stated, fixed VHDs), the reserve is 1, and
   * memory and LUN sizes are rounded to whole MiB.
   *
   * @param spec the cluster
   * @return the description
   */
  public static ClusterDescription fromSpec(ClusterSpec spec) {
    return SpecConversion.description(spec);
  }

  /**
   * Returns the cluster networks the simulation gives this cluster, numbered as WSFC names them:
   * {@code cluster-network-1}, the public network (cluster and client); then {@code cluster-network-2}, cluster
   * only, when every host has a dedicated {@code heartbeatNetwork}; then the iSCSI network, role none, when
   * every host has a dedicated {@code iscsiNetwork}. Scenario actions {@code cut-network} and
   * {@code restore-network} name them.
   *
   * @return the networks, in order
   */
  public List<ClusterNetwork> networks() {
    return SpecConversion.networks(this);
  }

  /**
   * Returns the failover groups: VMs that share an ordinary (non-CSV) LUN are one group and move
   * together; every other VM is a group of its own. Groups are in the file order of their first VM and
   * are named after it, as the cluster names them.
   *
   * @return the groups
   */
  public List<FailoverGroup> failoverGroups() {
    return FailoverGroup.of(this);
  }

  /**
   * Returns the quorum model in force: the stated one, else node and disk majority when a LUN is the
   * witness disk, else node majority.
   *
   * @return the quorum model
   */
  public QuorumModel effectiveQuorum() {
    return quorum.orElseGet(() -> witness().isPresent() ? QuorumModel.NODE_AND_DISK_MAJORITY : QuorumModel.NODE_MAJORITY);
  }

  /**
   * Returns the planning assumptions in force.
   *
   * @return the stated assumptions, else {@link PlanningDescription#defaults()}
   */
  public PlanningDescription effectivePlanning() {
    return planning.orElseGet(PlanningDescription::defaults);
  }

  /**
   * Returns the first LUN marked as the witness disk, if any.
   *
   * @return the witness LUN
   */
  public Optional<LunDescription> witness() {
    return storage.flatMap(s -> s.luns().stream().filter(LunDescription::witness).findFirst());
  }

  /**
   * Returns the host with the given name, if there is one.
   *
   * @param hostName the name
   * @return the host
   */
  public Optional<HostDescription> host(String hostName) {
    return hosts.stream().filter(h -> h.name().equals(hostName)).findFirst();
  }

  /**
   * Returns the VM with the given name, if there is one.
   *
   * @param vmName the name
   * @return the VM
   */
  public Optional<VmDescription> vm(String vmName) {
    return vms.stream().filter(v -> v.name().equals(vmName)).findFirst();
  }

  /**
   * Returns a builder for a description with the given name and no hosts, storage, VMs or workloads.
   *
   * @param name the cluster's name
   * @return a new builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Returns a builder that starts from this description, for a copy with some values changed or added.
   *
   * @return a new builder holding every value of this description
   */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.quorum = quorum;
    b.reserve = reserve;
    b.hosts.addAll(hosts);
    b.storage = storage;
    b.vms.addAll(vms);
    b.workloads.addAll(workloads);
    b.planning = planning;
    b.era = era;
    return b;
  }

  /**
   * Builds a {@link ClusterDescription}; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final String name;
    private Optional<QuorumModel> quorum = Optional.empty();
    private int reserve = DEFAULT_RESERVE;
    private final List<HostDescription> hosts = new ArrayList<>();
    private Optional<StorageDescription> storage = Optional.empty();
    private final List<VmDescription> vms = new ArrayList<>();
    private final List<WorkloadDescription> workloads = new ArrayList<>();
    private Optional<PlanningDescription> planning = Optional.empty();
    private Optional<Era> era = Optional.empty();

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the quorum model.
     *
     * @param value the model
     * @return this builder
     */
    public Builder quorum(QuorumModel value) {
      this.quorum = Optional.of(value);
      return this;
    }

    /**
     * Sets the cluster reserve.
     *
     * @param value host failures to absorb
     * @return this builder
     */
    public Builder reserve(int value) {
      this.reserve = value;
      return this;
    }

    /**
     * Adds a host.
     *
     * @param value the host
     * @return this builder
     */
    public Builder host(HostDescription value) {
      this.hosts.add(value);
      return this;
    }

    /**
     * Sets the shared storage.
     *
     * @param value the storage
     * @return this builder
     */
    public Builder storage(StorageDescription value) {
      this.storage = Optional.of(value);
      return this;
    }

    /**
     * Adds a VM.
     *
     * @param value the VM
     * @return this builder
     */
    public Builder vm(VmDescription value) {
      this.vms.add(value);
      return this;
    }

    /**
     * Adds a measured workload.
     *
     * @param value the workload
     * @return this builder
     */
    public Builder workload(WorkloadDescription value) {
      this.workloads.add(value);
      return this;
    }

    /**
     * Sets the planning assumptions.
     *
     * @param value the assumptions
     * @return this builder
     */
    public Builder planning(PlanningDescription value) {
      this.planning = Optional.of(value);
      return this;
    }

    /**
     * Sets the era: the Windows Server release the cluster models.
     *
     * @param value the era
     * @return this builder
     */
    public Builder era(Era value) {
      this.era = Optional.of(value);
      return this;
    }

    /**
     * Builds the description without checking it; see {@link ClusterDescription#check()}.
     *
     * @return the description
     */
    public ClusterDescription build() {
      return new ClusterDescription(name, quorum, reserve, hosts, storage, vms, workloads, planning, era);
    }
  }
}
