package io.hvcluster.cli;

import io.hvcluster.json.InputFiles;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import org.apiguardian.api.API;

/**
 * The {@code hvcluster} command. Errors a person sees are one line (what was wrong, where, what is
 * allowed) with exit code 2; {@code --verbose} adds the stack trace.
 */
@Command(name = "hvcluster", mixinStandardHelpOptions = true, version = "hvcluster 0.1.0-SNAPSHOT",
    description = "Simulates a highly available Hyper-V failover cluster (Windows Server 2008 / SCVMM 2008).",
    subcommands = {DemoCommand.class, SimulateCommand.class, MigrateCommand.class, TortureCommand.class,
        CampaignCommand.class, GridCommand.class,
        ValidateCommand.class, PlanCommand.class, SaveBenchCommand.class, SavedStateCommand.class,
        CommandLine.HelpCommand.class})
@API(status = API.Status.INTERNAL, since = "0.1.0")
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
    NumberOptions.registerOn(cli);
    cli.setExecutionStrategy(OptionRanges::executeChecked);
    cli.setParameterExceptionHandler((ex, argv) -> {
      CommandLine c = ex.getCommandLine();
      // One line, like every other error: what was wrong, then where to read what is allowed.
      c.getErr().println("hvcluster: " + describe(ex) + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
      // Parsing stops at the bad argument, so a --verbose after it is found in the arguments.
      if (main.verbose || Arrays.asList(argv).contains("--verbose")) {
        ex.printStackTrace(c.getErr());
      }
      return EXIT_USAGE;
    });
    return cli.execute(args);
  }

  /**
   * Returns a command-line error in one line: an unknown command comes with the commands there are, a
   * mistyped command or option with what it resembles, a bad number with the option's range.
   */
  static String describe(ParameterException ex) {
    CommandLine c = ex.getCommandLine();
    if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String first = u.getUnmatched().get(0);
      // On a command that takes subcommands and no positional parameters, an unmatched word names a command.
      if (!c.getSubcommands().isEmpty() && c.getCommandSpec().positionalParameters().isEmpty()
          && !first.startsWith("-")) {
        List<String> like = Suggestions.closest(first, c.getSubcommands().keySet());
        return "unknown command '" + first + "'" + (like.isEmpty() ? "; allowed: "
            + String.join(", ", c.getSubcommands().keySet()) : guess(like));
      }
      List<String> like = Suggestions.closest(first, c.getCommandSpec().optionsMap().keySet());
      if (u.isUnknownOption() && !like.isEmpty()) {
        // picocli lists the option's value as a second unknown argument; the option is the mistake.
        return "Unknown option: '" + first + "'" + guess(like);
      }
    }
    return OptionRanges.conversionError(ex).orElseGet(() -> oneLine(ex));
  }

  private static String guess(List<String> like) {
    return "; did you mean " + String.join(" or ", like) + "?";
  }

  static String oneLine(Throwable ex) {
    String message;
    if (ex instanceof FileSystemException f) {
      // These exceptions' messages are often just the path; say what went wrong with it.
      message = "cannot use " + f.getFile() + (f.getOtherFile() == null ? "" : " and " + f.getOtherFile()) + ": "
          + reason(f);
    } else {
      message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }
    return InputFiles.printable(message.replace('\n', ' '));
  }

  private static String reason(FileSystemException f) {
    if (f instanceof NoSuchFileException) {
      return "no such file or directory";
    } else if (f instanceof AccessDeniedException) {
      return "permission denied";
    } else if (f instanceof FileAlreadyExistsException) {
      return "it already exists";
    } else if (f instanceof NotDirectoryException) {
      return "not a directory";
    }
    return f.getReason() == null ? f.getClass().getSimpleName() : f.getReason();
  }
}
