package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

final class ProgressBarTest {
  private static final long SECOND = 1_000_000_000L;

  /** A wall clock the test moves by hand. */
  private final long[] now = {0};
  private final StringWriter err = new StringWriter();

  private ProgressBar bar(String label, long total, ProgressBar.Rate rate) {
    return new ProgressBar(new PrintWriter(err), label, total, rate, () -> now[0], true);
  }

  /** Returns the last text drawn. */
  private String last() {
    String[] draws = err.toString().split("\r", -1);
    return draws[draws.length - 1].stripTrailing();
  }

  @Test
  void drawsAtOnceWhenCreatedBeforeAnyProgress() {
    bar("simulating", 100, ProgressBar.Rate.virtualTime());
    assertThat(err.toString()).isEqualTo("\rsimulating [........................]   0%  starting");
  }

  @Test
  void showsTheRateAndTheTimeLeftCountedFromTheFirstProgress() {
    ProgressBar bar = bar("torture", 1000, ProgressBar.Rate.count());
    // The first progress comes after a slow start; the rate counts from there, not from the bar's creation.
    now[0] = 20 * SECOND;
    bar.update(100, "100 of 1000 scenarios");
    assertThat(last()).isEqualTo("torture [##......................]  10%  100 of 1000 scenarios");
    now[0] = 22 * SECOND;
    bar.update(300, "300 of 1000 scenarios");
    assertThat(last()).isEqualTo("torture [#######.................]  30%  300 of 1000 scenarios  100/s  ETA 0:07");
    now[0] = 29 * SECOND;
    bar.close();
    assertThat(err.toString()).endsWith("\rtorture [########################] 100%  300 of 1000 scenarios  100/s"
        + " ".repeat("  ETA 0:07".length()) + "\n");
  }

  @Test
  void redrawsAtTheSamePercentAtMostTenTimesASecond() {
    ProgressBar bar = bar("simulating", 1000, ProgressBar.Rate.virtualTime());
    now[0] = SECOND;
    bar.update(1, "day 0.0");
    int draws = err.toString().split("\r", -1).length;
    now[0] = SECOND + SECOND / 20;
    bar.update(2, "day 0.1");
    assertThat(err.toString().split("\r", -1)).as("50 ms later, same percent").hasSize(draws);
    now[0] = SECOND + SECOND / 5;
    bar.update(3, "day 0.2");
    assertThat(err.toString().split("\r", -1)).as("200 ms later").hasSize(draws + 1);
    bar.update(100, "day 1.0");
    assertThat(err.toString().split("\r", -1)).as("a new percent at once").hasSize(draws + 2);
  }

  @Test
  void wordsRatesOfVirtualTimeInTheirLargestUnit() {
    ProgressBar.Rate rate = ProgressBar.Rate.virtualTime();
    assertThat(rate.format(1.4 * 86_400 * SECOND)).isEqualTo("1.4 d/s");
    assertThat(rate.format(2 * 3_600.0 * SECOND)).isEqualTo("2.0 h/s");
    assertThat(rate.format(90.0 * SECOND)).isEqualTo("1.5 min/s");
    assertThat(rate.format(5.0 * SECOND)).isEqualTo("5.0 s/s");
    assertThat(ProgressBar.Rate.count().format(12.34)).isEqualTo("12.3/s");
    assertThat(ProgressBar.Rate.count().format(412.4)).isEqualTo("412/s");
  }

  @Test
  void formatsTheTimeLeftAsAClock() {
    assertThat(ProgressBar.clock(0)).isEqualTo("0:00");
    assertThat(ProgressBar.clock(61 * SECOND)).isEqualTo("1:01");
    assertThat(ProgressBar.clock(3723 * SECOND)).isEqualTo("1:02:03");
  }

  @Test
  void staysQuietWhenDisabled() {
    try (ProgressBar bar = new ProgressBar(new PrintWriter(err), "torture", 10, ProgressBar.Rate.count(), () -> 0,
        false)) {
      bar.update(5, "half");
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void isDisabledWhenTheCommandPrintsJsonOrOutputIsNotATerminal() {
    picocli.CommandLine cli = new picocli.CommandLine(new DemoCommand());
    assertThat(ProgressBar.forCommand(cli.getCommandSpec(), "x", 1, ProgressBar.Rate.count(), true).enabled()).isFalse();
    // Under the test runner standard output and standard error are pipes, on any Java version.
    assertThat(ProgressBar.forCommand(cli.getCommandSpec(), "x", 1, ProgressBar.Rate.count(), false).enabled())
        .isFalse();
  }

  @Test
  void drawsOnlyWithoutJsonOnATerminalWhoseStandardErrorIsNotRedirected() {
    assertThat(ProgressBar.draws(false, true, false)).isTrue();
    assertThat(ProgressBar.draws(true, true, false)).isFalse();
    assertThat(ProgressBar.draws(false, false, false)).isFalse();
    assertThat(ProgressBar.draws(false, true, true)).isFalse();
  }

  /** Stands for a JDK 22+ console, which exists even when the streams are redirected. */
  static final class RedirectableConsole {
    private final boolean terminal;

    RedirectableConsole(boolean terminal) {
      this.terminal = terminal;
    }

    public boolean isTerminal() {
      return terminal;
    }

    public boolean broken() {
      throw new IllegalStateException("no terminal information");
    }
  }

  @Test
  void aConsoleIsATerminalOnlyWhenItsIsTerminalSaysSoWhereTheJdkHasIt() throws Exception {
    Method isTerminal = RedirectableConsole.class.getMethod("isTerminal");
    assertThat(ProgressBar.isTerminal(new RedirectableConsole(true), isTerminal)).isTrue();
    assertThat(ProgressBar.isTerminal(new RedirectableConsole(false), isTerminal)).isFalse();
    assertThat(ProgressBar.isTerminal(new RedirectableConsole(true), RedirectableConsole.class.getMethod("broken")))
        .isFalse();
    assertThat(ProgressBar.isTerminal(null, isTerminal)).isFalse();
  }

  @Test
  void onJava17To21AConsoleExistsOnlyOnATerminal() {
    assertThat(ProgressBar.isTerminal(new Object(), null)).isTrue();
    assertThat(ProgressBar.isTerminal(null, null)).isFalse();
  }

  @Test
  void standardErrorIsATerminalWhenProcShowsATerminalDevice() {
    assertThat(ProgressBar.isTerminalDevice("/dev/pts/3")).isTrue();
    assertThat(ProgressBar.isTerminalDevice("/dev/tty1")).isTrue();
    assertThat(ProgressBar.isTerminalDevice("pipe:[48213]")).isFalse();
    assertThat(ProgressBar.isTerminalDevice("/home/me/torture.log")).isFalse();
    assertThat(ProgressBar.isTerminalDevice("/dev/null")).isFalse();
  }

  @Test
  void clampsAndHandlesAnEmptyTotal() {
    ProgressBar empty = bar("x", 0, ProgressBar.Rate.count());
    assertThat(empty.render(5, "", "")).isEqualTo("x [########################] 100%");
    ProgressBar ten = bar("x", 10, ProgressBar.Rate.count());
    assertThat(ten.render(20, "", "")).endsWith("100%");
    assertThat(ten.render(-3, "", "")).endsWith("  0%");
  }
}
