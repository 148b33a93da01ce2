package io.hvcluster.core.sim;

import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.event.ClusterEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Delivers a simulation's events, in order, to its listeners and to the trace: every event's fields are
 * folded into the trace hash, and written as a JSON line when a trace sink is set. Two runs have the same
 * hash when they produced the same events (up to the fingerprint's 128 bits).
 *
 * <p>Not thread-safe, like the simulation that owns it.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class EventBus {
  private final List<ClusterListener> listeners = new ArrayList<>();
  private final EventJson json = new EventJson();
  private final Appendable traceSink;
  private final TraceHasher hasher = new TraceHasher();
  private long emitted;

  /**
   * Creates a bus.
   *
   * @param traceSink where JSON lines go, or null for none
   */
  public EventBus(Appendable traceSink) {
    this.traceSink = traceSink;
  }

  /**
   * Adds a listener; it receives events emitted from now on.
   *
   * @param listener the listener
   */
  public void add(ClusterListener listener) {
    listeners.add(listener);
  }

  /**
   * Removes a listener.
   *
   * @param listener the listener
   * @return whether it was registered
   */
  public boolean remove(ClusterListener listener) {
    return listeners.remove(listener);
  }

  /**
   * Records and delivers an event.
   *
   * @param event the event
   */
  public void emit(ClusterEvent event) {
    hasher.visit(event);
    emitted++;
    if (traceSink != null) {
      try {
        traceSink.append(json.encodeInPlace(event)).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the trace", e);
      }
    }
    for (int i = 0; i < listeners.size(); i++) {
      listeners.get(i).onEvent(event);
    }
  }

  /**
   * Returns the number of events emitted.
   *
   * @return the count
   */
  public long emitted() {
    return emitted;
  }

  /**
   * Returns the hash of every event emitted so far, as 32 hex digits.
   *
   * @return the trace hash
   */
  public String traceHash() {
    return hasher.hex();
  }
}
