package io.hvcluster.testkit.gen;

import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.testkit.fault.BudgetVerdict;
import io.hvcluster.testkit.fault.Fault;
import io.hvcluster.testkit.fault.FaultBudget;
import io.hvcluster.testkit.fault.FaultKind;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.fault.Heal;
import io.hvcluster.testkit.property.Gen;
import io.hvcluster.testkit.property.Shrinkable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Generates fault plans for a cluster: up to a number of faults of the enabled kinds, starting within
 * a horizon, with targets drawn from the cluster's own nodes, LUNs and VMs, then a heal phase. By
 * default every plan stays within a {@link FaultBudget} (the cluster's quorum tolerance unless set),
 * and shrinking keeps it there; {@link Builder#exceedBudget()} lifts that, and the scenario's
 * {@link BudgetVerdict} then tags the run as out of the model. In swarm mode each plan first enables a
 * random subset of the kinds, with skewed weights, as TigerBeetle's swarm testing does.
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * Gen<FaultPlan> plans = FaultPlans.builder(spec).maxFaults(4).horizon(Duration.ofMinutes(2)).swarm().build();
 * FaultPlan plan = plans.sample(new SplittableRandom(seed));
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class FaultPlans {
  private FaultPlans() {}

  /**
   * Returns a builder for plans against the given cluster.
   *
   * @param spec the cluster
   * @return the builder
   */
  public static Builder builder(ClusterSpec spec) {
    return new Builder(spec);
  }

  /**
   * Returns the kinds that can do something in the cluster: VM and migration faults need VMs, a ring
   * needs four nodes, a bridge three, and witness faults a quorum model with a witness.
   *
   * @param spec the cluster
   * @return the applicable kinds
   */
  public static Set<FaultKind> applicableKinds(ClusterSpec spec) {
    EnumSet<FaultKind> kinds = EnumSet.allOf(FaultKind.class);
    int n = spec.hosts().size();
    if (spec.vms().isEmpty()) {
      kinds.removeIf(k -> k.category() == io.hvcluster.testkit.fault.FaultCategory.VM
          || k.category() == io.hvcluster.testkit.fault.FaultCategory.MIGRATION);
    }
    if (n < 4) {
      kinds.remove(FaultKind.MAJORITIES_RING);
    }
    if (n < 3) {
      kinds.remove(FaultKind.BRIDGE);
    }
    if (!spec.quorum().hasWitness()) {
      kinds.remove(FaultKind.WITNESS_LOSS);
    }
    if (spec.storage().luns().stream().noneMatch(l -> !l.witness())) {
      kinds.removeIf(k -> k.category() == io.hvcluster.testkit.fault.FaultCategory.STORAGE && k != FaultKind.WITNESS_LOSS);
    }
    return kinds;
  }

  /**
   * Returns the weights swarm mode gives the kinds for one plan: a random non-empty subset of the kinds
   * is enabled, each with a weight from 1 to 10; the others get none.
   *
   * @param kinds the kinds to choose from
   * @param random the random source
   * @return the weights of the enabled kinds, in kind order
   */
  public static Map<FaultKind, Integer> swarmWeights(Set<FaultKind> kinds, RandomGenerator random) {
    Map<FaultKind, Integer> weights = new EnumMap<>(FaultKind.class);
    List<FaultKind> ordered = kinds.stream().sorted().collect(Collectors.toList());
    for (FaultKind kind : ordered) {
      if (random.nextBoolean()) {
        weights.put(kind, 1 + random.nextInt(10));
      }
    }
    if (weights.isEmpty() && !ordered.isEmpty()) {
      weights.put(ordered.get(random.nextInt(ordered.size())), 1 + random.nextInt(10));
    }
    return weights;
  }

  /**
   * Configures a fault-plan generator; not thread-safe, but the generators it builds are.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final ClusterSpec spec;
    private FaultBudget budget;
    private Set<FaultKind> kinds;
    private Map<FaultKind, Integer> weights = Map.of();
    private int maxFaults = 5;
    private Duration horizon = Duration.ofMinutes(2);
    private Duration minDuration = Duration.ofSeconds(1);
    private Duration maxDuration = Duration.ofSeconds(60);
    private Duration quiet = Heal.DEFAULT_QUIET;
    private boolean swarm;
    private boolean exceed;

    private Builder(ClusterSpec spec) {
      this.spec = Objects.requireNonNull(spec, "spec");
    }

    /**
     * Sets the budget plans stay within; by default {@link FaultBudget#tolerating(ClusterSpec)}.
     *
     * @param newBudget the budget
     * @return this builder
     */
    public Builder budget(FaultBudget newBudget) {
      this.budget = Objects.requireNonNull(newBudget, "budget");
      return this;
    }

    /**
     * Restricts the kinds to choose from; by default every applicable kind the budget allows.
     *
     * @param allowed the kinds
     * @return this builder
     */
    public Builder kinds(Set<FaultKind> allowed) {
      this.kinds = Set.copyOf(allowed);
      return this;
    }

    /**
     * Sets relative weights for kinds; kinds without a weight get 1, kinds with weight 0 are never
     * chosen.
     *
     * @param kindWeights the weights
     * @return this builder
     */
    public Builder weights(Map<FaultKind, Integer> kindWeights) {
      this.weights = Map.copyOf(kindWeights);
      return this;
    }

    /**
     * Sets the most faults per plan.
     *
     * @param max the most faults, 0 or more
     * @return this builder
     */
    public Builder maxFaults(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("max faults is " + max + "; it must be 0 or more");
      }
      this.maxFaults = max;
      return this;
    }

    /**
     * Sets the time within which faults start; the heal phase comes at the horizon.
     *
     * @param newHorizon the horizon, at least one second
     * @return this builder
     */
    public Builder horizon(Duration newHorizon) {
      if (newHorizon.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("horizon is " + newHorizon + "; it must be at least 1 second");
      }
      this.horizon = newHorizon;
      return this;
    }

    /**
     * Sets the range of fault durations, in whole seconds.
     *
     * @param min the shortest, at least one second
     * @param max the longest
     * @return this builder
     */
    public Builder durations(Duration min, Duration max) {
      if (min.compareTo(Duration.ofSeconds(1)) < 0 || min.compareTo(max) > 0) {
        throw new IllegalArgumentException("duration range [" + min + ", " + max + "] must start at 1s or more");
      }
      this.minDuration = min;
      this.maxDuration = max;
      return this;
    }

    /**
     * Sets the quiet period after the heal phase.
     *
     * @param newQuiet the quiet period
     * @return this builder
     */
    public Builder quiet(Duration newQuiet) {
      this.quiet = Objects.requireNonNull(newQuiet, "quiet");
      return this;
    }

    /**
     * Turns swarm mode on: each plan enables a random subset of the kinds with skewed weights.
     *
     * @return this builder
     */
    public Builder swarm() {
      this.swarm = true;
      return this;
    }

    /**
     * Lets plans go beyond the budget (and use kinds outside it); such plans classify as out of the
     * model.
     *
     * @return this builder
     */
    public Builder exceedBudget() {
      this.exceed = true;
      return this;
    }

    /**
     * Builds the generator.
     *
     * @return the generator
     */
    public Gen<FaultPlan> build() {
      FaultBudget b = budget != null ? budget : FaultBudget.tolerating(spec);
      Set<FaultKind> enabled = EnumSet.copyOf(applicableKinds(spec));
      if (kinds != null) {
        enabled.retainAll(kinds);
      }
      if (!exceed) {
        enabled.retainAll(b.kinds());
      }
      Map<FaultKind, Integer> base = new EnumMap<>(FaultKind.class);
      for (FaultKind k : enabled) {
        int w = weights.getOrDefault(k, 1);
        if (w > 0) {
          base.put(k, w);
        }
      }
      Targets targets = new Targets(ids(spec.hosts(), HostSpec::id), ids(spec.vms(), VmSpec::id),
          ids(spec.storage().luns().stream().filter(l -> !l.witness()).collect(Collectors.toList()), LunSpec::id),
          spec.storage().luns().stream().anyMatch(LunSpec::csv), spec.quorum().usesWitnessDisk());
      Settings settings = new Settings(b, exceed, swarm, maxFaults, horizon, minDuration, maxDuration,
          new Heal(horizon, quiet), spec.hosts().size());
      return random -> {
        FaultPlan plan = generate(settings, base, targets, random);
        int nodes = settings.nodes;
        return Shrinkable.unfold(plan, p -> p.shrinks().filter(c -> settings.exceed || settings.budget.admits(c, nodes)));
      };
    }

    private static <T, R> List<R> ids(List<T> values, java.util.function.Function<T, R> id) {
      return values.stream().map(id).collect(Collectors.toList());
    }
  }

  /** The entities a generated fault may name. */
  record Targets(List<HostId> hosts, List<VmId> vms, List<LunId> dataLuns, boolean hasCsv, boolean hasWitnessDisk) {}

  private static final class Settings {
    private final FaultBudget budget;
    private final boolean exceed;
    private final boolean swarm;
    private final int maxFaults;
    private final Duration horizon;
    private final Duration minDuration;
    private final Duration maxDuration;
    private final Heal heal;
    private final int nodes;

    Settings(FaultBudget budget, boolean exceed, boolean swarm, int maxFaults, Duration horizon, Duration minDuration,
        Duration maxDuration, Heal heal, int nodes) {
      this.budget = budget;
      this.exceed = exceed;
      this.swarm = swarm;
      this.maxFaults = maxFaults;
      this.horizon = horizon;
      this.minDuration = minDuration;
      this.maxDuration = maxDuration;
      this.heal = heal;
      this.nodes = nodes;
    }
  }

  private static FaultPlan generate(Settings s, Map<FaultKind, Integer> base, Targets targets, RandomGenerator random) {
    Map<FaultKind, Integer> weights = s.swarm ? swarmWeights(base.keySet(), random) : base;
    if (s.swarm) {
      weights.replaceAll((k, w) -> w * base.get(k));
    }
    FaultPlan plan = FaultPlan.empty(s.heal);
    int count = weights.isEmpty() ? 0 : random.nextInt(s.maxFaults + 1);
    FaultMaker maker = new FaultMaker(targets, s.horizon, s.minDuration, s.maxDuration);
    for (int i = 0; i < count; i++) {
      for (int attempt = 0; attempt < 5; attempt++) {
        Fault fault = maker.make(pick(weights, random), random);
        FaultPlan candidate = plan.plus(fault);
        if (s.exceed || s.budget.admits(candidate, s.nodes)) {
          plan = candidate;
          break;
        }
      }
    }
    return plan;
  }

  private static FaultKind pick(Map<FaultKind, Integer> weights, RandomGenerator random) {
    long total = weights.values().stream().mapToLong(Integer::longValue).sum();
    long ticket = random.nextLong(total);
    for (Map.Entry<FaultKind, Integer> e : weights.entrySet()) {
      ticket -= e.getValue();
      if (ticket < 0) {
        return e.getKey();
      }
    }
    throw new AssertionError("weights exhausted");
  }
}
