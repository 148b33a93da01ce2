package io.hvcluster.testkit.engine;

import org.apiguardian.api.API;

/**
 * Hears about each scenario of a {@link Torture} run as it finishes: the hook for a progress display.
 * Called on the thread that runs the torture, in scenario order.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
@FunctionalInterface
public interface TortureListener {
  /** A listener that ignores everything. */
  TortureListener NONE = (index, total, result) -> {};

  /**
   * Receives one finished scenario.
   *
   * @param index the scenario's index, from 0
   * @param total how many scenarios the run has
   * @param result what the scenario found
   */
  void scenarioFinished(int index, int total, RunResult result);
}
