package io.hvcluster.testkit.fault;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The heal phase that ends every fault plan (Jepsen's final generator): at {@code at} every fault
 * still active heals, and no new fault starts; then the plan waits {@code quiet} so that liveness
 * checks can demand that the cluster converges.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param at when everything heals, from the start of the plan
 * @param quiet how long the fault-free period after healing lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Heal(Duration at, Duration quiet) {
  /** The default quiet period: five minutes of virtual time. */
  public static final Duration DEFAULT_QUIET = Duration.ofMinutes(5);

  /**
   * Creates a heal phase after checking it.
   *
   * @param at when everything heals, zero or positive
   * @param quiet how long the fault-free period lasts, zero or positive
   * @throws IllegalArgumentException when a duration is negative
   */
  public Heal {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(quiet, "quiet");
    if (at.isNegative() || quiet.isNegative()) {
      throw new IllegalArgumentException("heal phase at " + at + " with quiet " + quiet + " must not be negative");
    }
  }

  /**
   * Returns a heal phase at the given time with the default quiet period.
   *
   * @param at when everything heals
   * @return the heal phase
   */
  public static Heal at(Duration at) {
    return new Heal(at, DEFAULT_QUIET);
  }

  /**
   * Returns when the plan ends: the heal time plus the quiet period.
   *
   * @return the end
   */
  public Duration end() {
    return at.plus(quiet);
  }
}
