package io.hvcluster.cli;

/**
 * Thrown when a command's input file cannot be used; the message is one line naming the file and the
 * JSON path of the problem. Control characters in it (a NUL in a name from the file) are escaped. The command
 * line exits with code 2.
 */
final class UnusableInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnusableInputException(String message, Throwable cause) {
    super(Printable.of(message), cause);
  }
}
