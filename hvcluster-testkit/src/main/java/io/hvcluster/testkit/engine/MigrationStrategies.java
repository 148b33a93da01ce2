package io.hvcluster.testkit.engine;

import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.core.migration.QuickMigration;
import io.hvcluster.testkit.workload.Operation.MigrationKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which {@link MigrationStrategy} carries out each kind of migrate operation of a workload.
 *
 * <p>By default both kinds use Quick Migration ({@link QuickMigration#lazy()}): Live Migration is being
 * written and is not in the engine yet, so a {@code live} operation runs as a quick one until it is
 * plugged in here with {@link #with}. Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * MigrationStrategies strategies = MigrationStrategies.defaults().with(MigrationKind.LIVE, myLiveMigration);
 * }</pre>
 */
public final class MigrationStrategies {
  private final Map<MigrationKind, MigrationStrategy> byKind;

  private MigrationStrategies(Map<MigrationKind, MigrationStrategy> byKind) {
    this.byKind = byKind;
  }

  /**
   * Returns the defaults: Quick Migration for both kinds (live: until Live Migration lands).
   *
   * @return the strategies
   */
  public static MigrationStrategies defaults() {
    Map<MigrationKind, MigrationStrategy> m = new EnumMap<>(MigrationKind.class);
    m.put(MigrationKind.QUICK, QuickMigration.lazy());
    m.put(MigrationKind.LIVE, QuickMigration.lazy());
    return new MigrationStrategies(m);
  }

  /**
   * Returns a copy in which {@code kind} uses {@code strategy}.
   *
   * @param kind the kind of migrate operation
   * @param strategy the strategy
   * @return the copy
   */
  public MigrationStrategies with(MigrationKind kind, MigrationStrategy strategy) {
    Map<MigrationKind, MigrationStrategy> m = new EnumMap<>(byKind);
    m.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(strategy, "strategy"));
    return new MigrationStrategies(m);
  }

  /**
   * Returns the strategy for a kind.
   *
   * @param kind the kind
   * @return the strategy
   */
  public MigrationStrategy strategy(MigrationKind kind) {
    return byKind.get(kind);
  }
}
