package io.hvcluster.core.sim;

import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.event.ClusterEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers a simulation's events, in order, to its listeners and to the trace: every event is encoded
 * as a canonical JSON line (written out when a trace sink is set) and folded into the trace hash, so
 * two runs have the same hash exactly when they produced the same events.
 *
 * <p>Not thread-safe, like the simulation that owns it.
 */
public final class EventBus {
  private final List<ClusterListener> listeners = new ArrayList<>();
  private final EventJson json = new EventJson();
  private final Appendable traceSink;
  private long hashHigh = 0x6876636c75737465L;
  private long hashLow;
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
    CharSequence line = json.encodeInPlace(event);
    long a = 0x243F6A8885A308D3L;
    long b = 0x13198A2E03707344L;
    // Two independent multiply-xorshift lanes over the line's characters: a 128-bit fingerprint that
    // costs about a nanosecond a character, which matters at a million events.
    int n = line.length();
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      a = (a ^ c) * 0x9E3779B97F4A7C15L;
      a ^= a >>> 29;
      b = (b + c) * 0xC2B2AE3D27D4EB4FL;
      b ^= b >>> 31;
    }
    a = RandomStreams.mix(a ^ n);
    b = RandomStreams.mix(b + n);
    // Order-sensitive chaining: the hash of a trace depends on every line and on their order.
    hashHigh = RandomStreams.mix(hashHigh * 0x9E3779B97F4A7C15L + a);
    hashLow = RandomStreams.mix(hashLow * 0xC2B2AE3D27D4EB4FL + b + hashHigh);
    emitted++;
    if (traceSink != null) {
      try {
        traceSink.append(line).append('\n');
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
    return String.format("%016x%016x", hashHigh, hashLow);
  }
}
