package io.hvcluster.testkit.engine;

import io.hvcluster.testkit.fault.FaultPlan;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A fault plan applied to a simulation by {@link FaultInjection}: where it stands (faults injected,
 * faults still active, whether the heal phase has run) and when its phases fall in virtual time.
 *
 * <p>Not thread-safe: use it on the simulation's thread.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class InjectedPlan {
  private final FaultPlan plan;
  private final Nemesis nemesis;

  InjectedPlan(FaultPlan plan, Nemesis nemesis) {
    this.plan = Objects.requireNonNull(plan, "plan");
    this.nemesis = Objects.requireNonNull(nemesis, "nemesis");
  }

  /**
   * Returns the plan.
   *
   * @return the plan
   */
  public FaultPlan plan() {
    return plan;
  }

  /**
   * Returns how many faults have been applied so far (a fault that could not be applied is not counted).
   *
   * @return the count
   */
  public int faultsInjected() {
    return nemesis.injected();
  }

  /**
   * Returns how many applied faults have not healed yet.
   *
   * @return the count
   */
  public int activeFaults() {
    return nemesis.activeCount();
  }

  /**
   * Returns whether the heal phase has run.
   *
   * @return true once everything healed
   */
  public boolean healed() {
    return nemesis.healed();
  }

  /**
   * Returns the virtual time at which the plan started (its time 0).
   *
   * @return nanoseconds of simulation time
   */
  public long startNanos() {
    return nemesis.startNanos();
  }

  /**
   * Returns the virtual time of the plan's heal phase.
   *
   * @return nanoseconds of simulation time
   */
  public long healAtNanos() {
    return nemesis.healAtNanos();
  }

  /**
   * Heals everything now, ahead of the plan's heal phase (which then does nothing). Call it on the
   * simulation's thread, for example from an action scheduled on the simulation.
   */
  public void healNow() {
    nemesis.healPhase();
  }
}
