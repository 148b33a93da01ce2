package io.hvcluster.campaign;

import io.hvcluster.core.fleet.FleetReport;
import io.hvcluster.core.fleet.FleetSimulation;
import io.hvcluster.core.fleet.FleetSpec;
import io.hvcluster.testkit.property.Seeds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A fleet what-if sweep as a campaign: every combination of host-failure rate and repair time is a point,
 * and run {@code i} simulates point {@code i % points()} with its own seed (so runs 0 to points−1 cover
 * every point once, and a campaign of {@code points() × R} runs gives each point R replicas). Each run is
 * a {@link FleetSimulation} of the same fleet size and length; its record is labelled with the point and
 * carries the fleet's counts and measures.
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * FleetWork sweep = FleetWork.of(48, 480, 7, List.of(0.05, 0.1, 0.2), List.of(2.0, 8.0, 24.0));
 * CampaignSummary s = Campaign.of(sweep).seed(1).runs(sweep.points() * 10).build().run(engine);
 * }</pre>
 * @serial exclude
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class FleetWork implements CampaignWork {
  private static final long serialVersionUID = 1L;

  private final int hosts;
  private final int vms;
  private final double days;
  private final ArrayList<Double> failuresPerHour;
  private final ArrayList<Double> repairHours;

  private FleetWork(int hosts, int vms, double days, List<Double> failuresPerHour, List<Double> repairHours) {
    this.hosts = hosts;
    this.vms = vms;
    this.days = days;
    this.failuresPerHour = new ArrayList<>(failuresPerHour);
    this.repairHours = new ArrayList<>(repairHours);
  }

  /**
   * Returns a sweep over failure rates and repair times of one fleet.
   *
   * @param hosts hosts in the fleet, 2 to 100,000
   * @param vms VMs in the fleet, 0 to 10,000,000
   * @param days simulated days, more than 0 and at most 3650
   * @param failuresPerHour the failure rates to try (host failures per hour across the fleet), at least one
   * @param repairHours the repair times to try, in hours, at least one
   * @return the work
   * @throws IllegalArgumentException when a list is empty or a value is out of range (every point is
   *     checked here, so a bad value never reaches a member)
   */
  public static FleetWork of(int hosts, int vms, double days, List<Double> failuresPerHour, List<Double> repairHours) {
    if (failuresPerHour.isEmpty() || repairHours.isEmpty()) {
      throw new IllegalArgumentException("a fleet sweep needs at least one failure rate and one repair time");
    }
    FleetWork w = new FleetWork(hosts, vms, days, List.copyOf(failuresPerHour), List.copyOf(repairHours));
    for (int p = 0; p < w.points(); p++) {
      try {
        w.spec(p, 0);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("fleet sweep point " + w.label(p) + ": " + e.getMessage(), e);
      }
    }
    return w;
  }

  /**
   * Returns how many parameter points the sweep has.
   *
   * @return failure rates × repair times
   */
  public int points() {
    return failuresPerHour.size() * repairHours.size();
  }

  /**
   * Returns the label of a point, as its records carry it.
   *
   * @param point the point, 0 to points−1
   * @return for example {@code "failuresPerHour=0.1 repairHours=8"}
   */
  public String label(int point) {
    return String.format(Locale.ROOT, "failuresPerHour=%s repairHours=%s", number(rate(point)), number(repair(point)));
  }

  @Override
  public String key() {
    return "fleet hosts=" + hosts + " vms=" + vms + " days=" + number(days) + " failuresPerHour=" + failuresPerHour
        + " repairHours=" + repairHours;
  }

  @Override
  public RunRecord run(int index, long seed) {
    int point = index % points();
    FleetReport r = FleetSimulation.run(spec(point, seed), virtualNanos -> {});
    RunRecord.Builder b = RunRecord.builder(index, seed).label(label(point)).fingerprint(r.traceHash())
        .count("hostFailures", r.hostFailures()).count("failovers", r.failovers()).count("events", r.events())
        .count("kernelEvents", r.kernelSteps()).count("invariantViolations", r.invariantViolations())
        .measure("availability", r.availability()).measure("vmDowntimeSeconds", r.vmDowntimeSeconds())
        .measure("meanTimeToRecoverSeconds", r.meanTimeToRecoverSeconds()).measure("vmsRunning", r.vmsRunning());
    if (r.invariantViolations() > 0) {
      b.failure(r.invariantViolations() + " fleet invariant violation(s): " + String.join("; ", r.violations()));
    }
    return b.build();
  }

  /**
   * Returns the {@code hvcluster simulate} command that runs one run of the sweep alone.
   *
   * @param index the run's index (its point is {@code index % points()})
   * @param seed the run's seed
   * @return the command
   */
  @Override
  public String replay(int index, long seed) {
    int point = index % points();
    return "hvcluster simulate --hosts " + hosts + " --vms " + vms + " --days " + number(days)
        + " --failures-per-hour " + number(rate(point)) + " --repair-hours " + number(repair(point)) + " --seed "
        + Seeds.format(seed);
  }

  private FleetSpec spec(int point, long seed) {
    // As hvcluster simulate converts --repair-hours, so that the replay line runs the same fleet.
    return new FleetSpec(hosts, vms, days, rate(point), Duration.ofSeconds((long) (repair(point) * 3600)), seed);
  }

  private double rate(int point) {
    return failuresPerHour.get(point / repairHours.size());
  }

  private double repair(int point) {
    return repairHours.get(point % repairHours.size());
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FleetWork w && hosts == w.hosts && vms == w.vms && Double.compare(days, w.days) == 0
        && failuresPerHour.equals(w.failuresPerHour) && repairHours.equals(w.repairHours);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hosts, vms, days, failuresPerHour, repairHours);
  }

  @Override
  public String toString() {
    return key();
  }
}
