package io.hvcluster.core;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterFaults;
import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.MemoryBacking;
import io.hvcluster.api.NoSuchEntityException;
import io.hvcluster.api.VmId;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.core.cluster.EngineOptions;
import io.hvcluster.core.cluster.SimCluster;
import io.hvcluster.core.defect.Defect;
import io.hvcluster.core.defect.Defects;
import io.hvcluster.core.memory.GuestWorkload;
import io.hvcluster.core.migration.QuickMigration;
import io.hvcluster.core.placement.Placements;
import io.hvcluster.core.sim.Kernel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/**
 * A deterministic discrete-event simulation of one or more Hyper-V failover clusters. Everything happens
 * in virtual time, driven by {@link #runFor}, {@link #runUntil} or {@link #step}; the same seed always
 * gives the same history, and the same {@link #traceHash()}.
 *
 * <p>Not thread-safe: a simulation, and every cluster, host or VM read through it, is confined to the
 * thread that built it; a call from another thread throws {@link io.hvcluster.api.WrongThreadException}.
 * Example:
 *
 * <pre>{@code
 * try (Simulation sim = Simulation.builder().seed(42).build()) {
 *   Cluster cluster = sim.createCluster(spec);
 *   cluster.form();
 *   cluster.startAllVms();
 *   sim.runFor(Duration.ofMinutes(5));
 *   sim.faults(cluster).crashHost(HostId.of("node2"));
 *   sim.runFor(Duration.ofMinutes(5));
 *   System.out.println(sim.traceHash());
 * }
 * }</pre>
 *
 * <p>It is longer than 400 lines because it is the library's entry point: most of it is the Javadoc of
 * its public methods and of its {@link Builder}; the work is done by the kernel and each cluster.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Simulation implements AutoCloseable {
  private final Kernel kernel;
  private final EngineOptions options;
  private final Map<String, SimCluster> clusters = new LinkedHashMap<>();
  private boolean closed;

  private Simulation(Builder b) {
    this.kernel = new Kernel(b.seed, b.traceSink);
    this.options = new EngineOptions(b.heartbeatMode == HeartbeatMode.EVERY_BEAT, Defects.of(b.defects),
        b.memoryBacking, b.workDirectory);
  }

  /**
   * Returns a builder with seed 0, elided heartbeats, modeled memory and no trace output.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private void check() {
    kernel.guard().check();
    if (closed) {
      throw new IllegalStateException("the simulation (seed " + seed() + ") is closed");
    }
  }

  /**
   * Returns the master seed.
   *
   * @return the seed
   */
  public long seed() {
    return kernel.random().seed();
  }

  /**
   * Returns the heartbeat mode.
   *
   * @return the mode
   */
  public HeartbeatMode heartbeatMode() {
    return options.everyHeartbeat() ? HeartbeatMode.EVERY_BEAT : HeartbeatMode.ELIDED;
  }

  /**
   * Returns the current virtual time.
   *
   * @return nanoseconds since the simulation started
   */
  public long nowNanos() {
    kernel.guard().check();
    return kernel.now();
  }

  /**
   * Returns the current virtual time.
   *
   * @return the time since the simulation started
   */
  public Duration now() {
    return Duration.ofNanos(nowNanos());
  }

  /**
   * Creates a cluster from its spec. Its nodes are powered on with their cluster service stopped until
   * {@link Cluster#form()}.
   *
   * @param spec the cluster's configuration
   * @return the cluster
   * @throws InvalidConfigurationException when a cluster with that name already exists
   */
  public Cluster createCluster(ClusterSpec spec) {
    return createCluster(spec, Placements.wsfcDefault(), QuickMigration.lazy());
  }

  /**
   * Creates a cluster from its spec with a placement policy and a strategy of planned moves of its own,
   * used from its first placement on. Its nodes are powered on with their cluster service stopped until
   * {@link Cluster#form()}. Example, a policy under test from the first start:
   *
   * <pre>{@code
   * Cluster cluster = sim.createCluster(spec, new MostFreeMemory(), LiveMigration.withDefaults());
   * }</pre>
   *
   * @param spec the cluster's configuration
   * @param placement the placement policy of every placement (initial, failover, drain);
   *     {@link Cluster#setPlacementPolicy} replaces it later
   * @param plannedMoves the strategy that moves a running VM in a planned move (drain, failback), by
   *     default {@link QuickMigration#lazy()}
   * @return the cluster
   * @throws InvalidConfigurationException when a cluster with that name already exists
   * @throws NullPointerException when an argument is null
   */
  public Cluster createCluster(ClusterSpec spec, PlacementPolicy placement, MigrationStrategy plannedMoves) {
    check();
    Objects.requireNonNull(spec, "cluster spec");
    Objects.requireNonNull(placement, "placement policy");
    Objects.requireNonNull(plannedMoves, "planned-move strategy");
    if (clusters.containsKey(spec.name())) {
      throw new InvalidConfigurationException("a cluster named '" + spec.name() + "' already exists in this simulation;"
          + " cluster names must be unique");
    }
    SimCluster cluster = new SimCluster(kernel, spec, options, placement, plannedMoves);
    clusters.put(spec.name(), cluster);
    return cluster;
  }

  /**
   * Returns the clusters in creation order.
   *
   * @return the clusters
   */
  public List<Cluster> clusters() {
    check();
    return new ArrayList<>(clusters.values());
  }

  /**
   * Returns the cluster with the given name.
   *
   * @param name the name
   * @return the cluster
   * @throws NoSuchEntityException when there is none
   */
  public Cluster cluster(String name) {
    check();
    SimCluster c = clusters.get(name);
    if (c == null) {
      throw new NoSuchEntityException("cluster", name, clusters.keySet());
    }
    return c;
  }

  /**
   * Returns the fault injector of a cluster of this simulation.
   *
   * @param cluster the cluster
   * @return its faults
   * @throws IllegalArgumentException when the cluster belongs to another simulation
   */
  public ClusterFaults faults(Cluster cluster) {
    check();
    return own(cluster).faults();
  }

  /**
   * Checks a VM's guest memory as it is now against everything its guest workload wrote: each page the
   * guest wrote holds the content of its latest write, and every other touched page holds zeros. After a
   * migration or a restore this shows, page for page, that the memory arrived intact. Modeled memory has
   * no content and always passes.
   *
   * <pre>{@code
   * MigrationHandle h = cluster.migrate(VmId.of("web"), HostId.of("n2"), LiveMigration.withDefaults());
   * sim.runUntil(h::isDone, Duration.ofMinutes(5));
   * assert sim.verifyGuestMemory(cluster, VmId.of("web")).ok();
   * }</pre>
   *
   * @param cluster a cluster of this simulation
   * @param vm the VM
   * @return the outcome, with the first page that differs
   * @throws IllegalArgumentException when the cluster belongs to another simulation
   * @throws NoSuchEntityException when the cluster has no such VM
   * @throws IllegalStateException when the VM holds no memory now (off, saved or failed)
   */
  public GuestWorkload.Verification verifyGuestMemory(Cluster cluster, VmId vm) {
    check();
    return own(cluster).verifyGuestMemory(vm);
  }

  private SimCluster own(Cluster cluster) {
    SimCluster c = clusters.get(cluster.name());
    if (c == null || c != cluster) {
      throw new IllegalArgumentException("cluster '" + cluster.name() + "' does not belong to this simulation");
    }
    return c;
  }

  /**
   * Runs every event due in the next {@code duration} of virtual time, then moves the clock to its end.
   *
   * @param duration how long to run; zero runs what is due now
   * @throws IllegalArgumentException when the duration is negative
   */
  public void runFor(Duration duration) {
    check();
    if (duration.isNegative()) {
      throw new IllegalArgumentException("cannot run for " + duration + "; the duration must be zero or positive");
    }
    kernel.loop().runTo(Math.addExact(kernel.now(), duration.toNanos()));
  }

  /**
   * Runs events until {@code condition} holds or {@code limit} of virtual time has passed.
   *
   * @param condition checked before the first event and after each
   * @param limit the most virtual time to run
   * @return whether the condition holds
   */
  public boolean runUntil(BooleanSupplier condition, Duration limit) {
    check();
    if (limit.isNegative()) {
      throw new IllegalArgumentException("limit is " + limit + "; it must be zero or positive");
    }
    return kernel.loop().runUntil(condition, Math.addExact(kernel.now(), limit.toNanos()));
  }

  /**
   * Runs the next event, moving the clock to its time.
   *
   * @return false when nothing is scheduled
   */
  public boolean step() {
    check();
    return kernel.loop().step();
  }

  /**
   * Schedules an action of the caller's (a fault, an operator action) after a delay of virtual time.
   * It runs on the simulation's thread like any other event.
   *
   * @param delay how long from now; zero runs it after the events already due now
   * @param action the action
   */
  public void schedule(Duration delay, Runnable action) {
    check();
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay is " + delay + "; it must be zero or positive");
    }
    kernel.loop().schedule(delay.toNanos(), Objects.requireNonNull(action, "action"));
  }

  /**
   * Returns a random stream derived from the seed and a name, independent of every other stream: the
   * way to make random choices (for example, which node to crash) deterministically.
   *
   * @param name the stream's name
   * @return a new generator; the same name gives the same sequence
   */
  public SplittableRandom randomStream(String name) {
    check();
    return kernel.random().stream("user/" + name);
  }

  /**
   * Adds a listener that receives every event from now on, in order.
   *
   * @param listener the listener
   */
  public void addListener(ClusterListener listener) {
    check();
    kernel.bus().add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Removes a listener.
   *
   * @param listener the listener
   * @return whether it was registered
   */
  public boolean removeListener(ClusterListener listener) {
    check();
    return kernel.bus().remove(listener);
  }

  /**
   * Adds an observer that runs after every kernel event, once the event's effects are complete: the
   * place for invariants that must hold at every step. An observer may read the clusters but must not
   * change them.
   *
   * @param observer the observer
   */
  public void addStepObserver(Runnable observer) {
    check();
    kernel.loop().addStepObserver(Objects.requireNonNull(observer, "observer"));
  }

  /**
   * Removes a step observer.
   *
   * @param observer the observer
   * @return whether it was registered
   */
  public boolean removeStepObserver(Runnable observer) {
    check();
    return kernel.loop().removeStepObserver(observer);
  }

  /**
   * Returns the hash of every event so far: equal for two runs exactly when they produced the same
   * events in the same order.
   *
   * @return 32 hex digits
   */
  public String traceHash() {
    kernel.guard().check();
    return kernel.bus().traceHash();
  }

  /**
   * Returns how many events the clusters have emitted.
   *
   * @return the count
   */
  public long eventCount() {
    kernel.guard().check();
    return kernel.bus().emitted();
  }

  /**
   * Returns how many kernel events (timers, heartbeats, decisions) have run; the cost of the run.
   *
   * @return the count
   */
  public long stepsRun() {
    kernel.guard().check();
    return kernel.loop().processed();
  }

  /** Closes the simulation; its guest memory is released. Idempotent. */
  @Override
  public void close() {
    kernel.guard().check();
    closed = true;
  }

  /**
   * Builds a {@link Simulation}; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private long seed;
    private HeartbeatMode heartbeatMode = HeartbeatMode.ELIDED;
    private MemoryBacking memoryBacking = MemoryBacking.MODELED;
    private Path workDirectory;
    private final Set<Defect> defects = EnumSet.noneOf(Defect.class);
    private Appendable traceSink;

    private Builder() {}

    /**
     * Sets the master seed.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the heartbeat mode.
     *
     * @param mode elided (default) or every beat (reference)
     * @return this builder
     */
    public Builder heartbeatMode(HeartbeatMode mode) {
      this.heartbeatMode = Objects.requireNonNull(mode, "heartbeat mode");
      return this;
    }

    /**
     * Sets how guest memory is backed.
     *
     * @param backing modeled (default) or real
     * @return this builder
     */
    public Builder memoryBacking(MemoryBacking backing) {
      this.memoryBacking = Objects.requireNonNull(backing, "memory backing");
      return this;
    }

    /**
     * Sets the directory for real memory and saved-state files.
     *
     * @param directory an existing, writable directory
     * @return this builder
     */
    public Builder workDirectory(Path directory) {
      this.workDirectory = directory;
      return this;
    }

    /**
     * Enables deliberate defects, for testing invariant checkers. {@link Defect} lives in a package
     * exported only to the testkit and the command-line tool, so other modules cannot call this.
     *
     * @param enabled the defects
     * @return this builder
     */
    @SuppressWarnings("exports")
    public Builder defects(Defect... enabled) {
      defects.addAll(List.of(enabled));
      return this;
    }

    /**
     * Writes every event as a JSON line to {@code sink}.
     *
     * @param sink where the trace goes
     * @return this builder
     */
    public Builder traceTo(Appendable sink) {
      this.traceSink = sink;
      return this;
    }

    /**
     * Builds the simulation, owned by the calling thread.
     *
     * @return the simulation
     * @throws InvalidConfigurationException when real memory is chosen without a work directory
     */
    public Simulation build() {
      if (memoryBacking == MemoryBacking.REAL && workDirectory == null) {
        throw new InvalidConfigurationException("real guest memory needs a work directory for its files; set"
            + " workDirectory(...) or use MemoryBacking.MODELED");
      }
      return new Simulation(this);
    }
  }
}
