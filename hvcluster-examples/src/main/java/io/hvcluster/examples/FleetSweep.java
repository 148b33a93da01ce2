package io.hvcluster.examples;

import io.hvcluster.core.fleet.FleetReport;
import io.hvcluster.core.fleet.FleetSimulation;
import io.hvcluster.core.fleet.FleetSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A fleet parameter sweep with a plot-ready CSV: how availability and the time to recover change with the
 * rate of host failures and with how long a failed host takes to repair. Each point is one fleet run of
 * 48 hosts (three clusters of 16) and 480 VMs over 7 simulated days, with the same seed, so the points
 * differ only by the parameters; each takes a fraction of a second.
 *
 * <p>The CSV has one row per point, with a header, in the order a plotting tool wants (x, series, y
 * values): {@code failuresPerHour,repairHours,hostFailures,failovers,availability,vmDowntimeSeconds,
 * meanTimeToRecoverSeconds,invariantViolations}. For example, in Python:
 * {@code pandas.read_csv("sweep.csv").pivot(index="failuresPerHour", columns="repairHours",
 * values="availability").plot()}.
 *
 * <p>Run it with {@code java -cp hvcluster-examples/target/examples.jar io.hvcluster.examples.FleetSweep
 * sweep.csv}; without an argument it writes the CSV to standard output.
 */
public final class FleetSweep {
  /** The CSV's header. */
  public static final String HEADER = "failuresPerHour,repairHours,hostFailures,failovers,availability,"
      + "vmDowntimeSeconds,meanTimeToRecoverSeconds,invariantViolations";
  /** Host failures per hour across the fleet: the x axis. */
  public static final List<Double> FAILURES_PER_HOUR = List.of(0.05, 0.1, 0.2, 0.4);
  /** Hours a failed host stays down: one series each. */
  public static final List<Integer> REPAIR_HOURS = List.of(2, 8, 24);

  private FleetSweep() {}

  /** Runs one point of the sweep. */
  public static FleetReport point(double failuresPerHour, int repairHours) {
    return FleetSimulation.run(new FleetSpec(48, 480, 7, failuresPerHour, Duration.ofHours(repairHours), 2024),
        virtualNanos -> {});
  }

  /** Runs the whole sweep and writes the CSV, header first. */
  public static void sweep(Writer out) {
    PrintWriter csv = new PrintWriter(out);
    csv.println(HEADER);
    for (double rate : FAILURES_PER_HOUR) {
      for (int repair : REPAIR_HOURS) {
        FleetReport r = point(rate, repair);
        csv.println(String.format(Locale.ROOT, "%s,%d,%d,%d,%.6f,%.3f,%.3f,%d", rate, repair, r.hostFailures(),
            r.failovers(), r.availability(), r.vmDowntimeSeconds(), r.meanTimeToRecoverSeconds(),
            r.invariantViolations()));
      }
    }
    csv.flush();
    if (csv.checkError()) {
      throw new UncheckedIOException(new IOException("cannot write the sweep's CSV"));
    }
  }

  /**
   * Writes the sweep to the file named, or to standard output.
   *
   * @param args the CSV file, optional
   * @throws IOException when the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      sweep(new PrintWriter(System.out, false, StandardCharsets.UTF_8));
      return;
    }
    try (Writer out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
      sweep(out);
    }
    System.out.println("wrote " + args[0]);
  }
}
