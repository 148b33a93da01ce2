package io.hvcluster.testkit.check;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What a run leaves behind for the determinism check: a hash of its trace and, for reporting the first
 * difference, the trace's lines (for example the JSON Lines of its events).
 *
 * <p>Implementations should be immutable. Example:
 *
 * <pre>{@code
 * Trace trace = Trace.of(simulation.traceHash(), recorder.lines());
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface Trace {
  /**
   * Returns the hash of the whole trace.
   *
   * @return the hash
   */
  String hash();

  /**
   * Returns the trace's lines, or an empty list when only the hash is known.
   *
   * @return the lines
   */
  List<String> lines();

  /**
   * Returns a trace of the given hash and lines.
   *
   * @param hash the hash
   * @param lines the lines
   * @return the trace
   */
  static Trace of(String hash, List<String> lines) {
    List<String> copy = List.copyOf(lines);
    return new Trace() {
      @Override
      public String hash() {
        return hash;
      }

      @Override
      public List<String> lines() {
        return copy;
      }
    };
  }
}
