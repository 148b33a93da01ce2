package io.hvcluster.core.management.vmm;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterGroup;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.Lun;
import io.hvcluster.api.LunId;
import io.hvcluster.api.LunState;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.QuorumStatus;
import io.hvcluster.api.SharedStorage;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.api.placement.PlacementRequest;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.VmSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A static stand-in for a simulated cluster: hosts with VMs placed on them, for rating tests. Only the
 * views placement reads are implemented; operations throw.
 */
final class FakeCluster implements Cluster {
  private final ClusterSpec spec;
  private final Map<HostId, FakeHost> hosts = new LinkedHashMap<>();
  private final Map<VmId, FakeVm> vms = new LinkedHashMap<>();
  private final Map<LunId, FakeLun> luns = new LinkedHashMap<>();

  FakeCluster(ClusterSpec spec) {
    this.spec = spec;
    spec.hosts().forEach(h -> hosts.put(h.id(), new FakeHost(h)));
    spec.vms().forEach(v -> vms.put(v.id(), new FakeVm(v)));
    spec.storage().luns().forEach(l -> luns.put(l.id(), new FakeLun(l)));
  }

  /** Puts a VM on a host, running. */
  FakeCluster run(String vm, String host) {
    FakeVm v = vms.get(VmId.of(vm));
    v.host = Optional.of(HostId.of(host));
    v.state = VmState.RUNNING;
    hosts.get(HostId.of(host)).vms.add(v);
    return this;
  }

  FakeCluster state(String host, NodeState state) {
    hosts.get(HostId.of(host)).state = state;
    return this;
  }

  FakeCluster lunState(String lun, LunState state) {
    luns.get(LunId.of(lun)).state = state;
    return this;
  }

  /** Takes every path from a host to a LUN. */
  FakeCluster noPath(String host, String lun) {
    luns.get(LunId.of(lun)).pathless.add(HostId.of(host));
    return this;
  }

  /** A request to place the named VM's group (just that VM) on the up, unpaused hosts. */
  PlacementRequest request(String vm, PlacementReason reason) {
    List<Host> candidates = new ArrayList<>();
    hosts.values().stream().filter(h -> h.state == NodeState.UP).forEach(candidates::add);
    FakeVm v = vms.get(VmId.of(vm));
    return new PlacementRequest(this, null, List.of(v), candidates, reason, v.host);
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public ClusterSpec spec() {
    return spec;
  }

  @Override
  public List<Host> hosts() {
    return List.copyOf(hosts.values());
  }

  @Override
  public Host host(HostId id) {
    return hosts.get(id);
  }

  @Override
  public List<VirtualMachine> vms() {
    return List.copyOf(vms.values());
  }

  @Override
  public VirtualMachine vm(VmId id) {
    return vms.get(id);
  }

  @Override
  public List<ClusterGroup> groups() {
    throw new UnsupportedOperationException();
  }

  @Override
  public ClusterGroup group(String name) {
    throw new UnsupportedOperationException();
  }

  @Override
  public SharedStorage storage() {
    return new SharedStorage() {
      @Override
      public StorageSpec spec() {
        return spec.storage();
      }

      @Override
      public List<Lun> luns() {
        return List.copyOf(luns.values());
      }

      @Override
      public Lun lun(LunId id) {
        return luns.get(id);
      }

      @Override
      public Optional<Lun> witness() {
        return luns.values().stream().filter(l -> l.spec.witness()).map(l -> (Lun) l).findFirst();
      }
    };
  }

  @Override
  public void addVm(io.hvcluster.api.spec.VmSpec spec) {
    throw new UnsupportedOperationException("the fake cluster has a fixed set of VMs");
  }

  @Override
  public QuorumStatus quorum() {
    throw new UnsupportedOperationException();
  }

  @Override
  public io.hvcluster.api.Availability availability() {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean isFormed() {
    return true;
  }

  @Override
  public void form() {}

  @Override
  public void startVm(VmId id) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void startAllVms() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void stopVm(VmId id) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void pauseNode(HostId id) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void resumeNode(HostId id) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void drainNode(HostId id) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void startClusterService(HostId id) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void stopClusterService(HostId id) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void addNode(HostSpec hostSpec) {
    throw new UnsupportedOperationException();
  }

  @Override
  public MigrationHandle migrate(VmId id, HostId target, MigrationStrategy strategy) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PlacementPolicy placementPolicy() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setPlacementPolicy(PlacementPolicy policy) {
    throw new UnsupportedOperationException();
  }

  static final class FakeHost implements Host {
    final HostSpec spec;
    final List<FakeVm> vms = new ArrayList<>();
    NodeState state = NodeState.UP;

    FakeHost(HostSpec spec) {
      this.spec = spec;
    }

    @Override
    public HostId id() {
      return spec.id();
    }

    @Override
    public HostSpec spec() {
      return spec;
    }

    @Override
    public NodeState state() {
      return state;
    }

    @Override
    public boolean isRunning() {
      return true;
    }

    @Override
    public List<VmId> vms() {
      return vms.stream().map(FakeVm::id).sorted().toList();
    }

    @Override
    public Map<VmId, VmState> instances() {
      Map<VmId, VmState> out = new java.util.TreeMap<>();
      vms.forEach(v -> out.put(v.id(), v.state));
      return out;
    }

    @Override
    public long memoryCommittedBytes() {
      return vms.stream().mapToLong(v -> v.spec.memoryBytes()).sum();
    }

    @Override
    public long memoryFreeBytes() {
      return Math.max(0, spec.vmMemoryBytes() - memoryCommittedBytes());
    }

    @Override
    public int groupCount() {
      return vms.size();
    }
  }

  static final class FakeVm implements VirtualMachine {
    final VmSpec spec;
    Optional<HostId> host = Optional.empty();
    VmState state = VmState.OFF;

    FakeVm(VmSpec spec) {
      this.spec = spec;
    }

    @Override
    public VmId id() {
      return spec.id();
    }

    @Override
    public VmSpec spec() {
      return spec;
    }

    @Override
    public VmState state() {
      return state;
    }

    @Override
    public Optional<HostId> host() {
      return host;
    }

    @Override
    public String group() {
      return spec.id().name();
    }

    @Override
    public boolean isOperatorStopped() {
      return false;
    }

    @Override
    public String lastReason() {
      return "";
    }

    @Override
    public Optional<GuestMemory> memory() {
      return Optional.empty();
    }
  }

  static final class FakeLun implements Lun {
    final LunSpec spec;
    LunState state = LunState.ONLINE;
    /** The hosts that lost every path to the LUN. */
    final Set<HostId> pathless = new TreeSet<>();

    FakeLun(LunSpec spec) {
      this.spec = spec;
    }

    @Override
    public LunId id() {
      return spec.id();
    }

    @Override
    public LunSpec spec() {
      return spec;
    }

    @Override
    public LunState state() {
      return state;
    }

    @Override
    public Optional<HostId> owner() {
      return Optional.empty();
    }

    @Override
    public List<HostId> registrations() {
      return List.of();
    }

    @Override
    public long reservationGeneration() {
      return 0;
    }

    @Override
    public boolean reachableFrom(HostId host) {
      return !pathless.contains(host);
    }

    @Override
    public List<HostId> redirectedNodes() {
      return List.of();
    }
  }
}
