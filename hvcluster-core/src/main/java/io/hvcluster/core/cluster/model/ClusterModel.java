package io.hvcluster.core.cluster.model;

import io.hvcluster.api.HostId;
import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.LunId;
import io.hvcluster.api.NoSuchEntityException;
import io.hvcluster.api.VmId;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.spec.ClusterSettings;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.CostModel;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.core.sim.EventLoop;
import io.hvcluster.core.sim.Kernel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * The state of one cluster: its configuration, its nodes, VMs, groups and LUNs in configuration order,
 * and what every entity shares (the simulation's clock, event loop, event bus and random streams). Each
 * entity keeps its own state; this class only holds them together and finds them by name.
 *
 * <p>An entity that changes tells the cluster through one {@link EntityListener}, and a VM reaches its
 * guest memory through one {@link MemoryPort}; both are connected once, by the cluster's wiring, before
 * anything runs.
 *
 * <p>Not thread-safe; confined to the simulation's thread.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ClusterModel {
  private final Kernel kernel;
  private ClusterSpec spec;
  private final List<SimHost> hosts = new ArrayList<>();
  /** Immutable copies of the lists, replaced when an entity is added, so that iterating them costs nothing. */
  private List<SimHost> hostsView = List.of();
  private final Map<HostId, SimHost> hostsById = new LinkedHashMap<>();
  private final List<SimVm> vms = new ArrayList<>();
  private List<SimVm> vmsView = List.of();
  private final Map<VmId, SimVm> vmsById = new LinkedHashMap<>();
  private final List<SimGroup> groups = new ArrayList<>();
  private List<SimGroup> groupsView = List.of();
  private final SimStorage storage;
  private final SimLun witness;
  private EntityListener listener;
  private MemoryPort memory;

  /**
   * Builds the storage, VMs and groups of {@code spec}; nodes are added one by one ({@link #addHost}).
   *
   * @param kernel the simulation's kernel
   * @param spec the cluster's configuration
   */
  public ClusterModel(Kernel kernel, ClusterSpec spec) {
    this.kernel = kernel;
    this.spec = spec;
    this.storage = new SimStorage(this, spec.storage());
    QuorumModel quorum = spec.quorum();
    if (quorum == QuorumModel.NODE_AND_FILE_SHARE_MAJORITY) {
      this.witness = new SimLun(this, new LunSpec(LunId.of("file-share-witness"), 1, true, false));
    } else if (quorum.usesWitnessDisk()) {
      this.witness = storage.get(spec.storage().witness().orElseThrow().id());
    } else {
      this.witness = null;
    }
    for (VmSpec v : spec.vms()) {
      SimVm vm = new SimVm(this, v, vms.size());
      vms.add(vm);
      vmsById.put(v.id(), vm);
    }
    groups.addAll(GroupBuilder.build(this, vms, storage));
    vmsView = List.copyOf(vms);
    groupsView = List.copyOf(groups);
  }

  /**
   * Connects what the entities report to, once, before anything runs.
   *
   * @param entityListener hears every change of an entity that another part reacts to
   * @param memoryPort keeps the VMs' guest memory
   */
  public void connect(EntityListener entityListener, MemoryPort memoryPort) {
    if (listener != null) {
      throw new IllegalStateException("cluster '" + name() + "' is already connected");
    }
    this.listener = Objects.requireNonNull(entityListener, "listener");
    this.memory = Objects.requireNonNull(memoryPort, "memory");
  }

  EntityListener listener() {
    return listener;
  }

  /** Returns the keeper of the VMs' guest memory. */
  public MemoryPort memory() {
    return memory;
  }

  // ---- shared plumbing ----

  /** Fails unless called on the simulation's thread. */
  public void guard() {
    kernel.guard().check();
  }

  /** Returns the virtual time, in nanoseconds. */
  public long now() {
    return kernel.now();
  }

  /** Returns the simulation's event loop. */
  public EventLoop loop() {
    return kernel.loop();
  }

  /** Reports an event to the simulation's listeners and trace. */
  public void emit(ClusterEvent event) {
    kernel.bus().emit(event);
  }

  /** Returns the cluster's name. */
  public String name() {
    return spec.name();
  }

  /** Returns the cluster's configuration as it is now (nodes and VMs may have been added). */
  public ClusterSpec spec() {
    return spec;
  }

  /** Returns the cluster's settings. */
  public ClusterSettings settings() {
    return spec.settings();
  }

  /** Returns the cost model of the cluster's settings. */
  public CostModel costs() {
    return spec.settings().costs();
  }

  /** Returns how many storage paths each node has to each LUN. */
  public int storagePaths() {
    return spec.storage().pathsPerHost();
  }

  /** Returns a random stream for {@code purpose} and one VM, independent of every other stream. */
  public SplittableRandom randomFor(String purpose, SimVm vm) {
    return kernel.random().stream(purpose + "/" + spec.name() + "/" + vm.spec().id());
  }

  /** Returns a random stream of the cluster for {@code purpose}. */
  public SplittableRandom random(String purpose) {
    return kernel.random().stream(purpose + "/" + spec.name());
  }

  /** Returns a seed derived for {@code purpose} of the cluster. */
  public long seedFor(String purpose) {
    return kernel.random().derive(purpose + "/" + spec.name());
  }

  // ---- entities ----

  /** Returns the nodes in configuration order (immutable). */
  public List<SimHost> hosts() {
    return hostsView;
  }

  /** Adds a node to the model (its cluster service stopped); the cluster's spec is the caller's to grow. */
  public SimHost addHost(HostSpec hostSpec) {
    SimHost host = new SimHost(this, hosts.size(), hostSpec);
    hosts.add(host);
    hostsById.put(hostSpec.id(), host);
    hostsView = List.copyOf(hosts);
    return host;
  }

  /** The cluster gained a node: its configuration grows. */
  public void grow(ClusterSpec grown) {
    spec = grown;
  }

  /** Returns the node named {@code id}, or null. */
  public SimHost hostOrNull(HostId id) {
    return hostsById.get(id);
  }

  /**
   * Returns the node named {@code id}.
   *
   * @throws NoSuchEntityException when the cluster has no such node
   */
  public SimHost hostModel(HostId id) {
    return find(hostsById, Objects.requireNonNull(id, "host"), "node", id.name());
  }

  /** Returns the VMs in configuration order (immutable). */
  public List<SimVm> vms() {
    return vmsView;
  }

  /**
   * Adds a VM to the running cluster. It joins the group whose ordinary LUNs it uses, or a new group of
   * its own; a VM that would join two groups (which fail over separately) is refused.
   *
   * @throws InvalidConfigurationException when the VM uses the LUNs of two groups, or the spec refuses it
   */
  public SimVm addVm(VmSpec vmSpec) {
    ClusterSpec grown = spec.withVm(Objects.requireNonNull(vmSpec, "VM spec"));
    List<SimLun> ordinary = new ArrayList<>();
    List<SimGroup> touching = new ArrayList<>();
    for (LunId id : vmSpec.luns()) {
      SimLun lun = storage.get(id);
      if (lun.spec().csv()) {
        continue;
      }
      ordinary.add(lun);
      for (SimGroup g : groups) {
        if (g.ordinaryLuns().contains(lun) && !touching.contains(g)) {
          touching.add(g);
        }
      }
    }
    if (touching.size() > 1) {
      throw new InvalidConfigurationException("VM '" + vmSpec.id() + "' uses LUNs of groups "
          + touching.stream().map(g -> "'" + g.name() + "'").toList() + ", which fail over separately; give it the"
          + " LUNs of one group only");
    }
    spec = grown;
    SimVm vm = new SimVm(this, vmSpec, vms.size());
    vms.add(vm);
    vmsById.put(vmSpec.id(), vm);
    SimGroup group;
    if (touching.isEmpty()) {
      group = new SimGroup(this, groups.size(), vmSpec.id().name(), List.of(vm), ordinary);
      groups.add(group);
    } else {
      group = touching.get(0);
      group.addMember(vm, ordinary);
    }
    vm.joinGroup(group);
    vmsView = List.copyOf(vms);
    groupsView = List.copyOf(groups);
    return vm;
  }

  /** Returns the VM named {@code id}, or null. */
  public SimVm vmOrNull(VmId id) {
    return vmsById.get(id);
  }

  /**
   * Returns the VM named {@code id}.
   *
   * @throws NoSuchEntityException when the cluster has no such VM
   */
  public SimVm vmModel(VmId id) {
    return find(vmsById, Objects.requireNonNull(id, "VM"), "VM", id.name());
  }

  /** Returns the migrations under way, in VM order. */
  public List<Migration> activeMigrations() {
    List<Migration> runs = new ArrayList<>();
    for (SimVm vm : vms) {
      if (vm.migration() != null) {
        runs.add(vm.migration());
      }
    }
    return runs;
  }

  /** Returns the groups in configuration order (immutable). */
  public List<SimGroup> groups() {
    return groupsView;
  }

  /**
   * Returns the group named {@code name}.
   *
   * @throws NoSuchEntityException when the cluster has no such group
   */
  public SimGroup group(String name) {
    for (SimGroup g : groups) {
      if (g.name().equals(name)) {
        return g;
      }
    }
    throw new NoSuchEntityException("group", name, groups.stream().map(SimGroup::name).toList());
  }

  /** Returns the shared storage. */
  public SimStorage storage() {
    return storage;
  }

  /** Returns the witness (disk or file share), or null when the quorum model has none. */
  public SimLun witness() {
    return witness;
  }

  /** Returns the entity named {@code id} in {@code byId}, or throws naming the ones there are. */
  private static <K, V> V find(Map<K, V> byId, K id, String kind, String name) {
    V found = byId.get(id);
    if (found == null) {
      throw new NoSuchEntityException(kind, name, byId.keySet());
    }
    return found;
  }

  /** Formats a memory size for messages: whole GiB, whole MiB, or bytes. */
  public static String size(long bytes) {
    long gib = 1L << 30;
    long mib = 1L << 20;
    return bytes % gib == 0 ? bytes / gib + " GiB" : bytes % mib == 0 ? bytes / mib + " MiB" : bytes + " bytes";
  }
}
