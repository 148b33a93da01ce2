package io.hvcluster.testkit.engine;

import io.hvcluster.testkit.fault.MigrationStage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the testkit's {@link MigrationStage}s to the phase names migration strategies report in
 * {@code MigrationPhaseStarted} events.
 *
 * <p>Quick Migration ({@code io.hvcluster.core.migration.QuickMigration}) reports {@code save},
 * {@code release-storage}, {@code arbitrate}, {@code restore} and {@code resume}. Live Migration
 * ({@code io.hvcluster.core.migration.LiveMigration}) reports {@code pre-copy}, {@code stop-and-copy}
 * (the blackout), {@code release-storage} and {@code arbitrate} inside the blackout when the VM's LUNs
 * change hands (not on a Cluster Shared Volume), {@code switchover}, and {@code probe-target} when the
 * target's acknowledgement was lost; one that falls back to Quick Migration goes on with the quick
 * phases. A stage matches each phase of either strategy that stands for it.
 */
final class MigrationStages {
  private static final Map<MigrationStage, List<String>> PHASES = new EnumMap<>(MigrationStage.class);

  static {
    PHASES.put(MigrationStage.PRE_COPY, List.of("pre-copy"));
    PHASES.put(MigrationStage.BLACKOUT, List.of("stop-and-copy"));
    PHASES.put(MigrationStage.SAVE, List.of("save"));
    PHASES.put(MigrationStage.RELEASE_STORAGE, List.of("release-storage"));
    PHASES.put(MigrationStage.ACQUIRE_STORAGE, List.of("arbitrate"));
    PHASES.put(MigrationStage.RESTORE, List.of("restore"));
    PHASES.put(MigrationStage.SWITCHOVER, List.of("resume", "switchover"));
  }

  private MigrationStages() {}

  /** Returns whether a reported phase is the given stage. */
  static boolean matches(MigrationStage stage, String phase) {
    return PHASES.get(stage).contains(phase);
  }

  /** Returns the phase names a stage stands for. */
  static List<String> phases(MigrationStage stage) {
    return PHASES.get(stage);
  }
}
