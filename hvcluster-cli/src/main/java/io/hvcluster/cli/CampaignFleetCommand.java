package io.hvcluster.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.campaign.Campaign;
import io.hvcluster.campaign.FleetWork;
import io.hvcluster.campaign.RunRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hvcluster campaign fleet}: a fleet what-if sweep as a campaign. Every combination of failure rate and
 * repair time is a point; each point runs {@code --replicas} times with seeds of its own, and the summary gives
 * each point's mean and worst availability, downtime and time to recover, folded in run order.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true, description = {"Runs a fleet what-if sweep as a campaign:"
    + " every combination of --failures-per-hour and --repair-hours is a point, run --replicas times with seeds of"
    + " its own (run i is point i mod points), on local threads or a grid.",
    "Exit code: 0 when no run broke a fleet invariant, 1 when one did or gave two different results, 2 for bad"
        + " input."})
final class CampaignFleetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EngineOptions engine;

  @Option(names = "--hosts", required = true, description = "Hosts in each fleet (2 to 100000).")
  @Range(min = 2, max = 100_000)
  int hosts;

  @Option(names = "--vms", required = true, description = "VMs in each fleet (0 to 10000000).")
  @Range(min = 0, max = 10_000_000)
  int vms;

  @Option(names = "--days", required = true, description = "Simulated days of each run (more than 0, at most 3650).")
  @Range(min = 0, max = 3650, aboveMin = true)
  double days;

  @Option(names = "--failures-per-hour", required = true, split = ",", paramLabel = "RATE", description = "Host"
      + " failure rates to try, such as 0.05,0.1,0.2 (each 0 to 10000).")
  List<Double> failuresPerHour;

  @Option(names = "--repair-hours", split = ",", paramLabel = "HOURS", description = "Repair times to try, in hours,"
      + " such as 2,8,24 (default: 4).")
  List<Double> repairHours = List.of(4.0);

  @Option(names = "--replicas", paramLabel = "R", defaultValue = "1", description = "Runs of each point, each with"
      + " its own seed, 1 to 1000000 (default: ${DEFAULT-VALUE}).")
  @Range(min = 1, max = 1_000_000)
  int replicas;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", converter = SeedOption.class,
      description = "Master seed, decimal or hex like 0x1F (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print the results as JSON.")
  boolean json;

  @Override
  public Integer call() {
    FleetWork work;
    try {
      work = FleetWork.of(hosts, vms, days, failuresPerHour, repairHours);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    long runs = (long) work.points() * replicas;
    if (runs > Integer.MAX_VALUE) {
      throw new ParameterException(spec.commandLine(), work.points() + " points × " + replicas + " replicas is "
          + runs + " runs; a campaign has at most " + Integer.MAX_VALUE);
    }
    List<Point> points = new ArrayList<>();
    for (int p = 0; p < work.points(); p++) {
      points.add(new Point(work.label(p)));
    }
    CampaignRun run = CampaignRun.run(spec, engine, Campaign.of(work).seed(seed).runs((int) runs)
        .inOrder(r -> points.get(r.index() % points.size()).add(r)), (int) runs, json);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = run.json("fleet");
      o.put("hosts", hosts);
      o.put("vms", vms);
      o.put("days", days);
      o.put("replicas", replicas);
      ArrayNode array = o.putArray("points");
      points.forEach(p -> p.json(array.addObject()));
      JsonOutput.print(out, o);
    } else {
      run.text(out);
      out.printf(Locale.ROOT, "%-44s %14s %14s %14s %12s %9s%n", "point", "availability", "worst", "downtime/run",
          "MTTR", "failures");
      points.forEach(p -> out.printf(Locale.ROOT, "%-44s %13.6f%% %13.6f%% %14s %12s %9.1f%n", p.label,
          p.mean("availability") * 100, p.worstAvailability * 100, Durations.words(p.mean("vmDowntimeSeconds")),
          Durations.words(p.mean("meanTimeToRecoverSeconds")), p.mean("hostFailures")));
    }
    out.flush();
    return run.exitCode();
  }

  /** One point of the sweep, its runs folded in index order (so the sums do not depend on the engine). */
  private static final class Point {
    private final String label;
    private int runs;
    private double worstAvailability = 1;
    private final Map<String, Double> sums = new TreeMap<>();

    Point(String label) {
      this.label = label;
    }

    void add(RunRecord r) {
      runs++;
      r.measures().forEach((k, v) -> sums.merge(k, v, Double::sum));
      r.counts().forEach((k, v) -> sums.merge(k, v.doubleValue(), Double::sum));
      worstAvailability = Math.min(worstAvailability, r.measures().getOrDefault("availability", 1.0));
    }

    double mean(String name) {
      return runs == 0 ? 0 : sums.getOrDefault(name, 0.0) / runs;
    }

    void json(ObjectNode o) {
      o.put("label", label);
      o.put("runs", runs);
      o.put("meanAvailability", mean("availability"));
      o.put("worstAvailability", worstAvailability);
      o.put("meanVmDowntimeSeconds", JsonOutput.roundedSeconds(mean("vmDowntimeSeconds")));
      o.put("meanTimeToRecoverSeconds", JsonOutput.roundedSeconds(mean("meanTimeToRecoverSeconds")));
      o.put("hostFailures", Math.round(sums.getOrDefault("hostFailures", 0.0)));
      o.put("failovers", Math.round(sums.getOrDefault("failovers", 0.0)));
      o.put("invariantViolations", Math.round(sums.getOrDefault("invariantViolations", 0.0)));
    }
  }
}
