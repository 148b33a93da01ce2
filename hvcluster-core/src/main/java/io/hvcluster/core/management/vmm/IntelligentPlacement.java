package io.hvcluster.core.management.vmm;

import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.placement.HostRating;
import io.hvcluster.api.placement.PlacementDecision;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.placement.PlacementRequest;
import io.hvcluster.core.management.description.ClusterDescription;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * SCVMM 2008's intelligent placement as a {@link PlacementPolicy}: every candidate host gets 0 to 5
 * stars in half steps, with reasons. A host that fails a hard requirement (those every placement path
 * shares, {@link io.hvcluster.core.placement.HardRequirements}: possible owners, free memory, a path to
 * each of the group's LUNs; and SCVMM's own: none of the LUNs has failed and each has room for its VMs'
 * expected disk space and saved states, and the node is up and unpaused) is blocked with 0 stars and
 * never chosen. The others are
 * rated on their load after placement (CPU, memory, disk I/O and network, weighted), for the goal
 * {@link PlacementGoal#LOAD_BALANCING} (most headroom best) or
 * {@link PlacementGoal#RESOURCE_MAXIMIZATION} (fullest best).
 *
 * <p>Choice among unblocked hosts: hosts that would not put two VMs of one anti-affinity class or guest
 * cluster together first; then, unless switched off, the group's preferred owners in order (as the
 * failover engine walks them); then the best rating; ties by node order. With a cluster reserve set, an
 * initial placement in an over-committed cluster gives every host 0 stars (not blocked), as SCVMM does.
 *
 * <p>Works from the API views only and is deterministic. Immutable and thread-safe itself; call
 * {@link #place} on the simulation's thread, as every policy. Example:
 *
 * <pre>{@code
 * PlacementPolicy policy = IntelligentPlacement.builder()
 *     .goal(PlacementGoal.RESOURCE_MAXIMIZATION)
 *     .weights(new ResourceWeights(2, 1, 0.5, 0.5))
 *     .vmLoad("sql1", new VmLoad(60, 100, 400, 20))
 *     .build();
 * cluster.setPlacementPolicy(policy);
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class IntelligentPlacement implements PlacementPolicy {
  private final PlacementGoal goal;
  private final ResourceWeights weights;
  private final VmLoad defaultLoad;
  private final Map<String, VmLoad> loads;
  private final HostCapacity defaultCapacity;
  private final Map<String, HostCapacity> capacities;
  private final int clusterReserve;
  private final boolean preferredOwnersFirst;

  private IntelligentPlacement(Builder b) {
    this.goal = b.goal;
    this.weights = b.weights;
    this.defaultLoad = b.defaultLoad;
    this.loads = Map.copyOf(b.loads);
    this.defaultCapacity = b.defaultCapacity;
    this.capacities = Map.copyOf(b.capacities);
    this.clusterReserve = b.clusterReserve;
    this.preferredOwnersFirst = b.preferredOwnersFirst;
  }

  /**
   * Returns a builder with the defaults: load balancing, equal weights, SCVMM's default VM load,
   * {@link HostCapacity#DEFAULT}, a cluster reserve of 1 and preferred owners first.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the policy with every default of {@link #builder()}.
   *
   * @return the policy
   */
  public static IntelligentPlacement defaults() {
    return builder().build();
  }

  @Override
  public PlacementDecision place(PlacementRequest request) {
    List<HostRater.Rated> rated = rateAll(request);
    List<HostRating> ratings = rated.stream().map(HostRater.Rated::rating).toList();
    Optional<HostRater.Rated> best = rated.stream().filter(r -> !r.rating().blocked()).findFirst();
    if (best.isEmpty()) {
      String why = rated.isEmpty() ? "no node is up, unpaused and in the quorum partition"
          : "no node meets the hard requirements: " + rated.stream()
              .map(r -> r.rating().host() + ": " + String.join(", ", r.rating().reasons()))
              .collect(Collectors.joining("; "));
      return new PlacementDecision(Optional.empty(), why, ratings);
    }
    HostRater.Rated chosen = best.get();
    return new PlacementDecision(Optional.of(chosen.rating().host()), chosen.why(goal), ratings);
  }

  /**
   * Rates every candidate of a request, best first: unblocked hosts in the order they would be chosen,
   * then blocked hosts in node order.
   *
   * @param request the request
   * @return the ratings
   */
  public List<HostRating> rate(PlacementRequest request) {
    return rateAll(request).stream().map(HostRater.Rated::rating).toList();
  }

  List<HostRater.Rated> rateAll(PlacementRequest request) {
    HostRater rater = new HostRater(this, request);
    return request.candidates().stream().map(rater::rate)
        .sorted(Comparator.comparing((HostRater.Rated r) -> r.rating().blocked())
            .thenComparing(HostRater.Rated::conflict)
            .thenComparingInt(r -> preferredOwnersFirst ? r.preferredIndex() : 0)
            .thenComparing(Comparator.comparingDouble(HostRater.Rated::score).reversed())
            .thenComparingInt(HostRater.Rated::nodeIndex))
        .toList();
  }

  @Override
  public String name() {
    return "IntelligentPlacement(" + goal + ")";
  }

  /** Returns a copy that also knows the expected load of one more VM (one being provisioned). */
  IntelligentPlacement withVmLoad(String vm, VmLoad load) {
    Builder b = new Builder();
    b.goal = goal;
    b.weights = weights;
    b.defaultLoad = defaultLoad;
    b.loads.putAll(loads);
    b.loads.put(vm, load);
    b.defaultCapacity = defaultCapacity;
    b.capacities.putAll(capacities);
    b.clusterReserve = clusterReserve;
    b.preferredOwnersFirst = preferredOwnersFirst;
    return new IntelligentPlacement(b);
  }

  PlacementGoal goal() {
    return goal;
  }

  ResourceWeights weights() {
    return weights;
  }

  VmLoad load(VmId vm) {
    return loads.getOrDefault(vm.name(), defaultLoad);
  }

  HostCapacity capacity(HostId host) {
    return capacities.getOrDefault(host.name(), defaultCapacity);
  }

  int clusterReserve() {
    return clusterReserve;
  }

  /**
   * Builds an {@link IntelligentPlacement}; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private PlacementGoal goal = PlacementGoal.LOAD_BALANCING;
    private ResourceWeights weights = ResourceWeights.EQUAL;
    private VmLoad defaultLoad = VmLoad.DEFAULT;
    private final Map<String, VmLoad> loads = new TreeMap<>();
    private HostCapacity defaultCapacity = HostCapacity.DEFAULT;
    private final Map<String, HostCapacity> capacities = new TreeMap<>();
    private int clusterReserve = ClusterDescription.DEFAULT_RESERVE;
    private boolean preferredOwnersFirst = true;

    private Builder() {}

    /**
     * Sets the placement goal.
     *
     * @param value the goal
     * @return this builder
     */
    public Builder goal(PlacementGoal value) {
      this.goal = Objects.requireNonNull(value, "goal");
      return this;
    }

    /**
     * Sets the resource weights.
     *
     * @param value the weights
     * @return this builder
     */
    public Builder weights(ResourceWeights value) {
      this.weights = Objects.requireNonNull(value, "weights");
      return this;
    }

    /**
     * Sets the load expected of VMs without a load of their own.
     *
     * @param value the load; SCVMM's default is {@link VmLoad#DEFAULT}
     * @return this builder
     */
    public Builder defaultVmLoad(VmLoad value) {
      this.defaultLoad = Objects.requireNonNull(value, "load");
      return this;
    }

    /**
     * Sets the load expected of one VM.
     *
     * @param vm the VM's name
     * @param value its load
     * @return this builder
     */
    public Builder vmLoad(String vm, VmLoad value) {
      this.loads.put(VmId.of(vm).name(), Objects.requireNonNull(value, "load"));
      return this;
    }

    /**
     * Sets the disk I/O and network capacity of hosts without one of their own.
     *
     * @param value the capacity
     * @return this builder
     */
    public Builder defaultHostCapacity(HostCapacity value) {
      this.defaultCapacity = Objects.requireNonNull(value, "capacity");
      return this;
    }

    /**
     * Sets the disk I/O and network capacity of one host.
     *
     * @param host the host's name
     * @param value its capacity
     * @return this builder
     */
    public Builder hostCapacity(String host, HostCapacity value) {
      this.capacities.put(HostId.of(host).name(), Objects.requireNonNull(value, "capacity"));
      return this;
    }

    /**
     * Sets the cluster reserve checked on initial placement; 0 turns the check off.
     *
     * @param hosts host failures the cluster must absorb, 0 to 15
     * @return this builder
     * @throws IllegalArgumentException when the value is out of range
     */
    public Builder clusterReserve(int hosts) {
      if (hosts < 0 || hosts > 15) {
        throw new IllegalArgumentException("cluster reserve is " + hosts + "; allowed: 0 to 15 host failures");
      }
      this.clusterReserve = hosts;
      return this;
    }

    /**
     * Sets whether a group's preferred owners are chosen first, in order, as the failover engine does.
     *
     * @param value false to choose by rating alone
     * @return this builder
     */
    public Builder preferredOwnersFirst(boolean value) {
      this.preferredOwnersFirst = value;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public IntelligentPlacement build() {
      return new IntelligentPlacement(this);
    }
  }
}
