package io.hvcluster.core.memory;

import io.hvcluster.api.SavedStateInfo;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * What one save did, for the cost model and for reports.
 *
 * @param info the committed saved state
 * @param headerFile the committed header file
 * @param memoryFile the committed memory file
 * @param touchedPages pages the memory had touched when saved
 * @param storedPages pages written to the memory file; touched pages holding only zeros became holes
 * @param memoryBytesWritten bytes written to the memory file
 * @param headerBytesWritten bytes written to the header file
 * @param directorySynced whether the directory was forced to disk after each rename; false when the
 *     file system refused (see {@link DirectorySync#REPORT}): the save is committed but a power loss may
 *     bring back the previous generation
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record SaveReport(SavedStateInfo info, Path headerFile, Path memoryFile, long touchedPages, long storedPages,
    long memoryBytesWritten, long headerBytesWritten, boolean directorySynced) {
  /**
   * Describes a save whose directory was forced after each rename, as before {@code directorySynced}
   * existed.
   *
   * @param info the committed saved state
   * @param headerFile the committed header file
   * @param memoryFile the committed memory file
   * @param touchedPages pages the memory had touched when saved
   * @param storedPages pages written to the memory file
   * @param memoryBytesWritten bytes written to the memory file
   * @param headerBytesWritten bytes written to the header file
   */
  public SaveReport(SavedStateInfo info, Path headerFile, Path memoryFile, long touchedPages, long storedPages,
      long memoryBytesWritten, long headerBytesWritten) {
    this(info, headerFile, memoryFile, touchedPages, storedPages, memoryBytesWritten, headerBytesWritten, true);
  }

  /**
   * Returns all bytes written.
   *
   * @return memory and header bytes
   */
  public long bytesWritten() {
    return memoryBytesWritten + headerBytesWritten;
  }

  /**
   * Returns the touched pages that were skipped because they held only zeros.
   *
   * @return the count
   */
  public long zeroPagesSkipped() {
    return touchedPages - storedPages;
  }
}
