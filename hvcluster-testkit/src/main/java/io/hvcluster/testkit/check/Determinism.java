package io.hvcluster.testkit.check;

import java.util.List;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Checks that a scenario is deterministic: runs it twice and compares the trace hashes (meta-invariant
 * M1). A difference means wall-clock time, unseeded randomness or hash-order iteration leaked in; the
 * report shows the first differing trace line.
 *
 * <p>This class is stateless and thread-safe; the scenario runs on the calling thread. Example:
 *
 * <pre>{@code
 * Determinism.assertDeterministic(() -> {
 *   Simulation sim = new Simulation(seed);
 *   ... run the scenario ...
 *   return Trace.of(sim.traceHash(), recorder.lines());
 * });
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Determinism {
  private Determinism() {}

  /**
   * Runs the scenario twice and compares the traces.
   *
   * @param scenario runs the scenario from scratch and returns its trace
   * @return the comparison
   */
  public static DeterminismReport compare(Supplier<? extends Trace> scenario) {
    Trace a = scenario.get();
    Trace b = scenario.get();
    List<String> la = a.lines();
    List<String> lb = b.lines();
    int diff = -1;
    if (!la.isEmpty() || !lb.isEmpty()) {
      int n = Math.max(la.size(), lb.size());
      for (int i = 0; i < n; i++) {
        String x = i < la.size() ? la.get(i) : "";
        String y = i < lb.size() ? lb.get(i) : "";
        if (!x.equals(y)) {
          diff = i;
          break;
        }
      }
    }
    return new DeterminismReport(a.hash(), b.hash(), diff,
        diff >= 0 && diff < la.size() ? la.get(diff) : "", diff >= 0 && diff < lb.size() ? lb.get(diff) : "");
  }

  /**
   * Runs the scenario twice and fails unless both traces hash the same.
   *
   * @param scenario runs the scenario from scratch and returns its trace
   * @throws AssertionError describing the first difference
   */
  public static void assertDeterministic(Supplier<? extends Trace> scenario) {
    DeterminismReport report = compare(scenario);
    if (!report.deterministic()) {
      throw new AssertionError(report.toString());
    }
  }
}
