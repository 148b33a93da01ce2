package io.hvcluster.testkit.invariant;

import io.hvcluster.api.spec.ClusterSettings;
import io.hvcluster.api.spec.CostModel;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.RestartAction;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.testkit.fault.DurationText;
import io.hvcluster.testkit.fault.Fault;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.fault.IoLatency;
import io.hvcluster.testkit.fault.IoStall;
import io.hvcluster.api.spec.ClusterSpec;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How long after the heal phase a healthy cluster may take to recover, computed from its policies and
 * cost model (and from the plan, for I/O slowed by faults): the liveness checks L1 and L2 hold the
 * cluster to these bounds.
 *
 * <ul>
 *   <li><b>Quorum</b> (L2): a powered-off host boots (180 s full installation, 120 s Server Core, as the
 *       engine models it), its cluster service restarts (10 s) and starts (2 s), silent nodes are detected
 *       (heartbeat delay × threshold) and the witness is arbitrated (twice the arbitration time).
 *   <li><b>Recovery</b> (L1): quorum, then the group starts: per round of at most
 *       {@code maxConcurrentStartsPerNode} starts, two attempts (a rejected saved state makes the VM cold
 *       boot) of LUN arbitration, handover, the pending timeout (the longest a start may take) and the
 *       restart delay; plus quick migrations in flight at the heal (the pause, device state, handover and
 *       restore set-up, and every VM's whole memory written and read, since concurrent transfers share
 *       one storage path in the worst case); plus, when the plan slowed a LUN, that save and restore at
 *       that slowdown; plus the retry period on failure when
 *       some VM's restart action is not {@code RESTART_NOTIFY}.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * LivenessBound bound = LivenessBound.of(spec, plan);
 * System.out.println(bound.explain());
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class LivenessBound {
  /** The engine's host boot after power-on: a full installation; Server Core takes 120 s. */
  static final Duration HOST_BOOT_FULL = Duration.ofSeconds(180);
  static final Duration HOST_BOOT_CORE = Duration.ofSeconds(120);
  static final Duration SERVICE_RESTART = Duration.ofSeconds(10);
  static final Duration SERVICE_START = Duration.ofSeconds(2);
  static final Duration RESTART_DELAY = Duration.ofMillis(500);
  /**
   * The slowdown that stands for a stalled LUN ({@code io-stall}): the engine has no I/O that waits
   * forever, so the fault binding slows the LUN down this much; a transfer that starts during the stall
   * takes this many times as long (a boot then runs into its pending timeout).
   */
  public static final double STALL_SLOWDOWN = 100.0;

  private final Duration quorum;
  private final Duration recovery;
  private final String explanation;

  private LivenessBound(Duration quorum, Duration recovery, String explanation) {
    this.quorum = quorum;
    this.recovery = recovery;
    this.explanation = explanation;
  }

  /**
   * Computes the bounds for a cluster and a plan.
   *
   * @param spec the cluster
   * @param plan the plan (its I/O slowdowns lengthen the bound)
   * @return the bounds
   */
  public static LivenessBound of(ClusterSpec spec, FaultPlan plan) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(plan, "plan");
    ClusterSettings settings = spec.settings();
    CostModel costs = settings.costs();
    Duration boot = Duration.ZERO;
    for (HostSpec h : spec.hosts()) {
      Duration b = h.installation() == Installation.SERVER_CORE ? HOST_BOOT_CORE : HOST_BOOT_FULL;
      boot = b.compareTo(boot) > 0 ? b : boot;
    }
    Duration detection = settings.detectionTime();
    boolean subnets = spec.hosts().stream().map(HostSpec::subnet).distinct().count() > 1;
    if (subnets && settings.crossSubnetDetectionTime().compareTo(detection) > 0) {
      detection = settings.crossSubnetDetectionTime();
    }
    Duration quorum = boot.plus(SERVICE_RESTART).plus(SERVICE_START).plus(detection)
        .plus(costs.arbitration().multipliedBy(2));
    Duration pending = Duration.ZERO;
    long memory = 0;
    boolean retries = false;
    for (VmSpec vm : spec.vms()) {
      Duration p = vm.failover().pendingTimeout();
      pending = p.compareTo(pending) > 0 ? p : pending;
      // Transfers share the storage paths: in the worst case every VM's memory crosses one path.
      memory += vm.memoryBytes();
      retries |= vm.failover().restartAction() != RestartAction.RESTART_NOTIFY;
    }
    Duration attempt = costs.arbitration().plus(costs.lunHandover()).plus(pending).plus(RESTART_DELAY);
    int rounds = Math.max(1, (spec.vms().size() + settings.maxConcurrentStartsPerNode() - 1)
        / settings.maxConcurrentStartsPerNode());
    Duration starts = attempt.multipliedBy(2L * rounds);
    Duration migration = costs.storageWrite(memory).plus(costs.quickMigrationFixed(true))
        .plus(costs.storageRead(memory));
    double slowdown = 1.0;
    for (Fault f : plan.faults()) {
      if (f instanceof IoLatency) {
        slowdown = Math.max(slowdown, ((IoLatency) f).factor());
      } else if (f instanceof IoStall) {
        slowdown = Math.max(slowdown, STALL_SLOWDOWN);
      }
    }
    Duration slow = slowdown <= 1.0 ? Duration.ZERO : Duration.ofNanos((long) (slowdown
        * (costs.storageWrite(memory).toNanos() + costs.storageRead(memory).toNanos()))).plus(costs.restoreSetup());
    Duration retry = Duration.ZERO;
    if (retries) {
      for (VmSpec vm : spec.vms()) {
        Duration r = vm.failover().retryPeriodOnFailure();
        retry = r.compareTo(retry) > 0 ? r : retry;
      }
    }
    Duration recovery = quorum.plus(starts).plus(migration).plus(slow).plus(retry);
    String explanation = "quorum within " + DurationText.format(quorum) + " (host boot " + DurationText.format(boot)
        + " + service restart " + DurationText.format(SERVICE_RESTART) + " + start " + DurationText.format(SERVICE_START)
        + " + detection " + DurationText.format(detection) + " + 2 x arbitration " + DurationText.format(costs.arbitration())
        + "); VMs running within " + DurationText.format(recovery) + " (quorum + " + rounds + " start round(s) x 2"
        + " attempts x " + DurationText.format(attempt) + " [arbitration + handover + pending timeout + restart delay]"
        + " + quick migration in flight " + DurationText.format(migration)
        + (slow.isZero() ? "" : " + I/O slowed " + (long) slowdown + "x " + DurationText.format(slow))
        + (retry.isZero() ? "" : " + retry period " + DurationText.format(retry)) + ")";
    return new LivenessBound(quorum, recovery, explanation);
  }

  /**
   * Returns how long after the heal phase quorum may take to come back.
   *
   * @return the bound
   */
  public Duration quorum() {
    return quorum;
  }

  /**
   * Returns how long after the heal phase every VM that should run may take to run again.
   *
   * @return the bound
   */
  public Duration recovery() {
    return recovery;
  }

  /**
   * Returns how the bounds were computed, term by term.
   *
   * @return the explanation
   */
  public String explain() {
    return explanation;
  }

  /** Returns the {@link #explain() explanation}. */
  @Override
  public String toString() {
    return explanation;
  }
}
