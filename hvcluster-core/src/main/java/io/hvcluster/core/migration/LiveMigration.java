package io.hvcluster.core.migration;

import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.migration.MigrationContext;
import io.hvcluster.api.migration.MigrationStrategy;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Hyper-V's Live Migration (Windows Server 2008 R2): moves a running VM with a blackout short enough that
 * its clients keep their TCP sessions. Memory is pre-copied over the migration network while the guest
 * keeps writing; only the pages it dirtied during the last pass are copied with the VM frozen.
 *
 * <pre>
 *  pre-copy    pass 1 sends every touched page; pass n sends the pages dirtied during pass n-1
 *     |  after each pass: do the dirty pages fit the downtime limit at link speed?
 *     |-- yes ------------------------------.          no, and passes remain: next pass (auto-converge
 *     |                                     v          throttles the guest when it dirties fast)
 *     |                            stop-and-copy       frozen: the last dirty pages cross the link
 *     |-- no, passes used up           |  ordinary LUNs: release-storage, arbitrate (inside the blackout)
 *     v                                v
 *  fall back to Quick Migration    switchover          the VM runs on the target; the source confirms
 *  (or abandon: VM stays on source)                    (probes the target if the acknowledgement is lost)
 * </pre>
 *
 * <p>A cut migration link rolls the migration back at the next check (before and after every pass),
 * thawing the VM if it was frozen: it keeps running on the source. Crashes of the source or target are
 * resolved by the cluster (rollback onto the source, or the failover engine). Downtime is measured by the
 * cluster: the stop-and-copy, plus the LUN handover for a VM on ordinary LUNs; none for the LUNs of a VM
 * on Cluster Shared Volumes.
 *
 * <p>Example:
 * <pre>{@code
 * LiveMigration live = LiveMigration.builder()
 *     .downtimeLimit(Duration.ofMillis(300)).maxPasses(5)
 *     .autoConverge(true).fallback(LiveMigration.Fallback.QUICK)
 *     .build();
 * MigrationHandle handle = cluster.migrate(VmId.of("web"), HostId.of("n2"), live);
 * sim.runUntil(handle::isDone, Duration.ofMinutes(5));
 * handle.result().orElseThrow().passes().forEach(System.out::println);
 * }</pre>
 *
 * <p>Immutable and thread-safe; one instance may run any number of migrations.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class LiveMigration implements MigrationStrategy {
  /**
   * What a live migration does when its pre-copy cannot converge within its passes.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Fallback {
    /** Pause and move the VM through its LUN as Quick Migration does (Windows Server 2008 behaviour). */
    QUICK,
    /** Give up: the VM keeps running on the source and the migration ends as rolled back. */
    FAIL
  }

  private static final LiveMigration DEFAULTS = builder().build();

  private final Duration downtimeLimit;
  private final int maxPasses;
  private final boolean autoConverge;
  private final double throttleTrigger;
  private final double throttleInitial;
  private final double throttleIncrement;
  private final double throttleMax;
  private final Fallback fallback;

  private LiveMigration(Builder b) {
    this.downtimeLimit = b.downtimeLimit;
    this.maxPasses = b.maxPasses;
    this.autoConverge = b.autoConverge;
    this.throttleTrigger = b.throttleTrigger;
    this.throttleInitial = b.throttleInitial;
    this.throttleIncrement = b.throttleIncrement;
    this.throttleMax = b.throttleMax;
    this.fallback = b.fallback;
  }

  /**
   * Returns the strategy with QEMU's and Hyper-V's defaults: a 300 ms downtime limit, at most 5 passes,
   * no auto-converge, and a fallback to Quick Migration.
   *
   * @return the strategy
   */
  public static LiveMigration withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder starting from the defaults of {@link #withDefaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "live";
  }

  /** Live Migration came with Windows Server 2008 R2. */
  @Override
  public io.hvcluster.api.spec.Era introducedIn() {
    return io.hvcluster.api.spec.Era.WS2008_R2;
  }

  @Override
  public void start(MigrationContext context) {
    new PreCopy(this, context).begin();
  }

  /** Windows Server 2008 R2 runs one live migration at a time out of a host; the others queue. */
  @Override
  public boolean oneAtATimePerSourceHost() {
    return true;
  }

  /**
   * Returns the longest blackout the stop-and-copy may take at link speed.
   *
   * @return the downtime limit
   */
  public Duration downtimeLimit() {
    return downtimeLimit;
  }

  /**
   * Returns the most memory-copy passes, the stop-and-copy included.
   *
   * @return 2 or more
   */
  public int maxPasses() {
    return maxPasses;
  }

  /**
   * Returns whether the guest is throttled when it dirties memory faster than the passes send it.
   *
   * @return true when auto-converge is on
   */
  public boolean autoConverge() {
    return autoConverge;
  }

  /**
   * Returns the share of a pass's sent bytes that the bytes dirtied meanwhile must exceed to throttle.
   *
   * @return 0.01 to 1
   */
  public double throttleTrigger() {
    return throttleTrigger;
  }

  /**
   * Returns the first throttle applied.
   *
   * @return a fraction of the guest's write rate taken away
   */
  public double throttleInitial() {
    return throttleInitial;
  }

  /**
   * Returns how much the throttle grows each time it triggers again.
   *
   * @return a fraction
   */
  public double throttleIncrement() {
    return throttleIncrement;
  }

  /**
   * Returns the strongest throttle.
   *
   * @return at most 0.99
   */
  public double throttleMax() {
    return throttleMax;
  }

  /**
   * Returns what happens when the pre-copy does not converge.
   *
   * @return the fallback
   */
  public Fallback fallback() {
    return fallback;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "live(downtime limit %d ms, %d passes, auto-converge %s, fallback %s)",
        downtimeLimit.toMillis(), maxPasses, autoConverge ? String.format(Locale.ROOT, "%.0f%%+%.0f%% up to %.0f%%",
            throttleInitial * 100, throttleIncrement * 100, throttleMax * 100) : "off",
        fallback.name().toLowerCase(Locale.ROOT));
  }

  /**
   * Builds a {@link LiveMigration}; every setter checks its value at once. Not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private Duration downtimeLimit = Duration.ofMillis(300);
    private int maxPasses = 5;
    private boolean autoConverge;
    private double throttleTrigger = 0.5;
    private double throttleInitial = 0.2;
    private double throttleIncrement = 0.1;
    private double throttleMax = 0.99;
    private Fallback fallback = Fallback.QUICK;

    private Builder() {}

    /**
     * Sets the longest blackout the stop-and-copy may take at link speed (QEMU's {@code downtime-limit});
     * the pre-copy stops once the dirty pages fit it. A LUN handover inside the blackout comes on top.
     *
     * @param limit positive; default 300 ms
     * @return this builder
     * @throws InvalidConfigurationException when the limit is missing, zero or negative
     */
    public Builder downtimeLimit(Duration limit) {
      Objects.requireNonNull(limit, "downtime limit");
      if (limit.isZero() || limit.isNegative()) {
        throw new InvalidConfigurationException("downtime limit is " + limit + "; it must be positive");
      }
      this.downtimeLimit = limit;
      return this;
    }

    /**
     * Sets the most memory-copy passes, the stop-and-copy included (Hyper-V: 5). When the dirty pages
     * still do not fit the downtime limit with one pass left, the migration falls back.
     *
     * @param passes 2 to 1000; default 5
     * @return this builder
     * @throws InvalidConfigurationException when out of range
     */
    public Builder maxPasses(int passes) {
      if (passes < 2 || passes > 1000) {
        throw new InvalidConfigurationException("max passes is " + passes
            + "; allowed: 2 to 1000 (at least one pre-copy pass and the stop-and-copy)");
      }
      this.maxPasses = passes;
      return this;
    }

    /**
     * Turns auto-converge on or off: when the guest dirtied more than the trigger share of what a pass sent,
     * its writes are throttled, more after each such pass (QEMU's {@code auto-converge}).
     *
     * @param on true to throttle; default false
     * @return this builder
     */
    public Builder autoConverge(boolean on) {
      this.autoConverge = on;
      return this;
    }

    /**
     * Sets the auto-converge parameters (QEMU's defaults: trigger 0.5, initial 0.2, increment 0.1,
     * max 0.99).
     *
     * @param trigger throttle when the bytes dirtied during a pass exceed this share of the bytes it
     *     sent; 0.01 to 1
     * @param initial the first throttle, a fraction of the write rate taken away; 0.01 to {@code max}
     * @param increment added each time it triggers again; 0 to 0.99
     * @param max the strongest throttle; {@code initial} to 0.99
     * @return this builder
     * @throws InvalidConfigurationException when a value is out of range
     */
    public Builder autoConvergeThrottle(double trigger, double initial, double increment, double max) {
      check("throttle trigger", trigger, 0.01, 1.0);
      check("maximum throttle", max, 0.01, 0.99);
      check("initial throttle", initial, 0.01, max);
      check("throttle increment", increment, 0.0, 0.99);
      this.throttleTrigger = trigger;
      this.throttleInitial = initial;
      this.throttleIncrement = increment;
      this.throttleMax = max;
      return this;
    }

    /**
     * Sets what happens when the pre-copy does not converge.
     *
     * @param fallback {@link Fallback#QUICK} (default) or {@link Fallback#FAIL}
     * @return this builder
     */
    public Builder fallback(Fallback fallback) {
      this.fallback = Objects.requireNonNull(fallback, "fallback");
      return this;
    }

    /**
     * Builds the strategy.
     *
     * @return the strategy
     */
    public LiveMigration build() {
      return new LiveMigration(this);
    }

    private static void check(String what, double value, double min, double max) {
      if (!(value >= min && value <= max)) {
        throw new InvalidConfigurationException(what + " is " + value + "; allowed: " + min + " to " + max);
      }
    }
  }
}
