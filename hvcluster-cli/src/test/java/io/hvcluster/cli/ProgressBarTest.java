package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

final class ProgressBarTest {
  @Test
  void drawsOnOneLineAndRedrawsOnlyWhenTheTextChanges() {
    StringWriter err = new StringWriter();
    try (ProgressBar bar = new ProgressBar(new PrintWriter(err), "simulating", 200, true)) {
      bar.update(0);
      bar.update(1);
      bar.update(100, "day 1 of 2");
      bar.update(100, "day 1 of 2");
    }
    String out = err.toString();
    // Drawn three times: 0 %, 50 % (1 of 200 is still 0 %; the repeat changes nothing) and 100 % on close.
    assertThat(out.split("\r", -1)).hasSize(3 + 1);
    assertThat(out).contains("\rsimulating [..............................]   0%")
        .contains("\rsimulating [###############...............]  50%  day 1 of 2")
        .endsWith("\rsimulating [##############################] 100%" + " ".repeat("  day 1 of 2".length()) + "\n");
  }

  @Test
  void staysQuietWhenDisabled() {
    StringWriter err = new StringWriter();
    try (ProgressBar bar = new ProgressBar(new PrintWriter(err), "torture", 10, false)) {
      bar.update(5, "half");
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void isDisabledWhenTheCommandPrintsJsonOrOutputIsNotATerminal() {
    picocli.CommandLine cli = new picocli.CommandLine(new DemoCommand());
    assertThat(ProgressBar.forCommand(cli.getCommandSpec(), "x", 1, true).enabled()).isFalse();
    // Under the test runner standard output and standard error are pipes, on any Java version.
    assertThat(ProgressBar.forCommand(cli.getCommandSpec(), "x", 1, false).enabled()).isFalse();
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
    ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), "x", 0, true);
    assertThat(bar.render(5, "")).isEqualTo("x [##############################] 100%");
    ProgressBar ten = new ProgressBar(new PrintWriter(new StringWriter()), "x", 10, true);
    assertThat(ten.render(20, "")).endsWith("100%");
    assertThat(ten.render(-3, "")).endsWith("  0%");
  }
}
