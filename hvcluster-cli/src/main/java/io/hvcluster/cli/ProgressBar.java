package io.hvcluster.cli;

import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A one-line progress bar on standard error for long runs (fleet {@code simulate}, {@code torture}, a
 * scenario over simulated days). It draws only when standard output is a terminal and the command was not
 * asked for {@code --json}; otherwise every call does nothing, so output that is piped, captured by a test
 * or parsed stays exactly as it would be without a bar. It redraws only when the drawn text changes (a
 * new percent or detail), never on a timer, so it costs nothing in a tight loop.
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
   * {@code --json}.
   *
   * @param spec the running command
   * @param label what is progressing, for example {@code "simulating"}
   * @param total the amount of work, in any unit
   * @param json whether the command prints JSON (then the bar stays quiet)
   */
  static ProgressBar forCommand(CommandSpec spec, String label, long total, boolean json) {
    // On Java 17 System.console() is null exactly when standard input or output is not a terminal.
    return new ProgressBar(spec.commandLine().getErr(), label, total, !json && System.console() != null);
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
