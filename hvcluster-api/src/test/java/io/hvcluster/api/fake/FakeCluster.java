package io.hvcluster.api.fake;

import io.hvcluster.api.Availability;
import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterGroup;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.Lun;
import io.hvcluster.api.LunId;
import io.hvcluster.api.LunState;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.NoSuchEntityException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one stand-in for the api's cluster views in tests of code that only reads them: placement
 * policies, selectors, checkers. It starts from a spec with every host UP and running, every VM OFF and
 * nowhere and every LUN OFFLINE without an owner; the setters below put it in the state a test needs.
 * Operations (start, stop, migrate, …) throw {@link UnsupportedOperationException}; unknown names throw
 * {@link NoSuchEntityException}, as the engine does. Shipped in hvcluster-api's test-jar.
 */
public final class FakeCluster implements Cluster {
  private final ClusterSpec spec;
  private final List<FakeHost> hosts = new ArrayList<>();
  private final List<FakeVm> vms = new ArrayList<>();
  private final List<FakeLun> luns = new ArrayList<>();

  /**
   * Creates a fake of the cluster a spec describes.
   *
   * @param spec the cluster
   */
  public FakeCluster(ClusterSpec spec) {
    this.spec = spec;
    spec.hosts().forEach(h -> hosts.add(new FakeHost(h)));
    spec.vms().forEach(v -> vms.add(new FakeVm(v)));
    spec.storage().luns().forEach(l -> luns.add(new FakeLun(l)));
  }

  /** Places a VM on a host as RUNNING. */
  public FakeCluster run(String vm, String host) {
    FakeVm v = fakeVm(vm);
    v.host = Optional.of(HostId.of(host));
    v.state = VmState.RUNNING;
    return this;
  }

  /** Marks a host as crashed (not running, DOWN). */
  public FakeCluster crash(String host) {
    FakeHost h = fakeHost(host);
    h.running = false;
    h.state = NodeState.DOWN;
    return this;
  }

  /** Leaves a stale instance of a VM on a host (as a fenced or lingering instance the host still holds). */
  public FakeCluster stale(String vm, String host, VmState state) {
    fakeHost(host).stale.put(VmId.of(vm), state);
    return this;
  }

  /** Hangs a host: it keeps its state and instances but does not run. */
  public FakeCluster hang(String host) {
    fakeHost(host).running = false;
    return this;
  }

  /** Sets a host's membership state. */
  public FakeCluster nodeState(String host, NodeState state) {
    fakeHost(host).state = state;
    return this;
  }

  /** Sets a VM's state and host ({@code null} for none). */
  public FakeCluster vmState(String vm, VmState state, String host) {
    FakeVm v = fakeVm(vm);
    v.state = state;
    v.host = Optional.ofNullable(host).map(HostId::of);
    return this;
  }

  /** Marks a VM as stopped by an operator, or not. */
  public FakeCluster operatorStopped(String vm, boolean stopped) {
    fakeVm(vm).operatorStopped = stopped;
    return this;
  }

  /** Sets a LUN's state. */
  public FakeCluster lunState(String lun, LunState state) {
    fakeLun(lun).state = state;
    return this;
  }

  /** Takes every path from a host to a LUN. */
  public FakeCluster noPath(String host, String lun) {
    fakeLun(lun).pathless.add(HostId.of(host));
    return this;
  }

  /** Gives a LUN an owner, registered and ONLINE. */
  public FakeCluster own(String lun, String host) {
    FakeLun l = fakeLun(lun);
    l.owner = Optional.of(HostId.of(host));
    l.state = LunState.ONLINE;
    return this;
  }

  /** Sets a LUN's owner without registering it (a broken reservation). */
  public FakeCluster ownWithoutRegistration(String lun, String host) {
    own(lun, host);
    fakeLun(lun).registered = false;
    return this;
  }

  /** Sets a LUN's reservation generation. */
  public FakeCluster generation(String lun, long generation) {
    fakeLun(lun).generation = generation;
    return this;
  }

  /** Returns a request to place the named VM's group (just that VM) on the UP hosts. */
  public PlacementRequest request(String vm, PlacementReason reason) {
    List<Host> candidates = new ArrayList<>();
    hosts.stream().filter(h -> h.state == NodeState.UP).forEach(candidates::add);
    FakeVm v = fakeVm(vm);
    return new PlacementRequest(this, null, List.of(v), candidates, reason, v.host);
  }

  private FakeHost fakeHost(String name) {
    return (FakeHost) host(HostId.of(name));
  }

  private FakeVm fakeVm(String name) {
    return (FakeVm) vm(VmId.of(name));
  }

  private FakeLun fakeLun(String name) {
    return (FakeLun) storage().lun(LunId.of(name));
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
    return List.copyOf(hosts);
  }

  @Override
  public Host host(HostId id) {
    return hosts.stream().filter(h -> h.id().equals(id)).findFirst()
        .orElseThrow(() -> new NoSuchEntityException("host", id.name(), List.of()));
  }

  @Override
  public List<VirtualMachine> vms() {
    return List.copyOf(vms);
  }

  @Override
  public VirtualMachine vm(VmId id) {
    return vms.stream().filter(v -> v.id().equals(id)).findFirst()
        .orElseThrow(() -> new NoSuchEntityException("VM", id.name(), List.of()));
  }

  @Override
  public List<ClusterGroup> groups() {
    return List.of();
  }

  @Override
  public ClusterGroup group(String name) {
    throw new NoSuchEntityException("group", name, List.of());
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
        return List.copyOf(luns);
      }

      @Override
      public Lun lun(LunId id) {
        return luns.stream().filter(l -> l.id().equals(id)).findFirst()
            .orElseThrow(() -> new NoSuchEntityException("LUN", id.name(), List.of()));
      }

      @Override
      public Optional<Lun> witness() {
        return luns.stream().filter(l -> l.spec.witness()).<Lun>map(l -> l).findFirst();
      }
    };
  }

  @Override
  public Availability availability() {
    return new Availability(0, List.of());
  }

  @Override
  public void addVm(VmSpec vmSpec) {
    throw new UnsupportedOperationException("the fake cluster has a fixed set of VMs");
  }

  @Override
  public QuorumStatus quorum() {
    List<HostId> up = hosts.stream().filter(h -> h.running).map(FakeHost::id).collect(Collectors.toList());
    int n = hosts.size();
    return new QuorumStatus(up.size() >= spec.quorum().votesNeeded(n), up.size(), spec.quorum().votesNeeded(n),
        spec.quorum().totalVotes(n), up, false);
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
  public void moveGroup(String group, HostId target) {
    throw new UnsupportedOperationException();
  }

  @Override
  public HostId moveGroupToBestNode(String group) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void forceQuorum(HostId node) {
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

  private final class FakeHost implements Host {
    private final HostSpec spec;
    private boolean running = true;
    private NodeState state = NodeState.UP;
    private final Map<VmId, VmState> stale = new TreeMap<>();

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
      return running;
    }

    @Override
    public List<VmId> vms() {
      return vmsHere().stream().map(FakeVm::id).sorted().collect(Collectors.toList());
    }

    @Override
    public Map<VmId, VmState> instances() {
      Map<VmId, VmState> out = new TreeMap<>(stale);
      vmsHere().forEach(v -> out.put(v.id(), v.state));
      return out;
    }

    private List<FakeVm> vmsHere() {
      return FakeCluster.this.vms.stream().filter(v -> v.host.equals(Optional.of(id()))).collect(Collectors.toList());
    }

    @Override
    public long memoryCommittedBytes() {
      return vmsHere().stream().mapToLong(v -> v.spec.memoryBytes()).sum();
    }

    @Override
    public long memoryFreeBytes() {
      return Math.max(0, spec.vmMemoryBytes() - memoryCommittedBytes());
    }

    @Override
    public int groupCount() {
      return vmsHere().size();
    }
  }

  private static final class FakeVm implements VirtualMachine {
    private final VmSpec spec;
    private VmState state = VmState.OFF;
    private Optional<HostId> host = Optional.empty();
    private boolean operatorStopped;

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
      return operatorStopped;
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

  private static final class FakeLun implements Lun {
    private final LunSpec spec;
    private LunState state = LunState.OFFLINE;
    private Optional<HostId> owner = Optional.empty();
    private long generation;
    private boolean registered = true;
    /** The hosts that lost every path to the LUN. */
    private final Set<HostId> pathless = new TreeSet<>();

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
      return owner;
    }

    @Override
    public List<HostId> registrations() {
      return registered ? owner.map(List::of).orElse(List.of()) : List.of();
    }

    @Override
    public List<HostId> redirectedNodes() {
      return List.of();
    }

    @Override
    public boolean reachableFrom(HostId host) {
      return !pathless.contains(host);
    }

    @Override
    public long reservationGeneration() {
      return generation;
    }
  }
}
