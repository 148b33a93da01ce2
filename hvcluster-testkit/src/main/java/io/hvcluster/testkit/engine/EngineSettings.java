package io.hvcluster.testkit.engine;

import io.hvcluster.api.MemoryBacking;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.core.defect.Defect;
import io.hvcluster.core.HeartbeatMode;
import io.hvcluster.core.migration.QuickMigration;
import io.hvcluster.core.placement.Placements;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * How engine runs are set up: memory backing, heartbeat mode, deliberate defects, migration strategies,
 * the placement policy and the strategy of planned moves (both from the first placement on), whether to
 * keep trace lines, and how long a new cluster may take to settle before the plan starts.
 * With real memory each run gets a directory of its own under a temporary directory, removed when the
 * run is closed.
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * EngineSettings settings = EngineSettings.defaults().realMemory().defects(Defect.IGNORE_QUORUM);
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class EngineSettings {
  private final MemoryBacking memory;
  private final HeartbeatMode heartbeats;
  private final Set<Defect> defects;
  private final MigrationStrategies strategies;
  private final boolean traceLines;
  private final Duration settleLimit;
  private final Supplier<? extends PlacementPolicy> placement;
  private final Supplier<? extends MigrationStrategy> plannedMoves;

  private EngineSettings(MemoryBacking memory, HeartbeatMode heartbeats, Set<Defect> defects,
      MigrationStrategies strategies, boolean traceLines, Duration settleLimit,
      Supplier<? extends PlacementPolicy> placement, Supplier<? extends MigrationStrategy> plannedMoves) {
    this.memory = memory;
    this.heartbeats = heartbeats;
    this.defects = defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
    this.strategies = strategies;
    this.traceLines = traceLines;
    this.settleLimit = settleLimit;
    this.placement = placement;
    this.plannedMoves = plannedMoves;
  }

  /**
   * Returns the defaults: modeled memory, elided heartbeats, no defects, default strategies, no trace
   * lines, 15 minutes to settle, Windows Server 2008's placement ({@link Placements#wsfcDefault()}) and
   * Quick Migration for planned moves ({@link QuickMigration#lazy()}).
   *
   * @return the settings
   */
  public static EngineSettings defaults() {
    return new EngineSettings(MemoryBacking.MODELED, HeartbeatMode.ELIDED, Set.of(), MigrationStrategies.defaults(),
        false, Duration.ofMinutes(15), Placements::wsfcDefault, QuickMigration::lazy);
  }

  /**
   * Returns a copy with real memory: guest memory in sparse memory-mapped files and saved states on
   * disk, in a temporary directory per run.
   *
   * @return the copy
   */
  public EngineSettings realMemory() {
    return new EngineSettings(MemoryBacking.REAL, heartbeats, defects, strategies, traceLines, settleLimit, placement,
        plannedMoves);
  }

  /**
   * Returns a copy with another heartbeat mode.
   *
   * @param mode the mode
   * @return the copy
   */
  public EngineSettings heartbeatMode(HeartbeatMode mode) {
    return new EngineSettings(memory, Objects.requireNonNull(mode, "mode"), defects, strategies, traceLines,
        settleLimit, placement, plannedMoves);
  }

  /**
   * Returns a copy with deliberate engine defects, for testing the checkers. {@link Defect} is exported
   * only to the testkit and the command-line tool, so only they can call this.
   *
   * @param enabled the defects
   * @return the copy
   */
  @SuppressWarnings("exports")
  public EngineSettings defects(Defect... enabled) {
    Set<Defect> d = EnumSet.noneOf(Defect.class);
    d.addAll(Set.of(enabled));
    return new EngineSettings(memory, heartbeats, d, strategies, traceLines, settleLimit, placement, plannedMoves);
  }

  /**
   * Returns a copy with other migration strategies.
   *
   * @param newStrategies the strategies
   * @return the copy
   */
  public EngineSettings strategies(MigrationStrategies newStrategies) {
    return new EngineSettings(memory, heartbeats, defects, Objects.requireNonNull(newStrategies, "strategies"),
        traceLines, settleLimit, placement, plannedMoves);
  }

  /**
   * Returns a copy that keeps every trace line of a run (for the determinism check's first difference).
   *
   * @return the copy
   */
  public EngineSettings traceLines() {
    return new EngineSettings(memory, heartbeats, defects, strategies, true, settleLimit, placement, plannedMoves);
  }

  /**
   * Returns a copy with another limit on settling.
   *
   * @param limit how long a new cluster may take to form and start its VMs
   * @return the copy
   */
  public EngineSettings settleLimit(Duration limit) {
    return new EngineSettings(memory, heartbeats, defects, strategies, traceLines,
        Objects.requireNonNull(limit, "limit"), placement, plannedMoves);
  }

  /**
   * Returns a copy whose runs place groups with a policy of their own, from the first placement on (the
   * initial start of every VM) to the last. The factory is called once per run, so a policy that keeps
   * what it saw (a checker, a recorder) starts afresh in every try; pass {@code () -> policy} for a
   * stateless one. Example:
   *
   * <pre>{@code
   * EngineSettings settings = EngineSettings.defaults().placementPolicy(MostFreeMemory::new);
   * }</pre>
   *
   * @param perRun makes the policy of one run; it must not return null
   * @return the copy
   */
  public EngineSettings placementPolicy(Supplier<? extends PlacementPolicy> perRun) {
    return new EngineSettings(memory, heartbeats, defects, strategies, traceLines, settleLimit,
        Objects.requireNonNull(perRun, "placement policy factory"), plannedMoves);
  }

  /**
   * Returns a copy whose runs move running VMs in planned moves (a drain, a failback, a node leaving the
   * cluster) with a strategy of their own; the factory is called once per run. Operator migrate
   * operations of a workload use {@link #strategies(MigrationStrategies)} instead.
   *
   * @param perRun makes the strategy of one run; it must not return null
   * @return the copy
   */
  public EngineSettings plannedMoves(Supplier<? extends MigrationStrategy> perRun) {
    return new EngineSettings(memory, heartbeats, defects, strategies, traceLines, settleLimit, placement,
        Objects.requireNonNull(perRun, "planned-move strategy factory"));
  }

  /**
   * Returns a new placement policy for one run, from the factory {@link #placementPolicy(Supplier)} set.
   *
   * @return the policy
   * @throws NullPointerException when the factory returned null
   */
  public PlacementPolicy newPlacementPolicy() {
    return Objects.requireNonNull(placement.get(), "the placement policy factory returned null");
  }

  /**
   * Returns a new strategy of planned moves for one run, from the factory {@link #plannedMoves(Supplier)} set.
   *
   * @return the strategy
   * @throws NullPointerException when the factory returned null
   */
  public MigrationStrategy newPlannedMoves() {
    return Objects.requireNonNull(plannedMoves.get(), "the planned-move strategy factory returned null");
  }

  /**
   * Returns the memory backing.
   *
   * @return the backing
   */
  public MemoryBacking memory() {
    return memory;
  }

  /**
   * Returns the heartbeat mode.
   *
   * @return the mode
   */
  public HeartbeatMode heartbeatMode() {
    return heartbeats;
  }

  /**
   * Returns the deliberate defects.
   *
   * @return the defects
   */
  @SuppressWarnings("exports")
  public Set<Defect> defects() {
    return Set.copyOf(defects);
  }

  /**
   * Returns the migration strategies.
   *
   * @return the strategies
   */
  public MigrationStrategies strategies() {
    return strategies;
  }

  /**
   * Returns whether runs keep their trace lines.
   *
   * @return true when they do
   */
  public boolean keepsTraceLines() {
    return traceLines;
  }

  /**
   * Returns how long a new cluster may take to settle.
   *
   * @return the limit
   */
  public Duration settleLimit() {
    return settleLimit;
  }
}
