package io.hvcluster.benchmarks;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.hvcluster.campaign.Campaign;
import io.hvcluster.campaign.CampaignSummary;
import io.hvcluster.campaign.CampaignWork;
import io.hvcluster.campaign.LocalEngine;
import io.hvcluster.campaign.RunRecord;
import io.hvcluster.campaign.spi.CampaignEngine;
import io.hvcluster.campaign.spi.GridOptions;
import io.hvcluster.grid.hazelcast.HazelcastEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
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
 * Measures what a campaign engine costs per run, beyond the run itself: one operation is a campaign of
 * {@link #RUNS} runs of a work that does almost nothing (a few random draws), in batches of 128, so the score
 * divided by {@link #RUNS} is the per-run overhead of splitting, sending, storing (put-if-absent with a
 * backup), streaming and folding the digest. Engines: the local engine with one thread (the baseline), and a
 * Hazelcast grid of 1, 2 or 3 members, each with one worker thread, all in this JVM on loopback (real TCP and
 * serialization between them; the first member coordinates).
 *
 * <p>After each trial it prints the process CPU time per run ({@code cpu/run}), which on a machine with
 * fewer cores than members is the better figure: wall time then includes members waiting for a core.
 * Every campaign uses a fresh seed, so nothing is resumed, and its map is cleared afterwards.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dhazelcast.logging.type=none"})
@State(Scope.Benchmark)
public class CampaignBenchmark {
  /** Runs per campaign (one operation). */
  static final int RUNS = 2048;

  /** The engine: {@code local}, or a grid of 1 to 3 members. */
  @Param({"local", "hazelcast-1", "hazelcast-2", "hazelcast-3"})
  public String engine;

  private CampaignEngine campaignEngine;
  private final List<HazelcastInstance> others = new ArrayList<>();
  private long seed;
  private String lastId;
  private long cpuAtStart;
  private long runsDone;

  /** Starts the engine (and the grid's other members). */
  @Setup(Level.Trial)
  public void setUp() {
    if (engine.equals("local")) {
      campaignEngine = LocalEngine.withThreads(1);
    } else {
      int members = Integer.parseInt(engine.substring("hazelcast-".length()));
      String cluster = "bench-" + ProcessHandle.current().pid();
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < members; i++) {
        ports.add(freePort());
      }
      List<String> all = ports.stream().map(p -> "127.0.0.1:" + p).toList();
      for (int i = 1; i < members; i++) {
        others.add(Hazelcast.newHazelcastInstance(HazelcastEngine.config(new GridOptions(cluster, "127.0.0.1",
            ports.get(i), all, 1))));
      }
      campaignEngine = HazelcastEngine.start(new GridOptions(cluster, "127.0.0.1", ports.get(0), all, 1));
    }
    cpuAtStart = cpuNanos();
    runsDone = 0;
  }

  /**
   * Runs one campaign.
   *
   * @return its summary
   */
  @Benchmark
  public CampaignSummary campaign() {
    CampaignSummary s = Campaign.of(new Tiny()).seed(seed++).runs(RUNS).batchSize(128).build().run(campaignEngine);
    if (s.executed() != RUNS) {
      throw new IllegalStateException("a campaign executed " + s.executed() + " of " + RUNS + " runs");
    }
    lastId = s.campaignId();
    runsDone += RUNS;
    return s;
  }

  /** Drops the last campaign's results, so that the store does not grow over the trial. */
  @TearDown(Level.Invocation)
  public void clearLast() {
    if (lastId != null) {
      campaignEngine.store(lastId).clear();
    }
  }

  /** Prints the CPU time per run and stops every member. */
  @TearDown(Level.Trial)
  public void tearDown() {
    long cpu = cpuNanos() - cpuAtStart;
    if (runsDone > 0) {
      System.out.printf(Locale.ROOT, "%n%s: cpu/run %.1f us over %d runs%n", engine, cpu / 1e3 / runsDone, runsDone);
    }
    campaignEngine.close();
    others.forEach(HazelcastInstance::shutdown);
    others.clear();
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A run that does almost nothing, so that the engine's overhead is what is measured. */
  public record Tiny() implements CampaignWork {
    private static final long serialVersionUID = 1L;

    @Override
    public String key() {
      return "tiny";
    }

    @Override
    public RunRecord run(int index, long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      return RunRecord.builder(index, seed).fingerprint(Long.toHexString(r.nextLong() ^ r.nextLong())).build();
    }
  }
}
