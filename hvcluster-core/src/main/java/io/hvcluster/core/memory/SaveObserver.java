package io.hvcluster.core.memory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Sees each step of a save as it completes; tests use it to fail or crash a save at a chosen step. An
 * {@link IOException} it throws is an I/O failure of that step: the save deletes the files it made and
 * reports the failure. Any other exception is a crash: the save stops there and leaves its files as a
 * killed process would.
 */
@FunctionalInterface
interface SaveObserver {
  /** An observer that does nothing. */
  SaveObserver NONE = (stage, file) -> { };

  /**
   * Called after {@code stage} completed.
   *
   * @param stage the step
   * @param file the file the step concerned
   */
  void reached(SaveStage stage, Path file) throws IOException;
}
