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
 * {@code release-storage}, {@code arbitrate}, {@code restore} and {@code resume}. The live-migration
 * names are PROVISIONAL: Live Migration is being written and its phase names are not fixed yet, so
 * {@code pre-copy}, {@code blackout}/{@code stop-and-copy} and {@code switchover} are guesses to be
 * confirmed when it lands; until then faults at {@link MigrationStage#PRE_COPY} and
 * {@link MigrationStage#BLACKOUT} never fire on Quick Migration (a live migration that falls back to
 * Quick Migration reports the quick phases, which do fire).
 */
final class MigrationStages {
  private static final Map<MigrationStage, List<String>> PHASES = new EnumMap<>(MigrationStage.class);

  static {
    PHASES.put(MigrationStage.SAVE, List.of("save"));
    PHASES.put(MigrationStage.RELEASE_STORAGE, List.of("release-storage"));
    PHASES.put(MigrationStage.ACQUIRE_STORAGE, List.of("arbitrate"));
    PHASES.put(MigrationStage.RESTORE, List.of("restore"));
    // Quick Migration's last phase, and (provisionally) Live Migration's.
    PHASES.put(MigrationStage.SWITCHOVER, List.of("resume", "switchover"));
    // LIVE MIGRATION, PROVISIONAL: confirm against the live-migration strategy's phase names.
    PHASES.put(MigrationStage.PRE_COPY, List.of("pre-copy", "precopy"));
    PHASES.put(MigrationStage.BLACKOUT, List.of("blackout", "stop-and-copy"));
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
