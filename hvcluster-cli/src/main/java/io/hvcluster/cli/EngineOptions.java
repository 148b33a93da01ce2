package io.hvcluster.cli;

import io.hvcluster.campaign.LocalEngine;
import io.hvcluster.campaign.spi.CampaignEngine;
import io.hvcluster.campaign.spi.CampaignEngineProvider;
import io.hvcluster.campaign.spi.GridOptions;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where a campaign runs: {@code --engine local} (threads in this process, the default) or
 * {@code --engine hazelcast} (this process joins the grid members given and coordinates). The grid engine is
 * found on the class path, so this tool does not depend on it at compile time.
 */
final class EngineOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local", description = "local (threads in this"
      + " process) or hazelcast (a grid; give --members) (default: ${DEFAULT-VALUE}).")
  String engine;

  @Option(names = "--members", paramLabel = "HOST:PORT", split = ",", description = "Grid members to join, such as"
      + " 10.0.0.5:5701,10.0.0.6:5701 (started with 'hvcluster grid member').")
  List<String> members = List.of();

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = GridOptions.DEFAULT_BIND, description = "The address"
      + " this coordinator binds and announces to the grid; members must reach it (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--port", paramLabel = "P", defaultValue = "5700", description = "The port this coordinator listens"
      + " on in the grid, 1 to 65535 (default: ${DEFAULT-VALUE}).")
  @Range(min = 1, max = 65_535)
  int port;

  @Option(names = "--cluster-name", paramLabel = "NAME", defaultValue = GridOptions.DEFAULT_CLUSTER, description =
      "The grid's name; members join only a grid of the same name (default: ${DEFAULT-VALUE}).")
  String clusterName;

  @Option(names = "--threads", paramLabel = "T", description = "Worker threads in this process (default: the number"
      + " of processors; 1 to 256). The results do not depend on it.")
  @Range(min = 1, max = 256)
  Integer threads;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "128", description = "Runs sent to a worker as one"
      + " task, 1 to 100000 (default: ${DEFAULT-VALUE}). The results do not depend on it.")
  @Range(min = 1, max = 100_000)
  int batchSize;

  int workers() {
    return threads != null ? threads : Math.min(256, Runtime.getRuntime().availableProcessors());
  }

  /** Opens the engine; the caller closes it. */
  CampaignEngine open() {
    if (engine.equals("local")) {
      if (!members.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--members needs --engine hazelcast; the local engine runs"
            + " in this process");
      }
      return LocalEngine.withThreads(workers());
    }
    if (members.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--engine " + engine + " needs --members HOST:PORT,... (start"
          + " each member with 'hvcluster grid member --port P')");
    }
    CampaignEngineProvider provider;
    GridOptions options;
    try {
      provider = CampaignEngineProvider.named(engine);
      options = new GridOptions(clusterName, bind, port, members, workers());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--engine " + engine + ": " + e.getMessage());
    }
    GridLogging.quiet();
    return provider.engine(options);
  }
}
