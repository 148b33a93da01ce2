package io.hvcluster.testkit.fault;

import org.apiguardian.api.API;

/**
 * The phases of a migration at which a migration fault can strike, covering Quick Migration (pause,
 * save, release the LUN, the target arbitrates it, restore, resume) and Live Migration (pre-copy rounds,
 * blackout, switchover). The engine maps each to the phases its strategies report.
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum MigrationStage {
  /** Live migration copies memory while the VM keeps running. */
  PRE_COPY,
  /** Live migration has paused the VM for the final copy. */
  BLACKOUT,
  /** Quick migration saves the paused VM's memory to the saved-state file. */
  SAVE,
  /** The source releases the VM's LUNs. */
  RELEASE_STORAGE,
  /** The target arbitrates for the VM's LUNs. */
  ACQUIRE_STORAGE,
  /** The target restores the saved state. */
  RESTORE,
  /** The VM resumes on the target; the source copy is stopped and released. */
  SWITCHOVER
}
