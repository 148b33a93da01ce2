package io.hvcluster.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.core.fleet.FleetReport;
import io.hvcluster.core.fleet.FleetSimulation;
import io.hvcluster.core.fleet.FleetSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hvcluster simulate}, in two modes. Fleet mode ({@code --hosts --vms --days --failures-per-hour}):
 * a fleet of clusters with Poisson host failures over simulated days, summarised as text or as one JSON
 * object. Scenario mode ({@code --scenario FILE [--report DIR] [--duration D]}): one cluster from a
 * scenario file with timed actions and a fault plan (docs/scenario-format.md), with an HTML report and
 * each node's cluster log ({@code --cluster-log DIR}).
 * Both show a progress bar on a terminal, and none with {@code --json} or when output is not a terminal.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Fleet mode: simulates ceil(hosts/16) clusters, VMs spread over them, Poisson host failures"
        + " across the fleet, each host repaired after the repair time.",
        "Scenario mode (--scenario FILE): runs one cluster through the timed actions and faults of a scenario file"
        + " (docs/scenario-format.md); --report DIR writes an HTML report with an SVG timeline.",
        "Exit codes: 0 done, 1 a fleet invariant was violated, 2 unusable input."})
final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--hosts", description = "Fleet: hosts in the fleet (2 to 100000).")
  @Range(min = 2, max = 100_000)
  Integer hosts;

  @Option(names = "--vms", description = "Fleet: VMs in the fleet (0 to 10000000).")
  @Range(min = 0, max = 10_000_000)
  Integer vms;

  @Option(names = "--days", description = "Fleet: simulated days (more than 0, at most 3650).")
  @Range(min = 0, max = 3650, aboveMin = true)
  Double days;

  @Option(names = "--failures-per-hour", description = "Fleet: host failures per hour across the fleet (0 to 10000).")
  @Range(min = 0, max = 10_000)
  Double failuresPerHour;

  @Option(names = "--repair-hours", description = "Fleet: hours a failed host stays down (more than 0, at most 87600;"
      + " default: 4).")
  @Range(min = 0, max = 87_600, aboveMin = true)
  Double repairHours;

  @Option(names = "--threads", paramLabel = "T", description = "Fleet: clusters simulated at once (default: the"
      + " number of processors; 1 to 64). The results and the trace hash do not depend on it.")
  @Range(min = 1, max = 64)
  Integer threads;

  @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario: the scenario file (JSON) to run.")
  Path scenario;

  @Option(names = "--report", paramLabel = "DIR",
      description = "Scenario: write index.html, timeline.svg and trace.jsonl to DIR (created if missing).")
  Path report;

  @Option(names = "--cluster-log", paramLabel = "DIR",
      description = "Scenario: write each node's cluster log (the text of 'cluster log /g' or Get-ClusterLog) to"
          + " DIR/<node>_cluster.log (created if missing).")
  Path clusterLog;

  @Option(names = "--duration", paramLabel = "D",
      description = "Scenario: run for D of virtual time instead of the file's duration, e.g. 2h or 90m.")
  String duration;

  @Option(names = "--seed", paramLabel = "N", converter = SeedOption.class,
      description = "Master seed, decimal or hex like 0x2A (default: 1 for a fleet, the file's seed or 42 for a"
          + " scenario).")
  Long seed;

  @Option(names = "--json", description = "Print one JSON object instead of a summary.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (scenario != null) {
      List<String> fleetOptions = given(Map.of("--hosts", hosts != null, "--vms", vms != null, "--days", days != null,
          "--failures-per-hour", failuresPerHour != null, "--repair-hours", repairHours != null, "--threads", threads != null));
      if (!fleetOptions.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--scenario runs one scenario file; " + String.join(", ",
            fleetOptions) + " belong to fleet mode; give one mode or the other");
      }
      return ScenarioMode.run(spec, scenario, new ScenarioMode.Outputs(report, clusterLog), seed, duration, json);
    }
    List<String> scenarioOptions = given(Map.of("--report", report != null, "--duration", duration != null,
        "--cluster-log", clusterLog != null));
    if (!scenarioOptions.isEmpty()) {
      throw new ParameterException(spec.commandLine(), String.join(" and ", scenarioOptions)
          + " need --scenario FILE; fleet mode writes no report and no cluster log");
    }
    List<String> missing = missing(Map.of("'--hosts'", hosts == null, "'--vms'", vms == null, "'--days'", days == null,
        "'--failures-per-hour'", failuresPerHour == null));
    if (!missing.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Missing required options for a fleet: " + String.join(", ",
          missing) + " (or run a scenario file with --scenario FILE)");
    }
    return fleet();
  }

  private static List<String> given(Map<String, Boolean> options) {
    return options.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted().toList();
  }

  private static List<String> missing(Map<String, Boolean> options) {
    List<String> order = List.of("'--hosts'", "'--vms'", "'--days'", "'--failures-per-hour'");
    return order.stream().filter(options::get).toList();
  }

  private int fleet() throws Exception {
    double repair = repairHours == null ? 4 : repairHours;
    long masterSeed = seed == null ? 1 : seed;
    FleetSpec fleet = new FleetSpec(hosts, vms, days, failuresPerHour, Duration.ofSeconds((long) (repair * 3600)),
        masterSeed);
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    FleetReport r;
    long totalNanos = (long) Math.min(Long.MAX_VALUE, days * 86_400e9);
    try (ProgressBar bar = ProgressBar.forCommand(spec, "simulating", Math.max(0, totalNanos),
        ProgressBar.Rate.virtualTime(), json)) {
      int workers = threads != null ? threads : Math.min(64, Runtime.getRuntime().availableProcessors());
      r = FleetSimulation.run(fleet, workers, t -> bar.update(t, String.format(Locale.ROOT, "day %.1f of %.1f", t / 86_400e9,
          days)));
    }
    long wallNanos = System.nanoTime() - started;
    if (json) {
      JsonOutput.print(out, fleetJson(r, fleet, wallNanos));
    } else {
      out.printf("Fleet: %d hosts in %d clusters, %d VMs, %.1f simulated days, seed %d%n", r.hosts(), r.clusters(),
          r.vms(), r.simulatedSeconds() / 86_400.0, masterSeed);
      out.printf("  host failures   %d (repaired after %s)%n", r.hostFailures(), Durations.words(repair * 3600));
      out.printf("  group failovers %d%n", r.failovers());
      out.printf("  VM downtime     %s in all; mean time to recover %s%n",
          Durations.wordsAndSeconds(r.vmDowntimeSeconds()), Durations.words(r.meanTimeToRecoverSeconds()));
      out.printf("  availability    %.6f%%%n", r.availability() * 100);
      out.printf("  VMs running     %d of %d at the end%n", r.vmsRunning(), r.vms());
      out.printf("  invariant violations %d%s%n", r.invariantViolations(),
          r.violations().isEmpty() ? "" : ": " + String.join("; ", r.violations()));
      out.printf("  %d events, %d kernel steps, %.2f s wall%n", r.events(), r.kernelSteps(), wallNanos / 1e9);
      out.println("  trace hash " + r.traceHash());
    }
    return r.invariantViolations() == 0 ? 0 : 1;
  }

  /** Returns a fleet run as its {@code --json} object (docs/json-output.md). */
  static ObjectNode fleetJson(FleetReport r, FleetSpec fleet, long wallNanos) {
    ObjectNode o = JsonOutput.root();
    o.put("hosts", r.hosts());
    o.put("clusters", r.clusters());
    o.put("vms", r.vms());
    o.put("vmsRunning", r.vmsRunning());
    o.put("seed", JsonOutput.seed(fleet.seed()));
    o.put("failuresPerHour", fleet.failuresPerHour());
    o.put("repairSeconds", JsonOutput.seconds(fleet.repairTime().toNanos()));
    o.put("simulatedSeconds", r.simulatedSeconds());
    o.put("events", r.events());
    o.put("kernelSteps", r.kernelSteps());
    o.put("hostFailures", r.hostFailures());
    o.put("failovers", r.failovers());
    o.put("vmDowntimeSeconds", JsonOutput.roundedSeconds(r.vmDowntimeSeconds()));
    o.put("availability", r.availability());
    o.put("meanTimeToRecoverSeconds", JsonOutput.roundedSeconds(r.meanTimeToRecoverSeconds()));
    o.put("invariantViolations", r.invariantViolations());
    ArrayNode violations = o.putArray("violations");
    r.violations().forEach(violations::add);
    o.put("wallSeconds", JsonOutput.wallSeconds(wallNanos));
    o.put("traceHash", r.traceHash());
    return o;
  }
}
