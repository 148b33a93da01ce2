package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.testkit.check.FailureClass;
import io.hvcluster.testkit.check.FinalCheck;
import io.hvcluster.testkit.check.StepInvariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The checks of one run: step invariants run after every kernel event, and final checks run once after
 * the heal phase. Made by {@link Invariants}; the standard set keeps per-run state, so make a new set
 * for every run.
 *
 * <p>Not thread-safe: it belongs to the run's simulation thread.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class CheckSet {
  private final Cluster cluster;
  private final RunFacts facts;
  private final List<StepInvariant> invariants;
  private final MigrationEnds migrations;

  CheckSet(Cluster cluster, RunFacts facts, List<StepInvariant> invariants, MigrationEnds migrations) {
    this.cluster = cluster;
    this.facts = facts;
    this.invariants = List.copyOf(invariants);
    this.migrations = migrations;
  }

  /**
   * Returns a set with more step invariants, run after the standard ones.
   *
   * @param more the invariants
   * @return the larger set
   */
  public CheckSet with(StepInvariant... more) {
    List<StepInvariant> all = new ArrayList<>(invariants);
    for (StepInvariant s : more) {
      all.add(Objects.requireNonNull(s, "invariant"));
    }
    return new CheckSet(cluster, facts, all, migrations);
  }

  /**
   * Returns the step invariants, in the order they run.
   *
   * @return the invariants
   */
  public List<StepInvariant> stepInvariants() {
    return invariants;
  }

  /**
   * Returns the final checks for a run whose heal phase ran at {@code healAtNanos}: that every migration
   * ended (S10), L1 and L2.
   *
   * @param healAtNanos the virtual time of the heal phase
   * @param bound the liveness bounds
   * @return the checks, in the order they run
   */
  public List<FinalCheck> finalChecks(long healAtNanos, LivenessBound bound) {
    Objects.requireNonNull(bound, "bound");
    List<FinalCheck> checks = new ArrayList<>();
    if (migrations != null) {
      checks.add(FinalCheck.of("S10", FailureClass.SAFETY, (c, h) -> migrations.finalCheck()));
    }
    checks.add(new Recovery(facts, healAtNanos, bound));
    checks.add(new QuorumRegained(facts, healAtNanos, bound));
    return checks;
  }

  RunFacts facts() {
    return facts;
  }

  Cluster cluster() {
    return cluster;
  }
}
