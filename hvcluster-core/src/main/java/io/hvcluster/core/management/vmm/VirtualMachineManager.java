package io.hvcluster.core.management.vmm;

import io.hvcluster.api.migration.MigrationKind;
import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.InsufficientCapacityException;
import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.LunId;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.NoSuchEntityException;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.management.Conventions;
import io.hvcluster.core.management.capacity.ClusterReserve;
import io.hvcluster.core.management.capacity.ReserveReport;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.validation.ConfigurationValidator;
import io.hvcluster.core.management.validation.ValidationReport;
import io.hvcluster.core.migration.ColdMigration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One console over several clusters and standalone hosts, after SCVMM 2008: rates every host for a new
 * VM and provisions it from a template, reports each cluster's reserve and validation, and produces
 * PRO-style rebalancing suggestions that it can apply as migrations.
 *
 * <p>Not thread-safe: the clusters it manages are confined to their simulation's thread, and so is the
 * manager. Example:
 *
 * <pre>{@code
 * VirtualMachineManager vmm = VirtualMachineManager.builder().build();
 * vmm.addCluster(simulation.createCluster(spec));
 * vmm.addTemplate(VmTemplate.builder("web").memoryGiB(2).build());
 * for (RebalanceSuggestion tip : vmm.suggestRebalancing("HV1")) {
 *   vmm.apply(tip);
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class VirtualMachineManager {
  private final IntelligentPlacement placement;
  private final int clusterReserve;
  private final double rebalanceThreshold;
  private final Map<MigrationKind, MigrationStrategy> strategies;
  private final Map<String, Cluster> clusters = new LinkedHashMap<>();
  private final Map<HostId, StandaloneHost> standalone = new LinkedHashMap<>();
  private final Map<String, VmTemplate> templates = new LinkedHashMap<>();

  private VirtualMachineManager(Builder b) {
    this.placement = b.placement;
    this.clusterReserve = b.clusterReserve;
    this.rebalanceThreshold = b.rebalanceThreshold;
    this.strategies = new EnumMap<>(b.strategies);
  }

  /**
   * Returns a builder with the defaults: {@link IntelligentPlacement#defaults()}, a cluster reserve of 1,
   * a rebalancing threshold of 0.10 (10 percentage points of load spread), and every migration kind
   * mapped to {@link ColdMigration} until a strategy is registered for it.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Manages a cluster.
   *
   * @param cluster the cluster
   * @throws InvalidConfigurationException when a cluster of that name, or a standalone host of one of its
   *     nodes' names, is already managed
   */
  public void addCluster(Cluster cluster) {
    Objects.requireNonNull(cluster, "cluster");
    if (clusters.containsKey(cluster.name())) {
      throw new InvalidConfigurationException("cluster '" + cluster.name() + "' is already managed; cluster names must"
          + " be unique");
    }
    cluster.hosts().forEach(h -> checkHostName(h.id()));
    clusters.put(cluster.name(), cluster);
  }

  /**
   * Manages a standalone (non-clustered) Hyper-V host.
   *
   * @param spec the host
   * @return the managed host
   * @throws InvalidConfigurationException when a managed host already has the name
   */
  public StandaloneHost addStandaloneHost(HostSpec spec) {
    checkHostName(spec.id());
    StandaloneHost host = new StandaloneHost(spec);
    standalone.put(spec.id(), host);
    return host;
  }

  /**
   * Adds a template to the library, replacing one of the same name.
   *
   * @param template the template
   */
  public void addTemplate(VmTemplate template) {
    templates.put(template.name(), Objects.requireNonNull(template, "template"));
  }

  /**
   * Returns the managed clusters, in the order they were added.
   *
   * @return the clusters
   */
  public List<Cluster> clusters() {
    return List.copyOf(clusters.values());
  }

  /**
   * Returns the managed cluster with the given name.
   *
   * @param name the name
   * @return the cluster
   * @throws NoSuchEntityException when no managed cluster has the name
   */
  public Cluster cluster(String name) {
    Cluster c = clusters.get(name);
    if (c == null) {
      throw new NoSuchEntityException("cluster", name, clusters.keySet());
    }
    return c;
  }

  /**
   * Returns the standalone hosts, in the order they were added.
   *
   * @return the hosts
   */
  public List<StandaloneHost> standaloneHosts() {
    return List.copyOf(standalone.values());
  }

  /**
   * Returns the templates, in the order they were added.
   *
   * @return the templates
   */
  public List<VmTemplate> templates() {
    return List.copyOf(templates.values());
  }

  /**
   * Returns the template with the given name.
   *
   * @param name the name
   * @return the template
   * @throws NoSuchEntityException when the library has no such template
   */
  public VmTemplate template(String name) {
    VmTemplate t = templates.get(name);
    if (t == null) {
      throw new NoSuchEntityException("template", name, templates.keySet());
    }
    return t;
  }

  /**
   * Rates every managed host for a new VM from a template: unblocked hosts by stars, best first (equal
   * stars by the unrounded rating, then in the order clusters and hosts were added), then blocked hosts.
   *
   * @param template the template's name
   * @param vmName the new VM's name
   * @return the options
   * @throws NoSuchEntityException when the library has no such template
   */
  public List<PlacementOption> rate(String template, String vmName) {
    return CrossClusterPlacement.rate(placement, clusters(), standaloneHosts(), template(template),
        VmId.of(vmName).name());
  }

  /**
   * Provisions a VM from a template on the best-rated host. On a standalone host the VM is deployed at
   * once; on a cluster node the deployment carries the cluster's spec with the VM and its own LUN added
   * (a running simulated cluster cannot take new VMs).
   *
   * @param template the template's name
   * @param vmName the new VM's name
   * @return the deployment
   * @throws NoSuchEntityException when the library has no such template
   * @throws InvalidConfigurationException when a managed VM already has the name
   * @throws InsufficientCapacityException when every host is blocked, with each one's reasons
   */
  public Deployment provision(String template, String vmName) {
    VmTemplate t = template(template);
    checkVmName(vmName);
    List<PlacementOption> options = rate(template, vmName);
    PlacementOption best = options.stream().filter(o -> !o.rating().blocked()).findFirst()
        .orElseThrow(() -> new InsufficientCapacityException("no managed host can take VM '" + vmName
            + "' from template '" + template + "': " + options.stream()
                .map(o -> o.location() + " (" + String.join(", ", o.rating().reasons()) + ")").toList()));
    HostId host = best.rating().host();
    if (best.standalone()) {
      VmSpec vm = t.vmSpec(vmName, "local-" + vmName, host);
      standalone.get(host).deploy(vm);
      return new Deployment(vm, best, Optional.empty(), Optional.empty(), true);
    }
    ClusterSpec current = clusters.get(best.cluster()).spec();
    String lunName = uniqueLun(current, Conventions.lunName(vmName));
    LunSpec lun = t.lunSpec(lunName);
    VmSpec vm = t.vmSpec(vmName, lunName, host);
    List<LunSpec> luns = new ArrayList<>(current.storage().luns());
    luns.add(lun);
    StorageSpec storage = new StorageSpec(current.storage().type(), current.storage().persistentReservations(),
        current.storage().pathsPerHost(), luns);
    List<VmSpec> vms = new ArrayList<>(current.vms());
    vms.add(vm);
    ClusterSpec grown = new ClusterSpec(current.name(), current.quorum(), current.hosts(), storage, vms,
        current.settings());
    return new Deployment(vm, best, Optional.of(lun), Optional.of(grown), false);
  }

  /**
   * Returns a managed cluster's reserve verdict with the manager's cluster reserve.
   *
   * @param cluster the cluster's name
   * @return the verdict
   * @throws NoSuchEntityException when no managed cluster has the name
   */
  public ReserveReport reserve(String cluster) {
    return ClusterReserve.evaluate(cluster(cluster).spec(), clusterReserve);
  }

  /**
   * Validates a managed cluster's configuration (facts its spec does not hold take their description
   * defaults; see {@link ClusterDescription#fromSpec}).
   *
   * @param cluster the cluster's name
   * @return the report
   * @throws NoSuchEntityException when no managed cluster has the name
   */
  public ValidationReport validate(String cluster) {
    ClusterDescription d = ClusterDescription.fromSpec(cluster(cluster).spec());
    return ConfigurationValidator.validate(d.toBuilder().reserve(clusterReserve).build());
  }

  /**
   * Returns PRO-style rebalancing suggestions for a managed cluster, in the order they should be applied.
   *
   * @param cluster the cluster's name
   * @return the suggestions; empty when the cluster is balanced within the threshold
   * @throws NoSuchEntityException when no managed cluster has the name
   */
  public List<RebalanceSuggestion> suggestRebalancing(String cluster) {
    return new Rebalancer(placement, rebalanceThreshold).suggest(cluster(cluster));
  }

  /**
   * Applies a suggestion: migrates the VM with the strategy registered for its kind.
   *
   * @param suggestion the suggestion
   * @return the migration's handle
   * @throws NoSuchEntityException when the cluster is not managed
   * @throws IllegalStateException when the suggestion is stale: the VM is no longer running on its source
   */
  public MigrationHandle apply(RebalanceSuggestion suggestion) {
    Cluster c = cluster(suggestion.cluster());
    VirtualMachine vm = c.vm(suggestion.vm());
    if (vm.state() != VmState.RUNNING || !vm.host().equals(Optional.of(suggestion.from()))) {
      throw new IllegalStateException("suggestion to move " + suggestion.vm() + " from " + suggestion.from()
          + " is stale: the VM is " + vm.state() + vm.host().map(h -> " on " + h).orElse("")
          + "; ask for new suggestions");
    }
    return c.migrate(suggestion.vm(), suggestion.to(), strategies.get(suggestion.kind()));
  }

  private void checkHostName(HostId id) {
    boolean taken = standalone.containsKey(id)
        || clusters.values().stream().anyMatch(c -> c.hosts().stream().anyMatch(h -> h.id().equals(id)));
    if (taken) {
      throw new InvalidConfigurationException("host '" + id + "' is already managed; host names must be unique");
    }
  }

  private void checkVmName(String vm) {
    boolean taken = standalone.values().stream().anyMatch(h -> h.vms().stream().anyMatch(v -> v.id().name().equals(vm)))
        || clusters.values().stream().anyMatch(c -> c.spec().vm(VmId.of(vm)).isPresent());
    if (taken) {
      throw new InvalidConfigurationException("VM '" + vm + "' already exists; VM names must be unique");
    }
  }

  private static String uniqueLun(ClusterSpec spec, String base) {
    String name = base;
    for (int i = 2; spec.storage().lun(LunId.of(name)).isPresent(); i++) {
      name = base + "-" + i;
    }
    return name;
  }

  /**
   * Builds a {@link VirtualMachineManager}; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private IntelligentPlacement placement = IntelligentPlacement.defaults();
    private int clusterReserve = ClusterDescription.DEFAULT_RESERVE;
    private double rebalanceThreshold = 0.10;
    private final Map<MigrationKind, MigrationStrategy> strategies = new EnumMap<>(MigrationKind.class);

    private Builder() {
      for (MigrationKind kind : MigrationKind.values()) {
        strategies.put(kind, ColdMigration.instance());
      }
    }

    /**
     * Sets the placement policy used to rate hosts and to weigh load when rebalancing.
     *
     * @param value the policy
     * @return this builder
     */
    public Builder placement(IntelligentPlacement value) {
      this.placement = Objects.requireNonNull(value, "placement");
      return this;
    }

    /**
     * Sets the cluster reserve used by {@link #reserve} and {@link #validate}.
     *
     * @param hosts host failures to absorb, 0 to 15
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder clusterReserve(int hosts) {
      this.clusterReserve = Conventions.checkReserve(hosts);
      return this;
    }

    /**
     * Sets the load spread below which a cluster counts as balanced.
     *
     * @param spread 0 to 1 (0.10 is 10 percentage points)
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder rebalanceThreshold(double spread) {
      if (!(spread >= 0 && spread <= 1)) {
        throw new IllegalArgumentException("rebalance threshold is " + spread + "; allowed: 0 to 1");
      }
      this.rebalanceThreshold = spread;
      return this;
    }

    /**
     * Registers the strategy that carries out suggestions of a kind.
     *
     * @param kind the kind
     * @param strategy the strategy
     * @return this builder
     */
    public Builder migrationStrategy(MigrationKind kind, MigrationStrategy strategy) {
      strategies.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(strategy, "strategy"));
      return this;
    }

    /**
     * Builds the manager.
     *
     * @return the manager
     */
    public VirtualMachineManager build() {
      return new VirtualMachineManager(this);
    }
  }
}
