package io.hvcluster.testkit.property;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.apiguardian.api.API;

/**
 * Thrown when a property does not hold. The message is the run's report: seed, shrunk counterexample,
 * error and a one-line replay; the cause is what the shrunk counterexample's run threw. Its printed trace
 * shows the report once (the cause's entry shows only its first line).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class PropertyFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param report the run's report
   * @param cause what the shrunk counterexample's run threw, or null
   */
  public PropertyFailure(String report, Throwable cause) {
    super(report, cause);
  }

  /**
   * Prints the report once: the cause's full text is part of the report already, so its own entry in
   * the trace ({@code Caused by:}) shows only its first line, with its stack frames.
   *
   * @param out where to print
   */
  @Override
  public void printStackTrace(PrintStream out) {
    out.print(traceOnce());
  }

  /**
   * Prints the report once, as {@link #printStackTrace(PrintStream)} does.
   *
   * @param out where to print
   */
  @Override
  public void printStackTrace(PrintWriter out) {
    out.print(traceOnce());
  }

  private String traceOnce() {
    Throwable cause = getCause();
    StringWriter text = new StringWriter();
    Throwable view = new Headline(toString(), getStackTrace(), cause == null ? null : new Headline(
        cause.getClass().getName() + ": " + firstLine(cause.getMessage()) + " (in full above)", cause.getStackTrace(),
        cause.getCause()));
    for (Throwable suppressed : getSuppressed()) {
      view.addSuppressed(suppressed);
    }
    PrintWriter printer = new PrintWriter(text);
    view.printStackTrace(printer);
    printer.flush();
    return text.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** A stand-in that prints a given text and stack, for the trace of a failure. */
  private static final class Headline extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The text its trace shows. */
    private final String text;

    Headline(String text, StackTraceElement[] stack, Throwable cause) {
      super(text, cause, true, true);
      this.text = text;
      setStackTrace(stack);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
