package io.hvcluster.core.sim;

import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/**
 * The single-threaded discrete-event loop of a simulation. Events are ordered by virtual time in
 * nanoseconds, then by {@link Priority} (so that observations at an instant see every ordinary change at
 * that instant), then by sequence number (scheduling order). Virtual time moves only when the loop takes
 * the next event.
 *
 * <p>Not thread-safe; the owning simulation checks the calling thread.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class EventLoop {
  /**
   * The class of an event at a given instant; lower classes run first.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.INTERNAL, since = "0.1.0")
  public enum Priority {
    /** Ordinary state changes: faults, operations, timers. */
    NORMAL,
    /** Observations of the state at an instant, such as heartbeat checks. */
    OBSERVE,
    /** Decisions taken once everything at an instant has been observed, such as regroups. */
    DECIDE
  }

  private final PriorityQueue<Timer> queue = new PriorityQueue<>();
  private final java.util.List<Runnable> afterStep = new java.util.ArrayList<>();
  private long now;
  private long sequence;
  private long processed;

  /**
   * Returns the current virtual time.
   *
   * @return nanoseconds
   */
  public long now() {
    return now;
  }

  /**
   * Returns how many events have run.
   *
   * @return the count
   */
  public long processed() {
    return processed;
  }

  /**
   * Returns how many events are waiting, cancelled ones included.
   *
   * @return the queue length
   */
  public int pending() {
    return queue.size();
  }

  /**
   * Schedules an action after a delay with normal priority.
   *
   * @param delayNanos delay, at least 0
   * @param action the action
   * @return a handle that can cancel it
   */
  public Timer schedule(long delayNanos, Runnable action) {
    return scheduleAt(now + checkDelay(delayNanos), Priority.NORMAL, action);
  }

  /**
   * Schedules an action at an absolute time, which must not be in the past.
   *
   * @param timeNanos when
   * @param priority its class at that instant
   * @param action the action
   * @return a handle that can cancel it
   */
  public Timer scheduleAt(long timeNanos, Priority priority, Runnable action) {
    if (timeNanos < now) {
      throw new IllegalArgumentException("cannot schedule at " + timeNanos + " ns; virtual time is already " + now + " ns");
    }
    Timer timer = new Timer(timeNanos, priority.ordinal(), sequence++, action);
    queue.add(timer);
    return timer;
  }

  /**
   * Returns the time of the next live event.
   *
   * @return nanoseconds, or {@link Long#MAX_VALUE} when nothing is scheduled
   */
  public long nextTime() {
    dropCancelled();
    Timer head = queue.peek();
    return head == null ? Long.MAX_VALUE : head.time;
  }

  /**
   * Runs the next event.
   *
   * @return false when there was none
   */
  public boolean step() {
    dropCancelled();
    Timer timer = queue.poll();
    if (timer == null) {
      return false;
    }
    now = timer.time;
    timer.done = true;
    processed++;
    timer.action.run();
    for (int i = 0; i < afterStep.size(); i++) {
      afterStep.get(i).run();
    }
    return true;
  }

  /**
   * Adds an observer that runs after every event, once its effects are complete.
   *
   * @param observer the observer
   */
  public void addStepObserver(Runnable observer) {
    afterStep.add(observer);
  }

  /**
   * Removes a step observer.
   *
   * @param observer the observer
   * @return whether it was registered
   */
  public boolean removeStepObserver(Runnable observer) {
    return afterStep.remove(observer);
  }

  /**
   * Runs every event up to and including {@code timeNanos}, then sets the clock to it.
   *
   * @param timeNanos the end time
   */
  public void runTo(long timeNanos) {
    while (nextTime() <= timeNanos) {
      step();
    }
    if (timeNanos > now) {
      now = timeNanos;
    }
  }

  /**
   * Runs events until {@code condition} holds (checked before the first event and after each), or
   * until the next event would be later than {@code limitNanos}; in the second case the clock moves to
   * the limit.
   *
   * @param condition the condition
   * @param limitNanos the latest virtual time to reach
   * @return whether the condition holds
   */
  public boolean runUntil(BooleanSupplier condition, long limitNanos) {
    while (!condition.getAsBoolean()) {
      if (nextTime() > limitNanos) {
        if (limitNanos > now) {
          now = limitNanos;
        }
        return condition.getAsBoolean();
      }
      step();
    }
    return true;
  }

  private void dropCancelled() {
    while (!queue.isEmpty() && queue.peek().cancelled) {
      queue.poll();
    }
  }

  private static long checkDelay(long delayNanos) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("delay is " + delayNanos + " ns; it must be 0 or more");
    }
    return delayNanos;
  }

  /**
   * A scheduled event; cancel it to keep it from running.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.INTERNAL, since = "0.1.0")
  public static final class Timer implements Comparable<Timer> {
    private final long time;
    private final int priority;
    private final long sequence;
    private final Runnable action;
    private boolean cancelled;
    private boolean done;

    private Timer(long time, int priority, long sequence, Runnable action) {
      this.time = time;
      this.priority = priority;
      this.sequence = sequence;
      this.action = action;
    }

    /**
     * Returns when the event is due.
     *
     * @return virtual nanoseconds
     */
    public long time() {
      return time;
    }

    /** Keeps the event from running; harmless after it ran. */
    public void cancel() {
      cancelled = true;
    }

    /**
     * Returns whether the event is still waiting to run.
     *
     * @return false once it ran or was cancelled
     */
    public boolean isPending() {
      return !cancelled && !done;
    }

    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(time, o.time);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(priority, o.priority);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }
}
