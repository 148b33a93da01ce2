package io.hvcluster.testkit.fault;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.QuorumModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Declares which faults the design claims to tolerate, after TigerBeetle's fault atlas: how many nodes
 * may fail at once, whether the witness counts as one of them ("witness or one node, not both"), how
 * many network and storage faults may overlap, and which kinds are in the model at all. Generators stay
 * inside the budget unless asked not to; {@link #classify} tags any plan as in or out of the model.
 *
 * <p>Host failures are counted conservatively from selectors ({@link HostSelector#maxSize}): crashes,
 * power losses, hangs, cluster-service crashes, isolation, heartbeat loss or delay, swizzle-clogging,
 * the smaller side of a split, and a migration crash (one node while armed).
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * FaultBudget budget = FaultBudget.builder().maxConcurrentHostFailures(1).witnessOrNodeNotBoth().build();
 * BudgetVerdict verdict = budget.classify(plan, 4);
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class FaultBudget {
  private final int maxHostFailures;
  private final boolean witnessCountsAsHost;
  private final boolean witnessOrNode;
  private final int maxNetwork;
  private final int maxStorage;
  private final Set<FaultKind> kinds;

  private FaultBudget(Builder b) {
    this.maxHostFailures = b.maxHostFailures;
    this.witnessCountsAsHost = b.witnessCountsAsHost;
    this.witnessOrNode = b.witnessOrNode;
    this.maxNetwork = b.maxNetwork;
    this.maxStorage = b.maxStorage;
    this.kinds = Set.copyOf(b.kinds);
  }

  /**
   * Returns a builder with defaults: one host failure at a time, one network fault, one storage
   * fault, every kind allowed.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the budget a cluster's quorum model tolerates: with node majority, (n−1)/2 host failures;
   * with a witness, the votes beyond quorum, the witness counting as one of them (so a two-node
   * cluster with a witness tolerates the witness or one node, not both); with disk only, n−1 host
   * failures and no witness fault.
   *
   * @param spec the cluster
   * @return the budget
   */
  public static FaultBudget tolerating(ClusterSpec spec) {
    int n = spec.hosts().size();
    QuorumModel q = spec.quorum();
    Builder b = builder();
    if (q == QuorumModel.DISK_ONLY) {
      EnumSet<FaultKind> allowed = EnumSet.allOf(FaultKind.class);
      allowed.remove(FaultKind.WITNESS_LOSS);
      return b.maxConcurrentHostFailures(n - 1).kinds(allowed).build();
    }
    int spare = q.totalVotes(n) - q.votesNeeded(n);
    if (q.hasWitness()) {
      b.witnessCountsAsHostFailure();
      if (spare == 1) {
        b.witnessOrNodeNotBoth();
      }
    }
    return b.maxConcurrentHostFailures(spare).build();
  }

  /**
   * Returns a budget that admits every plan.
   *
   * @return the budget
   */
  public static FaultBudget unlimited() {
    return builder().maxConcurrentHostFailures(Integer.MAX_VALUE).maxConcurrentNetworkFaults(Integer.MAX_VALUE)
        .maxConcurrentStorageFaults(Integer.MAX_VALUE).build();
  }

  /**
   * Returns the most host failures allowed at once.
   *
   * @return the limit
   */
  public int maxConcurrentHostFailures() {
    return maxHostFailures;
  }

  /**
   * Returns the fault kinds in the model.
   *
   * @return the kinds
   */
  public Set<FaultKind> kinds() {
    return kinds;
  }

  /**
   * Returns whether a plan stays within this budget in a cluster of {@code nodes} nodes.
   *
   * @param plan the plan
   * @param nodes the number of nodes
   * @return true when in the model
   */
  public boolean admits(FaultPlan plan, int nodes) {
    return classify(plan, nodes).inModel();
  }

  /**
   * Classifies a plan as in or out of the model, with the reasons.
   *
   * @param plan the plan
   * @param nodes the number of nodes
   * @return the verdict
   */
  public BudgetVerdict classify(FaultPlan plan, int nodes) {
    List<String> reasons = new ArrayList<>();
    for (Fault f : plan.faults()) {
      if (!kinds.contains(f.kind())) {
        reasons.add(f.kind().id() + " is not in the model");
      }
    }
    for (Fault at : plan.faults()) {
      Duration t = at.at();
      List<Fault> active = plan.faults().stream().filter(f -> activeAt(plan, f, t)).collect(Collectors.toList());
      int hosts = sum(active, f -> hostFailures(f, nodes));
      boolean witness = active.stream().anyMatch(FaultBudget::losesWitness);
      int counted = hosts + (witnessCountsAsHost && witness ? 1 : 0);
      if (counted > maxHostFailures) {
        reasons.add("at " + DurationText.format(t) + ", " + counted + " concurrent host failures" + (witness
            && witnessCountsAsHost ? " (witness included)" : "") + " exceed the budget of " + maxHostFailures);
      }
      if (witnessOrNode && witness && hosts > 0) {
        reasons.add("at " + DurationText.format(t) + ", the witness and a node fail together (witness or one node, not both)");
      }
      int network = sum(active, f -> f.kind().category() == FaultCategory.NETWORK ? 1 : 0);
      if (network > maxNetwork) {
        reasons.add("at " + DurationText.format(t) + ", " + network + " concurrent network faults exceed the budget of "
            + maxNetwork);
      }
      int storage = sum(active, f -> f.kind().category() == FaultCategory.STORAGE ? 1 : 0);
      if (storage > maxStorage) {
        reasons.add("at " + DurationText.format(t) + ", " + storage + " concurrent storage faults exceed the budget of "
            + maxStorage);
      }
    }
    List<String> distinct = reasons.stream().distinct().collect(Collectors.toList());
    return new BudgetVerdict(distinct.isEmpty() ? BudgetVerdict.Fit.IN_MODEL : BudgetVerdict.Fit.OUT_OF_MODEL, distinct);
  }

  private static int sum(Collection<Fault> faults, ToIntFunction<Fault> f) {
    long total = faults.stream().mapToLong(f::applyAsInt).sum();
    return (int) Math.min(Integer.MAX_VALUE, total);
  }

  private static boolean activeAt(FaultPlan plan, Fault f, Duration t) {
    if (f.at().compareTo(t) > 0) {
      return false;
    }
    if (f.kind().instantaneous()) {
      return f.at().equals(t);
    }
    return t.compareTo(plan.activeUntil(f)) < 0;
  }

  static int hostFailures(Fault f, int nodes) {
    if (f instanceof HostCrash) {
      return ((HostCrash) f).hosts().maxSize(nodes);
    }
    if (f instanceof PowerLoss) {
      return ((PowerLoss) f).hosts().maxSize(nodes);
    }
    if (f instanceof HostHang) {
      return ((HostHang) f).hosts().maxSize(nodes);
    }
    if (f instanceof ClusterServiceCrash) {
      return ((ClusterServiceCrash) f).hosts().maxSize(nodes);
    }
    if (f instanceof Isolate) {
      return ((Isolate) f).hosts().maxSize(nodes);
    }
    if (f instanceof HeartbeatLoss) {
      return ((HeartbeatLoss) f).hosts().maxSize(nodes);
    }
    if (f instanceof HeartbeatDelay) {
      return ((HeartbeatDelay) f).hosts().maxSize(nodes);
    }
    if (f instanceof SwizzleClog) {
      return ((SwizzleClog) f).hosts().maxSize(nodes);
    }
    if (f instanceof Split) {
      int side = ((Split) f).side().maxSize(nodes);
      return Math.min(side, nodes - side);
    }
    if (f instanceof MigrationSourceCrash || f instanceof MigrationTargetCrash) {
      return 1;
    }
    return 0;
  }

  static boolean losesWitness(Fault f) {
    if (f instanceof WitnessLoss) {
      return true;
    }
    if (f instanceof LunOffline) {
      return ((LunOffline) f).luns() instanceof LunSelector.Witness;
    }
    if (f instanceof IoStall) {
      return ((IoStall) f).luns() instanceof LunSelector.Witness;
    }
    return false;
  }

  /** Returns a one-line description of the budget. */
  @Override
  public String toString() {
    return "FaultBudget[hosts<=" + (maxHostFailures == Integer.MAX_VALUE ? "any" : maxHostFailures)
        + (witnessCountsAsHost ? " (witness counts)" : "") + (witnessOrNode ? ", witness or one node, not both" : "")
        + ", network<=" + (maxNetwork == Integer.MAX_VALUE ? "any" : maxNetwork)
        + ", storage<=" + (maxStorage == Integer.MAX_VALUE ? "any" : maxStorage)
        + (kinds.size() == FaultKind.values().length ? "" : ", " + kinds.size() + " kinds") + "]";
  }

  /**
   * Builds a {@link FaultBudget}; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private int maxHostFailures = 1;
    private boolean witnessCountsAsHost;
    private boolean witnessOrNode;
    private int maxNetwork = 1;
    private int maxStorage = 1;
    private Set<FaultKind> kinds = EnumSet.allOf(FaultKind.class);

    private Builder() {}

    /**
     * Sets the most host failures allowed at once.
     *
     * @param f the limit, 0 or more
     * @return this builder
     * @throws IllegalArgumentException when {@code f} is negative
     */
    public Builder maxConcurrentHostFailures(int f) {
      if (f < 0) {
        throw new IllegalArgumentException("host failure budget is " + f + "; it must be 0 or more");
      }
      this.maxHostFailures = f;
      return this;
    }

    /**
     * Counts a lost witness as one host failure.
     *
     * @return this builder
     */
    public Builder witnessCountsAsHostFailure() {
      this.witnessCountsAsHost = true;
      return this;
    }

    /**
     * Forbids a witness fault while any node fails: "witness or one node, not both".
     *
     * @return this builder
     */
    public Builder witnessOrNodeNotBoth() {
      this.witnessOrNode = true;
      return this;
    }

    /**
     * Sets the most network faults allowed at once.
     *
     * @param max the limit, 0 or more
     * @return this builder
     */
    public Builder maxConcurrentNetworkFaults(int max) {
      this.maxNetwork = Math.max(0, max);
      return this;
    }

    /**
     * Sets the most storage faults allowed at once.
     *
     * @param max the limit, 0 or more
     * @return this builder
     */
    public Builder maxConcurrentStorageFaults(int max) {
      this.maxStorage = Math.max(0, max);
      return this;
    }

    /**
     * Sets the kinds in the model; others make a plan out of the model.
     *
     * @param allowed the kinds
     * @return this builder
     */
    public Builder kinds(Set<FaultKind> allowed) {
      this.kinds = allowed.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(allowed);
      return this;
    }

    /**
     * Builds the budget.
     *
     * @return the budget
     */
    public FaultBudget build() {
      return new FaultBudget(this);
    }
  }
}
