package io.hvcluster.api.spec;

import io.hvcluster.api.InvalidConfigurationException;
import org.apiguardian.api.API;

/**
 * Whether and when a group moves back to its most preferred owner when that node returns, after WSFC's
 * {@code AutoFailbackType} with {@code FailbackWindowStart} and {@code FailbackWindowEnd}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param type prevent or allow failback
 * @param windowStartHour the first hour of the day (0 to 23) in which failback may happen, or -1 for
 *     no window (immediately)
 * @param windowEndHour the hour (0 to 23) at which the window closes, or -1 for no window; a window
 *     may wrap past midnight
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record FailbackPolicy(FailbackType type, int windowStartHour, int windowEndHour) {
  /**
   * Creates a failback policy after validating it.
   *
   * @param type prevent or allow failback
   * @param windowStartHour the first hour of the day (0 to 23) in which failback may happen, or -1 for no window (immediately)
   * @param windowEndHour the hour (0 to 23) at which the window closes, or -1 for no window; a window may wrap past midnight
   * @throws InvalidConfigurationException when an hour is out of range or only one end of the window is set
   */
  public FailbackPolicy {
    Checks.notNull("failback type", type);
    Checks.range("failback window start hour", windowStartHour, -1, 23);
    Checks.range("failback window end hour", windowEndHour, -1, 23);
    if ((windowStartHour < 0) != (windowEndHour < 0)) {
      throw new InvalidConfigurationException("failback window has start " + windowStartHour + " and end "
          + windowEndHour + "; set both hours (0 to 23) for a window, or both to -1 for none");
    }
    if (windowStartHour >= 0 && windowStartHour == windowEndHour) {
      throw new InvalidConfigurationException("failback window starts and ends at hour " + windowStartHour
          + "; a window needs distinct start and end hours");
    }
  }

  /**
   * Returns the default: never fail back.
   *
   * @return the policy
   */
  public static FailbackPolicy prevent() {
    return new FailbackPolicy(FailbackType.PREVENT, -1, -1);
  }

  /**
   * Returns a policy that fails back as soon as the preferred owner is up.
   *
   * @return the policy
   */
  public static FailbackPolicy immediately() {
    return new FailbackPolicy(FailbackType.ALLOW, -1, -1);
  }

  /**
   * Returns a policy that fails back only inside a window of hours of the simulated day.
   *
   * @param startHour the first hour, 0 to 23
   * @param endHour the hour at which the window closes, 0 to 23
   * @return the policy
   */
  public static FailbackPolicy window(int startHour, int endHour) {
    return new FailbackPolicy(FailbackType.ALLOW, startHour, endHour);
  }

  /**
   * Returns whether failback may happen at the given hour of the day.
   *
   * @param hourOfDay 0 to 23
   * @return false when failback is prevented or the hour is outside the window
   */
  public boolean allowsAt(int hourOfDay) {
    if (type == FailbackType.PREVENT) {
      return false;
    }
    if (windowStartHour < 0) {
      return true;
    }
    return windowStartHour < windowEndHour
        ? hourOfDay >= windowStartHour && hourOfDay < windowEndHour
        : hourOfDay >= windowStartHour || hourOfDay < windowEndHour;
  }
}
