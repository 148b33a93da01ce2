package io.hvcluster.core.memory;

/**
 * The steps of the save protocol, in order; a test's {@link SaveObserver} can stop a save at any of
 * them (as a crash would) and damage the files it has written so far.
 */
enum SaveStage {
  /** Every stored page is in {@code <vm>.bin.tmp}, not yet forced. */
  MEMORY_WRITTEN,
  /** {@code <vm>.bin.tmp} is forced to disk. */
  MEMORY_FORCED,
  /** {@code <vm>.bin.tmp} is renamed to the free memory-file slot. */
  MEMORY_RENAMED,
  /** {@code <vm>.vsv.tmp} is written, not yet forced. */
  HEADER_WRITTEN,
  /** {@code <vm>.vsv.tmp} is forced to disk. */
  HEADER_FORCED,
  /** {@code <vm>.vsv.tmp} is renamed over {@code <vm>.vsv}: the new generation is committed. */
  COMMITTED,
  /** The previous generation's memory file is renamed to {@code <vm>.bin.old} and its deletion started. */
  PREVIOUS_DELETED
}
