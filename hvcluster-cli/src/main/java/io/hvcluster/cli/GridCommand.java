package io.hvcluster.cli;

import io.hvcluster.campaign.spi.CampaignEngineProvider;
import io.hvcluster.campaign.spi.GridOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hvcluster grid}: the members of a campaign grid. */
@Command(name = "grid", mixinStandardHelpOptions = true, description = "Runs members of a campaign grid"
    + " (docs/campaigns.md).", subcommands = GridCommand.Member.class)
final class GridCommand {
  private GridCommand() {}

  /**
   * {@code hvcluster grid member}: starts a member that runs campaign batches for coordinators and keeps their
   * results, until it is stopped (Ctrl-C or a signal, which leave the grid gracefully).
   */
  @Command(name = "member", mixinStandardHelpOptions = true, description = {"Starts a grid member that runs campaign"
      + " batches and keeps results (with a backup on another member) until it is stopped.",
      "It binds --bind (loopback unless told otherwise) and finds other members only through --members: no"
          + " multicast, no auto-detection, no phone-home.",
      "Exit codes: 0 stopped, 2 bad input or the grid engine is not on the class path."})
  static final class Member implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "5701", description = "The port to listen on, 1 to"
        + " 65535 (default: ${DEFAULT-VALUE}).")
    @Range(min = 1, max = 65_535)
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = GridOptions.DEFAULT_BIND, description = "The"
        + " address to bind and announce; use the machine's LAN address for a grid of several machines (default:"
        + " ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--members", paramLabel = "HOST:PORT", split = ",", description = "Other members to join, such"
        + " as 10.0.0.5:5701 (none for the first member).")
    List<String> members = List.of();

    @Option(names = "--cluster-name", paramLabel = "NAME", defaultValue = GridOptions.DEFAULT_CLUSTER,
        description = "The grid's name (default: ${DEFAULT-VALUE}).")
    String clusterName;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: the number of processors;"
        + " 1 to 256).")
    @Range(min = 1, max = 256)
    Integer threads;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "hazelcast", description = "The grid engine"
        + " (default: ${DEFAULT-VALUE}).")
    String engine;

    @Override
    public Integer call() throws InterruptedException {
      CampaignEngineProvider provider;
      GridOptions options;
      try {
        provider = CampaignEngineProvider.named(engine);
        options = new GridOptions(clusterName, bind, port, members, threads != null ? threads
            : Math.min(256, Runtime.getRuntime().availableProcessors()));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      GridLogging.quiet();
      PrintWriter out = spec.commandLine().getOut();
      try (CampaignEngineProvider.GridMember member = provider.member(options)) {
        out.printf("hvcluster grid member on %s (%d thread%s, cluster '%s'), %d member%s in the grid; stop it with"
            + " Ctrl-C%n", member.address(), options.threads(), options.threads() == 1 ? "" : "s", options.clusterName(),
            member.gridSize(), member.gridSize() == 1 ? "" : "s");
        out.flush();
        member.awaitShutdown();
      }
      return 0;
    }
  }
}
