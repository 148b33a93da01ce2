package io.hvcluster.core.memory;

import java.io.IOException;
import java.nio.file.Path;

/** Sees each step of a save as it completes; tests use it to crash a save at a chosen step. */
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
