package io.hvcluster.json;

import io.hvcluster.api.InvalidConfigurationException;
import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Thrown when an input file cannot be used: it cannot be read as UTF-8 text (see {@link InputFiles}), is not
 * valid JSON, or holds a value that is not allowed. The message is one printable line that names the file
 * and, for a problem in its content, the JSON path, then says what is wrong and what is allowed, for
 * example {@code s.json: $.duration: '24000000h' is longer than the maximum, 87600h (3650 days)}. Control
 * characters from the file (a NUL in a name) are escaped in it.
 *
 * <p>Instances are immutable.
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class InvalidInputException extends InvalidConfigurationException {
  private static final long serialVersionUID = 1L;

  /** The file, as a string, for serialization; empty for input that did not come from a file. */
  private final String file;

  /**
   * Creates an exception for a problem in (or with) a file.
   *
   * @param file the file whose problem it is, or null for text that came from no file
   * @param message the whole message, starting with the file and the JSON path
   * @param cause the underlying exception, or null
   */
  public InvalidInputException(Path file, String message, Throwable cause) {
    super(Printable.of(message.replace('\n', ' ')), cause);
    this.file = file == null ? "" : file.toString();
  }

  /**
   * Returns the file the problem is in (a scenario's cluster or plan file when the problem is there).
   *
   * @return the file, or empty for text that came from no file
   */
  public Optional<Path> file() {
    return file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file));
  }
}
