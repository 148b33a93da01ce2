package io.hvcluster.testkit.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * When a fault starts, measured in virtual time from the start of its plan, and how long it lasts. A
 * fault without a duration lasts until the plan's heal phase; instantaneous faults (bit rot, a torn
 * write, a VM crash and the like) have none.
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * Timing t = Timing.at(Duration.ofSeconds(5)).lasting(Duration.ofSeconds(30)); // from 5 s to 35 s
 * }</pre>
 *
 * @param at the start, zero or positive, from the start of the plan
 * @param duration how long the fault lasts before it heals; empty to last until the heal phase
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Timing(Duration at, Optional<Duration> duration) {
  /**
   * Creates a timing after checking it.
   *
   * @param at the start, zero or positive
   * @param duration how long the fault lasts; empty to last until the heal phase
   * @throws IllegalArgumentException when the start is negative or the duration is not positive
   */
  public Timing {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(duration, "duration");
    if (at.isNegative()) {
      throw new IllegalArgumentException("fault start " + at + " is negative; faults start at 0s or later");
    }
    duration.ifPresent(d -> {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("fault duration " + d + " must be positive; omit it to last until the heal phase");
      }
    });
  }

  /**
   * Returns a timing that starts at {@code at} and lasts until the heal phase.
   *
   * @param at the start
   * @return the timing
   */
  public static Timing at(Duration at) {
    return new Timing(at, Optional.empty());
  }

  /**
   * Returns a timing that starts {@code seconds} into the plan and lasts until the heal phase.
   *
   * @param seconds the start in seconds
   * @return the timing
   */
  public static Timing atSeconds(long seconds) {
    return at(Duration.ofSeconds(seconds));
  }

  /**
   * Returns a copy that lasts for the given duration.
   *
   * @param length how long the fault lasts, positive
   * @return the timing
   */
  public Timing lasting(Duration length) {
    return new Timing(at, Optional.of(length));
  }

  /**
   * Returns a copy that lasts until the heal phase.
   *
   * @return the timing
   */
  public Timing untilHeal() {
    return new Timing(at, Optional.empty());
  }

  /**
   * Returns a copy that starts at another time, with the same duration.
   *
   * @param start the new start
   * @return the timing
   */
  public Timing startingAt(Duration start) {
    return new Timing(start, duration);
  }

  /**
   * Returns when the fault heals on its own, if it has a duration.
   *
   * @return the start plus the duration
   */
  public Optional<Duration> end() {
    return duration.map(at::plus);
  }

  /** Returns the timing as text, for example {@code "at 5s for 30s"}. */
  @Override
  public String toString() {
    return "at " + DurationText.format(at) + duration.map(d -> " for " + DurationText.format(d)).orElse("");
  }
}
