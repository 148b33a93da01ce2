package io.hvcluster.benchmarks;

import io.hvcluster.core.fleet.FleetReport;
import io.hvcluster.core.fleet.FleetSimulation;
import io.hvcluster.core.fleet.FleetSpec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures whole fleet runs, as {@code hvcluster simulate --hosts H --vms V --days D --failures-per-hour R
 * --seed 1 --threads T} does: the rows of the performance issue's table, from 40 hosts with 2,500 VMs for
 * 30 days (hundreds of host failures, tens of thousands of failovers) up to 1,000 hosts in 63 clusters with
 * 50,000 VMs for seven days, each host repaired after 4 hours, with the fleet's incremental safety checks on.
 * {@code threads} 1 runs every cluster on one thread (the baseline of the same run); 0 uses every core.
 *
 * <p>The score is seconds per run (single shot: one run is the unit a user waits for, and it is long
 * enough that timer resolution does not matter). The forked JVM gets {@code -Xmx2g}: a run that needs
 * more fails rather than passing slowly. The first run warms the JIT and is not counted. A run that reports
 * a safety violation, or whose trace hash differs from the previous run's or from the other thread
 * count's, fails the benchmark. After each trial the benchmark prints the run's events and kernel steps,
 * so that seconds per run can be read as nanoseconds per event.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Thread)
public class FleetBenchmark {
  /** Hosts/VMs/days/failures per hour. */
  @Param({"40/2500/30/0.5", "160/10000/7/0.5", "160/10000/30/0.5", "160/10000/90/0.5", "320/20000/30/0.5",
      "1000/50000/7/2"})
  public String fleet = "40/2500/30/0.5";

  /** Threads: 1, or 0 for every core. */
  @Param({"1", "0"})
  public int threads = 1;

  private FleetSpec spec;
  private String traceHash;
  private FleetReport last;

  /** Parses the row. */
  @Setup(Level.Trial)
  public void setUp() {
    String[] f = fleet.split("/");
    spec = new FleetSpec(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
        Double.parseDouble(f[3]), Duration.ofHours(4), 1);
  }

  /**
   * Runs the fleet once.
   *
   * @return the report, so that the run cannot be optimised away
   */
  @Benchmark
  public FleetReport fleet() {
    if (spec == null) {
      setUp(); // called directly, outside JMH (the smoke test): the defaults above
    }
    int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    FleetReport report = FleetSimulation.run(spec, t, virtualNanos -> { });
    if (report.invariantViolations() != 0) {
      throw new IllegalStateException("the fleet run found " + report.invariantViolations()
          + " safety violations: " + report.violations());
    }
    if (traceHash != null && !traceHash.equals(report.traceHash())) {
      throw new IllegalStateException("the fleet run is not deterministic: trace hash " + report.traceHash()
          + " after " + traceHash + " on the same seed");
    }
    traceHash = report.traceHash();
    last = report;
    return report;
  }

  /** Prints what the last run did, for nanoseconds per event. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (last != null) {
      System.out.printf("%n[fleet %s threads %d] %d events, %d kernel steps, %d host failures, %d failovers,"
          + " trace hash %s%n", fleet, threads, last.events(), last.kernelSteps(), last.hostFailures(),
          last.failovers(), last.traceHash());
    }
  }
}
