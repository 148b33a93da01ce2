package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Every command's {@code --help} prints its usage and nothing else: picocli warns on standard error of a bad format. */
final class HelpTextTest {
  @Test
  void everyHelpTextFormatsWithoutAWarning() {
    List<String> commands = new ArrayList<>();
    collect(new CommandLine(Main.class).getCommandSpec(), commands);
    assertThat(commands).contains("migrate", "saved-state verify", "torture");
    for (String command : commands) {
      List<String> args = new ArrayList<>(List.of(command.split(" ")));
      args.add("--help");
      PrintStream stderr = System.err;
      ByteArrayOutputStream warnings = new ByteArrayOutputStream();
      CliRun run;
      // picocli's tracer writes its warnings to System.err, not to the command's error writer.
      System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
      try {
        run = CliRun.of(args.toArray(String[]::new));
      } finally {
        System.setErr(stderr);
      }
      assertThat(run.exit()).as(command).isZero();
      assertThat(run.out()).as(command).startsWith("Usage: hvcluster " + command);
      assertThat(run.err() + warnings.toString(StandardCharsets.UTF_8)).as(command + " --help").isEmpty();
    }
  }

  private static void collect(CommandSpec spec, List<String> into) {
    for (CommandLine sub : spec.subcommands().values()) {
      String name = sub.getCommandSpec().qualifiedName().substring("hvcluster ".length());
      if (!name.equals("help")) {
        into.add(name);
      }
      collect(sub.getCommandSpec(), into);
    }
  }
}
