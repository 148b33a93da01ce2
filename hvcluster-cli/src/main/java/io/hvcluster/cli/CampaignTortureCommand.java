package io.hvcluster.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.campaign.Campaign;
import io.hvcluster.campaign.FailedRun;
import io.hvcluster.campaign.TortureWork;
import io.hvcluster.testkit.engine.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hvcluster campaign torture}: torture scenarios as a campaign. Run {@code i} is scenario {@code i} of
 * {@code hvcluster torture} with the same options and seed; the first failure is shrunk here, on the
 * coordinator, and printed with its one-line replay, as torture does.
 */
@Command(name = "torture", mixinStandardHelpOptions = true, description = {"Runs K torture scenarios as a campaign:"
    + " run i is scenario i of 'hvcluster torture' with the same options and --seed, on local threads or a grid.",
    "The first failing scenario is shrunk in this process and printed with the command that replays it.",
    "Exit code: 0 when every run passed, 1 when one broke an invariant or gave two different results, 2 for bad"
        + " input."})
final class CampaignTortureCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EngineOptions engine;

  @Mixin ScenarioOptions options;

  @Option(names = "--runs", paramLabel = "K", defaultValue = "1000", description = "How many scenarios to run"
      + " (default: ${DEFAULT-VALUE}).")
  @Range(min = 1, max = Integer.MAX_VALUE)
  int runs;

  @Option(names = "--json", description = "Print the results as JSON.")
  boolean json;

  @Override
  public Integer call() {
    TortureWork work;
    try {
      work = TortureWork.of(options.nodes, options.vms, options.maxFaults).withDefects(options.defects)
          .withWide(options.wide);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    CampaignRun run = CampaignRun.run(spec, engine, Campaign.of(work).seed(options.seed).runs(runs), runs, json);
    Optional<FailedRun> first = run.summary().firstFailures().stream().findFirst();
    Optional<Finding> finding = first.flatMap(f -> work.shrink(f.seed(), 300));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = run.json("torture");
      o.put("nodes", options.nodes);
      o.put("vms", options.vms);
      o.put("maxFaults", options.maxFaults);
      o.put("wide", options.wide);
      ArrayNode names = o.putArray("defects");
      options.defects.forEach(d -> names.add(d.name()));
      finding.ifPresent(f -> o.set("firstViolation", TortureCommand.finding(f).put("scenario", first.get().index())));
      JsonOutput.print(out, o);
    } else {
      run.text(out);
      finding.ifPresent(f -> TortureCommand.printFinding(out, f, first.get().index()));
    }
    out.flush();
    return run.exitCode();
  }
}
