package io.hvcluster.api.spec;

import io.hvcluster.api.InvalidConfigurationException;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * How the cluster restarts a failed VM and fails its group over, with the Windows Server 2008
 * defaults: restart action {@code RESTART_NOTIFY}, 3 restarts in 15 minutes, pending timeout 3 minutes,
 * retry period on failure 1 hour, failover threshold of nodes − 1 in 6 hours, failback prevented.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param restartAction what to do when the VM resource fails
 * @param restartThreshold restarts allowed inside {@code restartPeriod} before the group fails over
 *     (0 to 100)
 * @param restartPeriod the sliding window of the restart threshold
 * @param pendingTimeout how long a start may stay online-pending before it counts as failed
 * @param retryPeriodOnFailure how long a resource stays failed before the cluster tries it again
 * @param failoverThreshold failovers allowed inside {@code failoverPeriod}, or -1 for the number of
 *     nodes minus one
 * @param failoverPeriod the window of the failover threshold, 1 to 1193 hours
 * @param failback whether the group moves back to its preferred owner
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record FailoverPolicy(
    RestartAction restartAction,
    int restartThreshold,
    Duration restartPeriod,
    Duration pendingTimeout,
    Duration retryPeriodOnFailure,
    int failoverThreshold,
    Duration failoverPeriod,
    FailbackPolicy failback) {

  private static final FailoverPolicy DEFAULTS = new FailoverPolicy(RestartAction.RESTART_NOTIFY, 3,
      Duration.ofMinutes(15), Duration.ofMinutes(3), Duration.ofHours(1), -1, Duration.ofHours(6),
      FailbackPolicy.prevent());

  /**
   * Creates a failover policy after validating it.
   *
   * @param restartAction what to do when the VM resource fails
   * @param restartThreshold restarts allowed inside {@code restartPeriod} before the group fails over (0 to 100)
   * @param restartPeriod the sliding window of the restart threshold
   * @param pendingTimeout how long a start may stay online-pending before it counts as failed
   * @param retryPeriodOnFailure how long a resource stays failed before the cluster tries it again
   * @param failoverThreshold failovers allowed inside {@code failoverPeriod}, or -1 for the number of nodes minus one
   * @param failoverPeriod the window of the failover threshold, 1 to 1193 hours
   * @param failback whether the group moves back to its preferred owner
   * @throws InvalidConfigurationException when a field is missing or out of range
   */
  public FailoverPolicy {
    Checks.notNull("restart action", restartAction);
    Checks.range("restart threshold", restartThreshold, 0, 100);
    Checks.positive("restart period", restartPeriod);
    Checks.positive("pending timeout", pendingTimeout);
    if (pendingTimeout.toMillis() < 10) {
      throw new InvalidConfigurationException("pending timeout is " + pendingTimeout.toMillis() + " ms; the minimum is 10 ms");
    }
    Checks.positive("retry period on failure", retryPeriodOnFailure);
    Checks.range("failover threshold", failoverThreshold, -1, 1000);
    Checks.positive("failover period", failoverPeriod);
    if (failoverPeriod.compareTo(Duration.ofHours(1193)) > 0) {
      throw new InvalidConfigurationException("failover period is " + failoverPeriod.toHours()
          + " hours; allowed: up to 1193 hours");
    }
    Checks.notNull("failback policy", failback);
  }

  /**
   * Returns the Windows Server 2008 defaults.
   *
   * @return the default policy
   */
  public static FailoverPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns the failover threshold that applies in a cluster of the given size.
   *
   * @param nodes the number of nodes in the cluster
   * @return {@code failoverThreshold}, or {@code nodes - 1} when it is -1
   */
  public int effectiveFailoverThreshold(int nodes) {
    return failoverThreshold < 0 ? Math.max(0, nodes - 1) : failoverThreshold;
  }

  /**
   * Returns a copy with another restart threshold and period.
   *
   * @param threshold restarts allowed in the period
   * @param period the sliding window
   * @return the new policy
   */
  public FailoverPolicy withRestart(int threshold, Duration period) {
    return new FailoverPolicy(restartAction, threshold, period, pendingTimeout, retryPeriodOnFailure,
        failoverThreshold, failoverPeriod, failback);
  }

  /**
   * Returns a copy with another restart action.
   *
   * @param action the restart action
   * @return the new policy
   */
  public FailoverPolicy withRestartAction(RestartAction action) {
    return new FailoverPolicy(action, restartThreshold, restartPeriod, pendingTimeout, retryPeriodOnFailure,
        failoverThreshold, failoverPeriod, failback);
  }

  /**
   * Returns a copy with another failover threshold and period.
   *
   * @param threshold failovers allowed in the period, or -1 for nodes − 1
   * @param period the window
   * @return the new policy
   */
  public FailoverPolicy withFailover(int threshold, Duration period) {
    return new FailoverPolicy(restartAction, restartThreshold, restartPeriod, pendingTimeout, retryPeriodOnFailure,
        threshold, period, failback);
  }

  /**
   * Returns a copy with another pending timeout.
   *
   * @param timeout the pending timeout
   * @return the new policy
   */
  public FailoverPolicy withPendingTimeout(Duration timeout) {
    return new FailoverPolicy(restartAction, restartThreshold, restartPeriod, timeout, retryPeriodOnFailure,
        failoverThreshold, failoverPeriod, failback);
  }

  /**
   * Returns a copy with another retry period on failure.
   *
   * @param period how long a failed resource waits before the cluster tries it again
   * @return the new policy
   */
  public FailoverPolicy withRetryPeriodOnFailure(Duration period) {
    return new FailoverPolicy(restartAction, restartThreshold, restartPeriod, pendingTimeout, period,
        failoverThreshold, failoverPeriod, failback);
  }

  /**
   * Returns a copy with another failback policy.
   *
   * @param policy the failback policy
   * @return the new policy
   */
  public FailoverPolicy withFailback(FailbackPolicy policy) {
    return new FailoverPolicy(restartAction, restartThreshold, restartPeriod, pendingTimeout, retryPeriodOnFailure,
        failoverThreshold, failoverPeriod, policy);
  }
}
