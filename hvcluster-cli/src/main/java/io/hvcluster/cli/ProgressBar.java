package io.hvcluster.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A one-line progress bar on standard error for long runs (fleet {@code simulate}, {@code torture}, a
 * scenario over simulated days). It draws only when the command was not asked for {@code --json} and the
 * JVM runs on a terminal (see {@link #forCommand}); otherwise every call does nothing, so output that is
 * piped, captured by a test or parsed stays exactly as it would be without a bar. It redraws only when
 * the drawn text changes (a new percent or detail), never on a timer, so it costs nothing in a tight loop.
 *
 * <p>Not thread-safe: call it from the thread that does the work. Example:
 *
 * <pre>{@code
 * try (ProgressBar bar = ProgressBar.forCommand(spec, "simulating", days, json)) {
 *   for (int day = 1; day <= days; day++) {
 *     runOneDay();
 *     bar.update(day, "day " + day + " of " + days);
 *   }
 * }
 * }</pre>
 */
final class ProgressBar implements AutoCloseable {
  private static final int CELLS = 30;
  /** {@code Console.isTerminal()}, which JDK 22 added; null on Java 17 to 21. */
  private static final Method IS_TERMINAL = isTerminalMethod();

  private final PrintWriter err;
  private final String label;
  private final long total;
  private final boolean enabled;
  private String drawn = "";
  private boolean closed;

  ProgressBar(PrintWriter err, String label, long total, boolean enabled) {
    if (total < 0) {
      throw new IllegalArgumentException("progress total is " + total + "; it must be 0 or more");
    }
    this.err = err;
    this.label = label;
    this.total = total;
    this.enabled = enabled;
  }

  /**
   * Returns a bar on the command's standard error that draws only on a terminal and without
   * {@code --json}: standard input and output must be a terminal, and standard error must not be known
   * to go elsewhere. Java has no portable test of standard error; where Linux's {@code /proc} shows it
   * going to a file or a pipe, the bar stays quiet.
   *
   * @param spec the running command
   * @param label what is progressing, for example {@code "simulating"}
   * @param total the amount of work, in any unit
   * @param json whether the command prints JSON (then the bar stays quiet)
   */
  static ProgressBar forCommand(CommandSpec spec, String label, long total, boolean json) {
    return new ProgressBar(spec.commandLine().getErr(), label, total,
        draws(json, isTerminal(System.console(), IS_TERMINAL), stderrRedirected()));
  }

  /** Returns whether a bar draws: never with {@code --json}, else only on a terminal. */
  static boolean draws(boolean json, boolean consoleIsTerminal, boolean stderrRedirected) {
    return !json && consoleIsTerminal && !stderrRedirected;
  }

  /**
   * Returns whether a console is a terminal. Up to Java 21 {@code System.console()} is null exactly when
   * standard input or output is not a terminal, so a console is one; from Java 22 there is a console
   * even when both are redirected (JDK-8308591), and its {@code isTerminal()} tells.
   *
   * @param console {@code System.console()}, possibly null
   * @param isTerminal {@code isTerminal()} of the console's type, or null where there is none
   */
  static boolean isTerminal(Object console, Method isTerminal) {
    if (console == null) {
      return false;
    }
    if (isTerminal == null) {
      return true;
    }
    try {
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  private static Method isTerminalMethod() {
    try {
      return Console.class.getMethod("isTerminal");
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** Returns whether standard error is known to go elsewhere than a terminal: a file or a pipe. */
  private static boolean stderrRedirected() {
    try {
      return !isTerminalDevice(Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString());
    } catch (IOException | RuntimeException e) {
      // No /proc (macOS, Windows): nothing is known, so the console decides alone.
      return false;
    }
  }

  /** Returns whether a file descriptor's link target, as {@code /proc} shows it, is a terminal device. */
  static boolean isTerminalDevice(String target) {
    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
  }

  /** Returns whether this bar draws anything. */
  boolean enabled() {
    return enabled;
  }

  /** Shows {@code done} of the total. */
  void update(long done) {
    update(done, "");
  }

  /** Shows {@code done} of the total, followed by a short detail such as the simulated day. */
  void update(long done, String detail) {
    if (!enabled || closed) {
      return;
    }
    String text = render(done, detail);
    if (!text.equals(drawn)) {
      // Pad over the previous text so that a shorter line leaves nothing behind.
      int pad = Math.max(0, drawn.length() - text.length());
      err.print("\r" + text + " ".repeat(pad));
      err.flush();
      drawn = text;
    }
  }

  /** Returns the bar's text for {@code done} of the total. */
  String render(long done, String detail) {
    long clamped = Math.max(0, Math.min(done, total));
    int percent = total == 0 ? 100 : (int) (clamped * 100 / total);
    int cells = total == 0 ? CELLS : (int) (clamped * CELLS / total);
    return String.format(Locale.ROOT, "%s [%s%s] %3d%%%s", label, "#".repeat(cells), ".".repeat(CELLS - cells), percent,
        detail.isEmpty() ? "" : "  " + detail);
  }

  /** Draws the bar full and ends its line, if it drew anything. */
  @Override
  public void close() {
    if (!enabled || closed) {
      return;
    }
    if (!drawn.isEmpty()) {
      update(total, "");
      err.println();
      err.flush();
    }
    closed = true;
  }
}
