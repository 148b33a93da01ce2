package io.hvcluster.cli;

import io.hvcluster.json.InputFiles;

/**
 * Thrown when a command's input cannot be used for a reason of the command's own (the library's reader
 * throws {@link io.hvcluster.json.InvalidInputException}); the message is one line naming the file and the
 * JSON path of the problem, its control characters escaped. The command line exits with code 2.
 */
final class UnusableInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnusableInputException(String message, Throwable cause) {
    super(InputFiles.printable(message), cause);
  }
}
