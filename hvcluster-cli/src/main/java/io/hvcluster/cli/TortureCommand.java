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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hvcluster torture}: runs K generated fault plans against the real engine with every invariant
 * checked (S1–S12 after every kernel event, L1–L2 after the heal phase) and prints how many scenarios
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

  @Mixin ScenarioOptions options;

  @Option(names = "--scenarios", paramLabel = "K", defaultValue = "100", description = "How many scenarios to run"
      + " (default: ${DEFAULT-VALUE}).")
  @Range(min = 1, max = Integer.MAX_VALUE)
  int scenarios;

  @Option(names = "--json", description = "Print the results as JSON.")
  boolean json;

  @Option(names = "--threads", paramLabel = "T", description = "Scenarios run at once (default: the number of"
      + " processors; 1 to 64). The results do not depend on it.")
  @Range(min = 1, max = 64)
  Integer threads;

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
        torture = Torture.builder().nodes(options.nodes).vms(options.vms).scenarios(scenarios).seed(options.seed)
            .maxFaults(options.maxFaults).threads(workers).wide(options.wide)
            .defects(options.defects.toArray(new Defect[0])).listener(listener).build();
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
    m.put("nodes", options.nodes);
    m.put("vms", options.vms);
    m.put("seed", JsonOutput.seed(options.seed));
    m.put("maxFaults", options.maxFaults);
    m.put("wide", options.wide);
    m.put("threads", workers);
    ArrayNode defectNames = m.putArray("defects");
    options.defects.forEach(d -> defectNames.add(d.name()));
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

  /** Returns a finding as the {@code firstViolation} object of {@code --json} (shared with campaign torture). */
  static ObjectNode finding(Finding f) {
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
    out.printf(Locale.ROOT, "hvcluster torture: %s, seed %s, up to %d faults a plan, %d thread%s%s%n",
        options.topology(), Seeds.format(options.seed), options.planFaults(), workers, workers == 1 ? "" : "s",
        options.defects.isEmpty() ? "" : ", defects " + options.defects);
    out.printf(Locale.ROOT, "scenarios: %d%n", r.scenarios());
    out.printf(Locale.ROOT, "violations: %d%s%n", r.violations(), r.violations() == 0 ? "" : " " + r.violationsByInvariant());
    out.printf(Locale.ROOT, "scenariosPerSecond: %.1f (%.2f s wall clock)%n", perSecond, seconds);
    out.printf(Locale.ROOT, "faultsInjected: %d%n", r.faultsInjected());
    out.printf(Locale.ROOT, "probesHit: %d of %d %s%n", r.probesHit(), Probes.all().size(), r.probeCounts());
    List<String> missed = missed(r);
    out.printf(Locale.ROOT, "probesMissed: %s%n", missed.isEmpty() ? "none" : String.join(", ", missed));
    out.printf(Locale.ROOT, "events: %d cluster events, %d kernel events%n", r.events(), r.steps());
    r.firstViolation().ifPresent(f -> printFinding(out, f, f.scenario()));
  }

  /** Prints a finding: the violation, the minimal plan, the replay line and the report (shared with campaign torture). */
  static void printFinding(PrintWriter out, Finding f, int scenario) {
    out.println();
    out.printf(Locale.ROOT, "first violation: scenario %d (seed %s): %s%n", scenario, Seeds.format(f.seed()),
        f.violation());
    out.printf(Locale.ROOT, "minimal plan (%d of %d faults, %d shrink runs), breaking %s:%n", f.minimalPlan().size(),
        f.plan().size(), f.shrinkRuns(), f.minimalViolation().invariant());
    out.println(f.minimalPlan().timeline());
    out.println(f.minimalPlan().toJson().stripTrailing());
    out.println("replay: " + f.replay());
    out.println();
    out.println("report of the minimal plan:");
    out.println(f.report());
  }
}
