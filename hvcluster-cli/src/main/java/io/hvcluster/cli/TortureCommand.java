package io.hvcluster.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hvcluster.core.defect.Defect;
import io.hvcluster.testkit.engine.Finding;
import io.hvcluster.testkit.engine.Probes;
import io.hvcluster.testkit.engine.Torture;
import io.hvcluster.testkit.engine.TortureListener;
import io.hvcluster.testkit.engine.TortureReport;
import io.hvcluster.testkit.property.Seeds;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hvcluster torture}: runs K generated fault plans against the real engine with every invariant
 * checked (S1–S10 after every kernel event, L1–L2 after the heal phase) and prints how many scenarios
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
  int nodes;

  @Option(names = "--vms", paramLabel = "M", defaultValue = "20", description = "VMs per cluster (default:"
      + " ${DEFAULT-VALUE}).")
  int vms;

  @Option(names = "--scenarios", paramLabel = "K", defaultValue = "100", description = "How many scenarios to run"
      + " (default: ${DEFAULT-VALUE}).")
  int scenarios;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", converter = SeedConverter.class,
      description = "Seed, decimal or hex like 0x1F (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print the results as JSON.")
  boolean json;

  @Option(names = "--max-faults", paramLabel = "F", defaultValue = "4", description = "Most faults per plan"
      + " (default: ${DEFAULT-VALUE}).")
  int maxFaults;

  @Option(names = "--threads", paramLabel = "T", description = "Scenarios run at once (default: the number of"
      + " processors). The results do not depend on it.")
  Integer threads;

  @Option(names = "--defect", paramLabel = "DEFECT", description = "Enable a deliberate engine defect, to see the"
      + " checkers catch it: ${COMPLETION-CANDIDATES}.")
  List<Defect> defects = List.of();

  /**
   * Hears about every finished scenario, in order: the hook for a progress display. Nothing is printed
   * per scenario by this command itself.
   */
  TortureListener progress = TortureListener.NONE;

  @Override
  public Integer call() throws JsonProcessingException {
    Torture torture;
    int workers = threads != null ? threads : Math.min(64, Runtime.getRuntime().availableProcessors());
    TortureReport report;
    double seconds;
    // The bar draws only on a terminal and without --json; the listener is called in scenario order.
    try (ProgressBar bar = ProgressBar.forCommand(spec, "torture", Math.max(0, scenarios), json)) {
      TortureListener listener = (index, total, result) -> {
        progress.scenarioFinished(index, total, result);
        bar.update(index + 1, (index + 1) + " of " + total + " scenarios");
      };
      try {
        torture = Torture.builder().nodes(nodes).vms(vms).scenarios(scenarios).seed(seed).maxFaults(maxFaults)
            .threads(workers).defects(defects.toArray(new Defect[0])).listener(listener).build();
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      long start = System.nanoTime();
      report = torture.run();
      seconds = (System.nanoTime() - start) / 1e9;
    }
    double perSecond = seconds > 0 ? report.scenarios() / seconds : 0;
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(json(report, seconds, perSecond, workers));
    } else {
      text(out, report, seconds, perSecond, workers);
    }
    out.flush();
    return report.violations() == 0 ? 0 : EXIT_VIOLATIONS;
  }

  private String json(TortureReport r, double seconds, double perSecond, int workers) throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenarios", r.scenarios());
    m.put("violations", r.violations());
    m.put("scenariosPerSecond", Math.round(perSecond * 10) / 10.0);
    m.put("faultsInjected", r.faultsInjected());
    m.put("probesHit", r.probesHit());
    m.put("probes", r.probeCounts());
    m.put("probesMissed", Probes.all().stream().filter(p -> !r.probeCounts().containsKey(p)).sorted().toList());
    m.put("violationsByInvariant", r.violationsByInvariant());
    m.put("nodes", nodes);
    m.put("vms", vms);
    m.put("seed", Seeds.format(seed));
    m.put("maxFaults", maxFaults);
    m.put("threads", workers);
    m.put("defects", defects.stream().map(Enum::name).toList());
    m.put("elapsedSeconds", Math.round(seconds * 1000) / 1000.0);
    m.put("events", r.events());
    m.put("kernelEvents", r.steps());
    r.firstViolation().ifPresent(f -> m.put("firstViolation", finding(mapper, f)));
    return mapper.writeValueAsString(m);
  }

  private static Map<String, Object> finding(ObjectMapper mapper, Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", f.scenario());
    m.put("seed", Seeds.format(f.seed()));
    m.put("invariant", f.violation().invariant());
    m.put("class", f.violation().failureClass().name());
    m.put("message", f.violation().message());
    m.put("planFaults", f.plan().size());
    m.put("minimalPlanFaults", f.minimalPlan().size());
    m.put("minimalPlan", tree(mapper, f.minimalPlan().toJson()));
    m.put("minimalViolation", f.minimalViolation().toString());
    m.put("shrinkRuns", f.shrinkRuns());
    m.put("replay", f.replay());
    m.put("report", f.report());
    return m;
  }

  private static JsonNode tree(ObjectMapper mapper, String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the plan's JSON does not parse: " + e.getMessage(), e);
    }
  }

  private void text(PrintWriter out, TortureReport r, double seconds, double perSecond, int workers) {
    out.printf(Locale.ROOT, "hvcluster torture: %d nodes, %d VMs, seed %s, up to %d faults a plan, %d thread%s%s%n",
        nodes, vms, Seeds.format(seed), maxFaults, workers, workers == 1 ? "" : "s",
        defects.isEmpty() ? "" : ", defects " + defects);
    out.printf(Locale.ROOT, "scenarios: %d%n", r.scenarios());
    out.printf(Locale.ROOT, "violations: %d%s%n", r.violations(), r.violations() == 0 ? "" : " " + r.violationsByInvariant());
    out.printf(Locale.ROOT, "scenariosPerSecond: %.1f (%.2f s wall clock)%n", perSecond, seconds);
    out.printf(Locale.ROOT, "faultsInjected: %d%n", r.faultsInjected());
    out.printf(Locale.ROOT, "probesHit: %d of %d %s%n", r.probesHit(), Probes.all().size(), r.probeCounts());
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

  /** Reads a seed written in decimal or as hex with a {@code 0x} prefix. */
  static final class SeedConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return Seeds.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
