package io.hvcluster.benchmarks;

import io.hvcluster.testkit.engine.Torture;
import io.hvcluster.testkit.engine.TortureReport;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures a cold {@code hvcluster torture --nodes 4 --vms 20 --scenarios 2000 --threads T}: a fresh JVM
 * (one fork per measurement, no warm-up), the JIT compiling while the scenarios run, as a user who types
 * the command gets it. {@code threads} 1 is one core; 0 is every core. The score is seconds for the 2,000
 * scenarios; scenarios per second per core is {@code 2000 / score / cores used}. {@link TortureBenchmark}
 * measures the warm steady state of one thread beside it.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(3)
@State(Scope.Benchmark)
public class TortureColdBenchmark {
  /** Scenarios per run, as the cold target states. */
  static final int SCENARIOS = 2000;

  /** Threads: 1, or 0 for every core. */
  @Param({"1", "0"})
  public int threads;

  /**
   * Runs the whole torture campaign once.
   *
   * @return the report, so that the run cannot be optimised away
   */
  @Benchmark
  public TortureReport torture() {
    int t = threads == 0 ? Math.min(64, Runtime.getRuntime().availableProcessors()) : threads;
    TortureReport report = Torture.builder().nodes(4).vms(20).scenarios(SCENARIOS).seed(1).threads(t).build().run();
    if (report.violations() != 0) {
      throw new IllegalStateException("torture found " + report.violations() + " violations");
    }
    return report;
  }
}
