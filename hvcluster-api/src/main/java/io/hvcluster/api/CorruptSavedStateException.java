package io.hvcluster.api;

import java.io.IOException;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Thrown when a saved-state file is missing, incomplete, torn, corrupt or hostile. The message names
 * the file, the byte offset where the problem was found, and the reason. Nothing from a rejected file
 * is used: the cluster cold-boots the VM instead and records why.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class CorruptSavedStateException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The file that is corrupt. */
  private final String file;
  /** The byte offset where the damage was found, or -1 when no single offset applies. */
  private final long offset;
  /** What is wrong at that offset. */
  private final String reason;

  /**
   * Creates an exception for a rejected saved-state file.
   *
   * @param file the file that was rejected
   * @param offset the byte offset of the problem, or {@code -1} when it concerns the whole file
   * @param reason what was wrong, for example {@code "header CRC mismatch"}
   */
  public CorruptSavedStateException(Path file, long offset, String reason) {
    super("saved state " + file + (offset >= 0 ? " at offset " + offset : "") + ": " + reason);
    this.file = String.valueOf(file);
    this.offset = offset;
    this.reason = reason;
  }

  /**
   * Returns the rejected file.
   *
   * @return the path as a string
   */
  public String file() {
    return file;
  }

  /**
   * Returns the byte offset of the problem.
   *
   * @return the offset, or {@code -1} when the problem concerns the whole file
   */
  public long offset() {
    return offset;
  }

  /**
   * Returns what was wrong.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
