package io.hvcluster.core.memory;

import org.apiguardian.api.API;

/**
 * What a save does when the file system refuses to force the LUN directory to disk after a rename.
 * Forcing the directory is what makes a rename survive a power loss on POSIX file systems; Windows
 * cannot open a directory to force it, and some network file systems refuse.
 *
 * <pre>{@code
 * SavedStateStore strict = SavedStateStore.in(lunDir, DirectorySync.REQUIRE);
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum DirectorySync {
  /**
   * The save goes on, logs a warning (once per store) and reports it in
   * {@link SaveReport#directorySynced()}: the new generation is committed, but after a power loss the
   * directory may show the previous one (never neither). The default.
   */
  REPORT,
  /**
   * The save fails with an {@code IOException}. Refused before the commit, nothing is committed and
   * the files of the attempt are deleted; refused after the commit (a rare I/O error, since the same
   * directory was forced a moment before), the exception says the new generation is committed but may
   * be lost by a power loss, which then brings back the previous one.
   */
  REQUIRE
}
