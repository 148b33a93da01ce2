package io.hvcluster.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.core.defect.Defect;
import io.hvcluster.testkit.engine.Finding;
import io.hvcluster.testkit.engine.Probes;
import io.hvcluster.testkit.engine.Torture;
import io.hvcluster.testkit.engine.TortureListener;
import io.hvcluster.testkit.engine.TortureReport;
import io.hvcluster.testkit.property.Seeds;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hvcluster torture}: runs K generated fault plans against the real engine with every invariant
 * checked (S1–S11 after every kernel event, L1–L2 after the heal phase) and prints how many scenarios
 * ran, how many broke an invariant, how fast, how many faults were injected and which coverage probes
 * were hit; for the first violation, the plan shrunk to a minimal one and the command that replays it.
 *
 * <p>Exit codes: 0 when no scenario broke an invariant, 1 when at least one did, 2 for bad input.
 * Wall-clock time (for {@code scenariosPerSecond}) is read here, never in the library.
 */
@Command(name = "torture", mixinStandardHelpOptions = true,
    description = {"Runs K generated fault plans (swarm mode, within the quorum model's fault budget) against the "
        + "real engine, with every invariant checked after every kernel event and liveness after healing.",
        "Scenario i is generated from the seed of try i (scenario 0 from --seed itself), so a failing scenario "
        + "replays alone with its own seed and --scenarios 1.",
        "Exit code: 0 when no scenario broke an invariant, 1 when at least one did, 2 for bad input."})
final class TortureCommand implements Callable<Integer> {
  /** Exit code when some scenario broke an invariant. */
  static final int EXIT_VIOLATIONS = 1;

  @Spec CommandSpec spec;

  @Option(names = "--nodes", paramLabel = "N", defaultValue = "4", description = "Nodes per cluster, 2 to 16"
      + " (default: ${DEFAULT-VALUE}).")
  @Range(min = 2, max = 16)
  int nodes;

  @Option(names = "--vms", paramLabel = "M", defaultValue = "20", description = "VMs per cluster (default:"
      + " ${DEFAULT-VALUE}; 1 to 1000).")
  @Range(min = 1, max = 1000)
  int vms;

  @Option(names = "--scenarios", paramLabel = "K", defaultValue = "100", description = "How many scenarios to run"
      + " (default: ${DEFAULT-VALUE}).")
  @Range(min = 1, max = Integer.MAX_VALUE)
  int scenarios;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", converter = SeedOption.class,
      description = "Seed, decimal or hex like 0x1F (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print the results as JSON.")
  boolean json;

  @Option(names = "--max-faults", paramLabel = "F", defaultValue = "4", description = "Most faults per plan"
      + " (default: ${DEFAULT-VALUE}; 0 to 20).")
  @Range(min = 0, max = 20)
  int maxFaults;

  @Option(names = "--threads", paramLabel = "T", description = "Scenarios run at once (default: the number of"
      + " processors; 1 to 64). The results do not depend on it.")
  @Range(min = 1, max = 64)
  Integer threads;

  @Option(names = "--wide", description = "Draw each scenario's topology (2 to 16 nodes), memory pressure, fault"
      + " count and spacing (up to twice --max-faults, within up to 10 minutes) and failover policies, in swarm"
      + " fashion; --nodes and --vms are then ignored. For long campaigns (docs/property-testing.md).")
  boolean wide;

  @Option(names = "--defect", paramLabel = "DEFECT", description = "Enable a deliberate engine defect, to see the"
      + " checkers catch it: ${COMPLETION-CANDIDATES}.")
  List<Defect> defects = List.of();

  /**
   * Hears about every finished scenario, in order: the hook for a progress display. Nothing is printed
   * per scenario by this command itself.
   */
  TortureListener progress = TortureListener.NONE;

  @Override
  public Integer call() {
    Torture torture;
    int workers = threads != null ? threads : Math.min(64, Runtime.getRuntime().availableProcessors());
    TortureReport report;
    long wallNanos;
    // The bar draws only on a terminal and without --json; the listener is called in scenario order.
    try (ProgressBar bar = ProgressBar.forCommand(spec, "torture", Math.max(0, scenarios), ProgressBar.Rate.count(),
        json)) {
      TortureListener listener = (index, total, result) -> {
        progress.scenarioFinished(index, total, result);
        bar.update(index + 1, (index + 1) + " of " + total + " scenarios");
      };
      try {
        torture = Torture.builder().nodes(nodes).vms(vms).scenarios(scenarios).seed(seed).maxFaults(maxFaults)
            .threads(workers).wide(wide).defects(defects.toArray(new Defect[0])).listener(listener).build();
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      long start = System.nanoTime();
      report = torture.run();
      wallNanos = System.nanoTime() - start;
    }
    double seconds = wallNanos / 1e9;
    double perSecond = seconds > 0 ? report.scenarios() / seconds : 0;
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, json(report, wallNanos, perSecond, workers));
    } else {
      text(out, report, seconds, perSecond, workers);
    }
    out.flush();
    return report.violations() == 0 ? 0 : EXIT_VIOLATIONS;
  }

  /** Returns the run as its {@code --json} object (docs/json-output.md). */
  ObjectNode json(TortureReport r, long wallNanos, double perSecond, int workers) {
    ObjectNode m = JsonOutput.root();
    m.put("scenarios", r.scenarios());
    m.put("violations", r.violations());
    m.put("scenariosPerSecond", Math.round(perSecond * 10) / 10.0);
    m.put("faultsInjected", r.faultsInjected());
    m.put("probesHit", r.probesHit());
    ObjectNode probes = m.putObject("probes");
    r.probeCounts().forEach(probes::put);
    ArrayNode missed = m.putArray("probesMissed");
    missed(r).forEach(missed::add);
    ObjectNode byInvariant = m.putObject("violationsByInvariant");
    r.violationsByInvariant().forEach(byInvariant::put);
    m.put("nodes", nodes);
    m.put("vms", vms);
    m.put("seed", JsonOutput.seed(seed));
    m.put("maxFaults", maxFaults);
    m.put("wide", wide);
    m.put("threads", workers);
    ArrayNode defectNames = m.putArray("defects");
    defects.forEach(d -> defectNames.add(d.name()));
    m.put("wallSeconds", JsonOutput.wallSeconds(wallNanos));
    m.put("events", r.events());
    m.put("kernelEvents", r.steps());
    r.firstViolation().ifPresent(f -> m.set("firstViolation", finding(f)));
    m.put("elapsedSeconds", Math.round(wallNanos / 1e6) / 1000.0);
    return m;
  }

  /** Returns the standard probes that no scenario hit, sorted. */
  static List<String> missed(TortureReport r) {
    return Probes.all().stream().filter(p -> !r.probeCounts().containsKey(p)).sorted().toList();
  }

  private static ObjectNode finding(Finding f) {
    ObjectNode m = JsonOutput.object();
    m.put("scenario", f.scenario());
    m.put("seed", JsonOutput.seed(f.seed()));
    m.put("invariant", f.violation().invariant());
    m.put("class", f.violation().failureClass().name());
    m.put("message", f.violation().message());
    m.put("planFaults", f.plan().size());
    m.put("minimalPlanFaults", f.minimalPlan().size());
    m.set("minimalPlan", JsonOutput.parse(f.minimalPlan().toJson()));
    m.put("minimalViolation", f.minimalViolation().toString());
    m.put("shrinkRuns", f.shrinkRuns());
    m.put("replay", f.replay());
    m.put("report", f.report());
    return m;
  }

  private void text(PrintWriter out, TortureReport r, double seconds, double perSecond, int workers) {
    String topology = wide ? "wide (2 to 16 nodes, drawn policies)" : nodes + " nodes, " + vms + " VMs";
    out.printf(Locale.ROOT, "hvcluster torture: %s, seed %s, up to %d faults a plan, %d thread%s%s%n",
        topology, Seeds.format(seed), wide ? 2 * maxFaults : maxFaults, workers, workers == 1 ? "" : "s",
        defects.isEmpty() ? "" : ", defects " + defects);
    out.printf(Locale.ROOT, "scenarios: %d%n", r.scenarios());
    out.printf(Locale.ROOT, "violations: %d%s%n", r.violations(), r.violations() == 0 ? "" : " " + r.violationsByInvariant());
    out.printf(Locale.ROOT, "scenariosPerSecond: %.1f (%.2f s wall clock)%n", perSecond, seconds);
    out.printf(Locale.ROOT, "faultsInjected: %d%n", r.faultsInjected());
    out.printf(Locale.ROOT, "probesHit: %d of %d %s%n", r.probesHit(), Probes.all().size(), r.probeCounts());
    List<String> missed = missed(r);
    out.printf(Locale.ROOT, "probesMissed: %s%n", missed.isEmpty() ? "none" : String.join(", ", missed));
    out.printf(Locale.ROOT, "events: %d cluster events, %d kernel events%n", r.events(), r.steps());
    r.firstViolation().ifPresent(f -> {
      out.println();
      out.printf(Locale.ROOT, "first violation: scenario %d (seed %s): %s%n", f.scenario(), Seeds.format(f.seed()),
          f.violation());
      out.printf(Locale.ROOT, "minimal plan (%d of %d faults, %d shrink runs), breaking %s:%n", f.minimalPlan().size(),
          f.plan().size(), f.shrinkRuns(), f.minimalViolation().invariant());
      out.println(f.minimalPlan().timeline());
      out.println(f.minimalPlan().toJson().stripTrailing());
      out.println("replay: " + f.replay());
      out.println();
      out.println("report of the minimal plan:");
      out.println(f.report());
    });
  }
}
