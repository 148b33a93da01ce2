package io.hvcluster.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A one-line progress bar on standard error for long runs (fleet {@code simulate}, {@code torture}, a
 * scenario over simulated days): the bar, the percent, a detail such as the simulated day, the rate and
 * the time left, for example
 *
 * <pre>
 * simulating [#########...............]  38%  day 2.7 of 7.0  1.4 d/s  ETA 0:03
 * torture [#####...................]  21%  210 of 1000 scenarios  412/s  ETA 0:02
 * </pre>
 *
 * <p>It draws as soon as it is created, so a run whose first progress comes late (a large fleet is built
 * before its clock starts) shows at once that it started. It draws only when the command was not asked
 * for {@code --json} and the JVM runs on a terminal (see {@link #forCommand}); otherwise every call does
 * nothing, so output that is piped, captured by a test or parsed stays exactly as it would be without a
 * bar. It redraws only when it is updated, never on a timer, and at most ten times a second unless the
 * percent changes, so it costs nothing in a tight loop. The wall clock it reads for the rate is the
 * command line's, never the library's.
 *
 * <p>Not thread-safe: call it from the thread that does the work. Example:
 *
 * <pre>{@code
 * try (ProgressBar bar = ProgressBar.forCommand(spec, "simulating", days, ProgressBar.Rate.count(), json)) {
 *   for (int day = 1; day <= days; day++) {
 *     runOneDay();
 *     bar.update(day, "day " + day + " of " + days);
 *   }
 * }
 * }</pre>
 */
final class ProgressBar implements AutoCloseable {
  private static final int CELLS = 24;
  /** The least wall-clock time between two redraws at the same percent. */
  private static final long REDRAW_NANOS = 100_000_000L;
  /** {@code Console.isTerminal()}, which JDK 22 added; null on Java 17 to 21. */
  private static final Method IS_TERMINAL = isTerminalMethod();

  /** How a bar words the rate of the work it follows. */
  interface Rate {
    /**
     * Returns a rate in words.
     *
     * @param perSecond units of work per wall-clock second
     */
    String format(double perSecond);

    /** Returns a rate of things done, for example {@code 412/s}. */
    static Rate count() {
      return perSecond -> String.format(Locale.ROOT, perSecond >= 100 ? "%.0f/s" : "%.1f/s", perSecond);
    }

    /** Returns a rate of virtual time in nanoseconds, for example {@code 1.4 d/s} or {@code 35 min/s}. */
    static Rate virtualTime() {
      return perSecond -> {
        double seconds = perSecond / 1e9;
        if (seconds >= 86_400) {
          return String.format(Locale.ROOT, "%.1f d/s", seconds / 86_400);
        } else if (seconds >= 3_600) {
          return String.format(Locale.ROOT, "%.1f h/s", seconds / 3_600);
        } else if (seconds >= 60) {
          return String.format(Locale.ROOT, "%.1f min/s", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f s/s", seconds);
      };
    }
  }

  private final PrintWriter err;
  private final String label;
  private final long total;
  private final Rate rate;
  private final LongSupplier clock;
  private final boolean enabled;
  private String drawn = "";
  private String detail = "starting";
  private long drawnAt;
  private int drawnPercent = -1;
  /** The first progress reported after the start, and when: the rate counts from there. */
  private long firstDone = -1;
  private long firstAt;
  private boolean closed;

  /**
   * Creates a bar and, when enabled, draws it at 0 %.
   *
   * @param err where it draws
   * @param label what is progressing
   * @param total the amount of work, in the unit of {@code update}
   * @param rate how the rate of that work is worded
   * @param clock wall-clock nanoseconds ({@code System::nanoTime}, or a fake in tests)
   * @param enabled whether it draws at all
   */
  ProgressBar(PrintWriter err, String label, long total, Rate rate, LongSupplier clock, boolean enabled) {
    if (total < 0) {
      throw new IllegalArgumentException("progress total is " + total + "; it must be 0 or more");
    }
    this.err = err;
    this.label = label;
    this.total = total;
    this.rate = rate;
    this.clock = clock;
    this.enabled = enabled;
    if (enabled) {
      draw(render(0, detail, ""));
      drawnPercent = 0;
    }
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
   * @param rate how the rate of that work is worded
   * @param json whether the command prints JSON (then the bar stays quiet)
   */
  static ProgressBar forCommand(CommandSpec spec, String label, long total, Rate rate, boolean json) {
    return new ProgressBar(spec.commandLine().getErr(), label, total, rate, System::nanoTime,
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
    update(done, detail);
  }

  /** Shows {@code done} of the total, followed by a short detail such as the simulated day. */
  void update(long done, String newDetail) {
    if (!enabled || closed) {
      return;
    }
    long now = clock.getAsLong();
    detail = newDetail;
    long clamped = clamp(done);
    if (firstDone < 0 && clamped > 0) {
      firstDone = clamped;
      firstAt = now;
    }
    int percent = percent(clamped);
    if (percent == drawnPercent && now - drawnAt < REDRAW_NANOS) {
      return;
    }
    String text = render(clamped, newDetail, speed(clamped, now));
    if (!text.equals(drawn)) {
      draw(text);
      drawnAt = now;
      drawnPercent = percent;
    }
  }

  private void draw(String text) {
    // Pad over the previous text so that a shorter line leaves nothing behind.
    int pad = Math.max(0, drawn.length() - text.length());
    err.print("\r" + text + " ".repeat(pad));
    err.flush();
    drawn = text;
  }

  /** Returns the rate and the time left, or the time taken once done; empty until there is a rate. */
  private String speed(long done, long now) {
    if (firstDone < 0 || done <= firstDone || now <= firstAt) {
      return "";
    }
    double perNano = (double) (done - firstDone) / (now - firstAt);
    String left = done >= total ? "" : "  ETA " + clock((long) ((total - done) / perNano));
    return rate.format(perNano * 1e9) + left;
  }

  private long clamp(long done) {
    return Math.max(0, Math.min(done, total));
  }

  private int percent(long clamped) {
    return total == 0 ? 100 : (int) (clamped * 100 / total);
  }

  /** Returns the bar's text for {@code done} of the total, with a detail and the rate. */
  String render(long done, String detail, String speed) {
    long clamped = clamp(done);
    int cells = total == 0 ? CELLS : (int) (clamped * CELLS / total);
    return String.format(Locale.ROOT, "%s [%s%s] %3d%%%s%s", label, "#".repeat(cells), ".".repeat(CELLS - cells),
        percent(clamped), detail.isEmpty() ? "" : "  " + detail, speed.isEmpty() ? "" : "  " + speed);
  }

  /** Returns wall-clock nanoseconds as m:ss, or h:mm:ss from an hour. */
  static String clock(long nanos) {
    long s = Math.max(0, (nanos + 500_000_000L) / 1_000_000_000L);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Draws the bar full, with the rate the run had, and ends its line, if it drew anything. */
  @Override
  public void close() {
    if (!enabled || closed) {
      return;
    }
    long now = clock.getAsLong();
    draw(render(total, detail, speed(total, now)));
    err.println();
    err.flush();
    closed = true;
  }
}
