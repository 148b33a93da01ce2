package io.hvcluster.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hvcluster.core.fleet.FleetReport;
import io.hvcluster.core.fleet.FleetSimulation;
import io.hvcluster.core.fleet.FleetSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hvcluster simulate}: a fleet of clusters with Poisson host failures over simulated days,
 * summarised as text or as one JSON object.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Simulates a fleet: ceil(hosts/16) clusters, VMs spread over them, Poisson host failures"
        + " across the fleet, each host repaired after the repair time.")
final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--hosts", required = true, description = "Hosts in the fleet (2 to 100000).")
  int hosts;

  @Option(names = "--vms", required = true, description = "VMs in the fleet.")
  int vms;

  @Option(names = "--days", required = true, description = "Simulated days.")
  double days;

  @Option(names = "--failures-per-hour", required = true, description = "Host failures per hour across the fleet.")
  double failuresPerHour;

  @Option(names = "--repair-hours", defaultValue = "4", description = "Hours a failed host stays down (default: ${DEFAULT-VALUE}).")
  double repairHours;

  @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print one JSON object instead of a summary.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!(repairHours > 0) || repairHours > 24 * 3650) {
      throw new IllegalArgumentException("--repair-hours is " + repairHours + "; allowed: more than 0 and at most 87600");
    }
    FleetSpec fleet = new FleetSpec(hosts, vms, days, failuresPerHour, Duration.ofSeconds((long) (repairHours * 3600)), seed);
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    FleetReport r = FleetSimulation.run(fleet, t -> { });
    double wall = (System.nanoTime() - started) / 1e9;
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("hosts", r.hosts());
      o.put("clusters", r.clusters());
      o.put("vms", r.vms());
      o.put("vmsRunning", r.vmsRunning());
      o.put("simulatedSeconds", r.simulatedSeconds());
      o.put("events", r.events());
      o.put("kernelSteps", r.kernelSteps());
      o.put("hostFailures", r.hostFailures());
      o.put("failovers", r.failovers());
      o.put("vmDowntimeSeconds", round(r.vmDowntimeSeconds(), 3));
      o.put("availability", r.availability());
      o.put("meanTimeToRecoverSeconds", round(r.meanTimeToRecoverSeconds(), 3));
      o.put("invariantViolations", r.invariantViolations());
      o.put("violations", r.violations());
      o.put("wallSeconds", round(wall, 3));
      o.put("traceHash", r.traceHash());
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
    } else {
      out.printf("Fleet: %d hosts in %d clusters, %d VMs, %.1f simulated days, seed %d%n", r.hosts(), r.clusters(),
          r.vms(), r.simulatedSeconds() / 86_400.0, seed);
      out.printf("  host failures   %d (repaired after %.1f h)%n", r.hostFailures(), repairHours);
      out.printf("  group failovers %d%n", r.failovers());
      out.printf("  VM downtime     %.0f s in all; mean time to recover %.1f s%n", r.vmDowntimeSeconds(),
          r.meanTimeToRecoverSeconds());
      out.printf("  availability    %.6f%%%n", r.availability() * 100);
      out.printf("  VMs running     %d of %d at the end%n", r.vmsRunning(), r.vms());
      out.printf("  invariant violations %d%s%n", r.invariantViolations(),
          r.violations().isEmpty() ? "" : ": " + String.join("; ", r.violations()));
      out.printf("  %d events, %d kernel steps, %.2f s wall%n", r.events(), r.kernelSteps(), wall);
      out.println("  trace hash " + r.traceHash());
    }
    return r.invariantViolations() == 0 ? 0 : 1;
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
