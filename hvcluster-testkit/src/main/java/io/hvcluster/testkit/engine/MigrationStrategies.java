package io.hvcluster.testkit.engine;

import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.core.migration.LiveMigration;
import io.hvcluster.core.migration.QuickMigration;
import io.hvcluster.api.migration.MigrationKind;
import io.hvcluster.core.migration.ColdMigration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Which {@link MigrationStrategy} carries out each kind of migrate operation of a workload.
 *
 * <p>By default a {@code quick} operation uses Quick Migration with a lazy restore
 * ({@link QuickMigration#lazy()}) and a {@code live} one Live Migration with its defaults
 * ({@link LiveMigration#withDefaults()}: at most 5 pre-copy passes, a 300 ms downtime limit, falling back
 * to Quick Migration when it does not converge). Plug in other strategies with {@link #with}. Instances
 * are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * MigrationStrategies strategies = MigrationStrategies.defaults().with(MigrationKind.LIVE, myLiveMigration);
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MigrationStrategies {
  private final Map<MigrationKind, MigrationStrategy> byKind;

  private MigrationStrategies(Map<MigrationKind, MigrationStrategy> byKind) {
    this.byKind = byKind;
  }

  /**
   * Returns the defaults: Quick Migration with a lazy restore for {@code quick}, Live Migration with its
   * defaults for {@code live}, {@link ColdMigration} for {@code cold}.
   *
   * @return the strategies
   */
  public static MigrationStrategies defaults() {
    Map<MigrationKind, MigrationStrategy> m = new EnumMap<>(MigrationKind.class);
    m.put(MigrationKind.QUICK, QuickMigration.lazy());
    m.put(MigrationKind.LIVE, LiveMigration.withDefaults());
    m.put(MigrationKind.COLD, ColdMigration.instance());
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
   * Returns a copy in which a kind of the old list uses {@code strategy}.
   *
   * @param kind the kind of migrate operation
   * @param strategy the strategy
   * @return the copy
   * @deprecated use {@link #with(MigrationKind, MigrationStrategy)}
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  @SuppressWarnings("removal")
  public MigrationStrategies with(io.hvcluster.testkit.workload.Operation.MigrationKind kind,
      MigrationStrategy strategy) {
    return with(Objects.requireNonNull(kind, "kind").kind(), strategy);
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
