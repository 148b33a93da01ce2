package io.hvcluster.benchmarks;

import io.hvcluster.core.Simulation;
import io.hvcluster.core.sim.EventLoop;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures the simulation kernel on its own: events per second of scheduling {@value #BATCH} events at
 * pseudo-random delays (0 to 1 s of virtual time, the same delays every time) and then running them all,
 * each a trivial action that counts itself. Every engine run sits on this loop, so it bounds everything
 * else.
 *
 * <p>Three ways, in one class so that they share a JVM, a machine state and a run:
 *
 * <ul>
 *   <li>{@code baselinePriorityQueue}: a plain {@link PriorityQueue} of {@code (time, sequence, action)}
 *       entries, the ordering DESIGN section 3 prescribes, with nothing else; the floor.
 *   <li>{@code eventLoop}: the kernel's {@link EventLoop} directly (also ordered by priority class, with
 *       cancellable timers and step observers).
 *   <li>{@code simulation}: the same through the public {@link Simulation#schedule} and
 *       {@link Simulation#step}, which add the thread-confinement check and argument validation.
 * </ul>
 *
 * <p>Scores are events per second (one operation is one event scheduled and run). Read
 * {@code eventLoop / baselinePriorityQueue} as the kernel's overhead over the bare data structure; a
 * ratio near 1 means the loop costs what its queue costs. {@link EventLoop} is a public class of the
 * internal package {@code io.hvcluster.core.sim}, which the core module does not export; the benchmarks
 * run on the class path, where that does not bind, and the {@code simulation} variant measures the
 * exported entry point.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class KernelBenchmark {
  /** Events scheduled, then run, per invocation: the queue's depth at its fullest. */
  static final int BATCH = 1024;
  private static final long MAX_DELAY_NANOS = 1_000_000_000L;

  private final long[] delays = new long[BATCH];
  private final Duration[] durations = new Duration[BATCH];
  private final Runnable action = this::fire;
  private long fired;

  private EventLoop loop;
  private Simulation simulation;
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private long now;
  private long sequence;

  /** Draws the delays, the same for all three variants. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < BATCH; i++) {
      delays[i] = random.nextLong(MAX_DELAY_NANOS);
      durations[i] = Duration.ofNanos(delays[i]);
    }
    loop = new EventLoop();
  }

  /** Builds the simulation on the thread that runs the iteration, as its thread confinement requires. */
  @Setup(Level.Iteration)
  public void openSimulation() {
    simulation = Simulation.builder().seed(1).build();
  }

  /** Closes the iteration's simulation. */
  @TearDown(Level.Iteration)
  public void closeSimulation() {
    simulation.close();
  }

  /**
   * Schedules and runs a batch of events on a plain priority queue.
   *
   * @return the count of actions run, so that none can be optimised away
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long baselinePriorityQueue() {
    for (long delay : delays) {
      queue.add(new Entry(now + delay, sequence++, action));
    }
    Entry next;
    while ((next = queue.poll()) != null) {
      now = next.time;
      next.action.run();
    }
    return fired;
  }

  /**
   * Schedules and runs a batch of events on the kernel's event loop.
   *
   * @return the count of actions run, so that none can be optimised away
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long eventLoop() {
    for (long delay : delays) {
      loop.schedule(delay, action);
    }
    while (loop.step()) {
      // each step runs one event
    }
    return fired;
  }

  /**
   * Schedules and runs a batch of events through the public simulation API.
   *
   * @return the count of actions run, so that none can be optimised away
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long simulation() {
    for (Duration delay : durations) {
      simulation.schedule(delay, action);
    }
    while (simulation.step()) {
      // each step runs one event
    }
    return fired;
  }

  private void fire() {
    fired++;
  }

  /** An event of the baseline queue, ordered by time, then by sequence. */
  private static final class Entry implements Comparable<Entry> {
    private final long time;
    private final long sequence;
    private final Runnable action;

    Entry(long time, long sequence, Runnable action) {
      this.time = time;
      this.sequence = sequence;
      this.action = action;
    }

    @Override
    public int compareTo(Entry o) {
      int c = Long.compare(time, o.time);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }
}
