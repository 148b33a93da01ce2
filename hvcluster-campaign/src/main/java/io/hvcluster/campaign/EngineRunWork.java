package io.hvcluster.campaign;

import io.hvcluster.testkit.engine.RunResult;
import org.apiguardian.api.API;

/**
 * A {@link CampaignWork} whose runs are engine runs with every invariant checked, like a
 * {@code @ClusterProperty}: the record of each is {@link RunRecord#of(int, long, RunResult)}.
 *
 * <p>Implementations must be immutable and thread-safe.
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface EngineRunWork extends CampaignWork {
  /**
   * Runs the engine for one seed.
   *
   * @param seed the run's seed
   * @return what the run did
   */
  RunResult runEngine(long seed);

  /**
   * Runs {@link #runEngine} and records its result.
   *
   * @param index the run's index
   * @param seed the run's seed
   * @return the record
   */
  @Override
  default RunRecord run(int index, long seed) {
    return RunRecord.of(index, seed, runEngine(seed));
  }
}
