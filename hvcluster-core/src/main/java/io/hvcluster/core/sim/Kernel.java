package io.hvcluster.core.sim;

import org.apiguardian.api.API;

/**
 * What every part of one simulation shares: the event loop, the random streams, the thread guard and
 * the event bus.
 *
 * <p>Not thread-safe; confined to the simulation's thread.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Kernel {
  private final EventLoop loop = new EventLoop();
  private final RandomStreams random;
  private final ThreadGuard guard;
  private final EventBus bus;

  /**
   * Creates a kernel owned by the current thread.
   *
   * @param seed the master seed
   * @param traceSink where the JSON Lines trace goes, or null
   */
  public Kernel(long seed, Appendable traceSink) {
    this.random = new RandomStreams(seed);
    this.guard = new ThreadGuard("simulation (seed " + seed + ")");
    this.bus = new EventBus(traceSink);
  }

  /**
   * Returns the event loop.
   *
   * @return the loop
   */
  public EventLoop loop() {
    return loop;
  }

  /**
   * Returns the random streams.
   *
   * @return the streams
   */
  public RandomStreams random() {
    return random;
  }

  /**
   * Returns the thread guard.
   *
   * @return the guard
   */
  public ThreadGuard guard() {
    return guard;
  }

  /**
   * Returns the event bus.
   *
   * @return the bus
   */
  public EventBus bus() {
    return bus;
  }

  /**
   * Returns the current virtual time.
   *
   * @return nanoseconds
   */
  public long now() {
    return loop.now();
  }
}
