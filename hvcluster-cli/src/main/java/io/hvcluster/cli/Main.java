package io.hvcluster.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code hvcluster} command. Errors a person sees are one line (what was wrong, where, what is
 * allowed) with exit code 2; {@code --verbose} adds the stack trace.
 */
@Command(name = "hvcluster", mixinStandardHelpOptions = true, version = "hvcluster 0.1.0-SNAPSHOT",
    description = "Simulates a highly available Hyper-V failover cluster (Windows Server 2008 / SCVMM 2008).",
    subcommands = {DemoCommand.class, SimulateCommand.class, ValidateCommand.class, PlanCommand.class, SaveBenchCommand.class,
        SavedStateCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  /** Exit code for bad input or an unusable file. */
  static final int EXIT_USAGE = 2;

  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
  boolean verbose;

  private Main() {}

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line with the given output streams and returns the exit code.
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    Main main = new Main();
    CommandLine cli = new CommandLine(main);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      commandLine.getErr().println("hvcluster: " + oneLine(ex));
      if (main.verbose) {
        ex.printStackTrace(commandLine.getErr());
      }
      return EXIT_USAGE;
    });
    cli.setParameterExceptionHandler((ex, argv) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("hvcluster: " + ex.getMessage());
      c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
      return EXIT_USAGE;
    });
    return cli.execute(args);
  }

  private static String oneLine(Throwable ex) {
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    return message.replace('\n', ' ');
  }
}
