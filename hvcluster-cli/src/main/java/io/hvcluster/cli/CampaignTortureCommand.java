package io.hvcluster.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.campaign.Campaign;
import io.hvcluster.campaign.FailedRun;
import io.hvcluster.campaign.TortureWork;
import io.hvcluster.core.defect.Defect;
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

  @Option(names = "--nodes", paramLabel = "N", defaultValue = "4", description = "Nodes per cluster, 2 to 16"
      + " (default: ${DEFAULT-VALUE}).")
  @Range(min = 2, max = 16)
  int nodes;

  @Option(names = "--vms", paramLabel = "M", defaultValue = "20", description = "VMs per cluster, 1 to 1000"
      + " (default: ${DEFAULT-VALUE}).")
  @Range(min = 1, max = 1000)
  int vms;

  @Option(names = "--max-faults", paramLabel = "F", defaultValue = "4", description = "Most faults per plan, 0 to 20"
      + " (default: ${DEFAULT-VALUE}).")
  @Range(min = 0, max = 20)
  int maxFaults;

  @Option(names = "--runs", paramLabel = "K", defaultValue = "1000", description = "How many scenarios to run"
      + " (default: ${DEFAULT-VALUE}).")
  @Range(min = 1, max = Integer.MAX_VALUE)
  int runs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", converter = SeedOption.class,
      description = "Master seed, decimal or hex like 0x1F (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--defect", paramLabel = "DEFECT", description = "Enable a deliberate engine defect, to see the"
      + " campaign catch it: ${COMPLETION-CANDIDATES}.")
  List<Defect> defects = List.of();

  @Option(names = "--json", description = "Print the results as JSON.")
  boolean json;

  @Override
  public Integer call() {
    TortureWork work;
    try {
      work = TortureWork.of(nodes, vms, maxFaults).withDefects(defects);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    CampaignRun run = CampaignRun.run(spec, engine, Campaign.of(work).seed(seed).runs(runs), runs, json);
    Optional<FailedRun> first = run.summary().firstFailures().stream().findFirst();
    Optional<Finding> finding = first.flatMap(f -> work.shrink(f.seed(), 300));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = run.json("torture");
      o.put("nodes", nodes);
      o.put("vms", vms);
      o.put("maxFaults", maxFaults);
      ArrayNode names = o.putArray("defects");
      defects.forEach(d -> names.add(d.name()));
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
