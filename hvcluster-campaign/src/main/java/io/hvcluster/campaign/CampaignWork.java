package io.hvcluster.campaign;

import java.io.Serializable;
import org.apiguardian.api.API;

/**
 * The work of a campaign: what run {@code i} does with its seed. A work is a small serializable value
 * (a grid engine sends it to its members, whose class path must hold its class), and {@link #run} must be a
 * pure function of the index and seed: no wall clock, no unseeded randomness, no shared mutable state.
 * Then every engine gives the same records, and the campaign's digest says so.
 *
 * <p>Implementations must be immutable and thread-safe: an engine calls {@link #run} from many threads.
 * Example, a user's own property-style run:
 *
 * <pre>{@code
 * record MyProperty(int nodes) implements EngineRunWork {
 *   public String key() { return "my-property nodes=" + nodes; }
 *   public RunResult runEngine(long seed) {
 *     return EngineRun.of(mySpec(nodes)).seed(seed).plan(myPlan(seed)).run();
 *   }
 * }
 * }</pre>
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface CampaignWork extends Serializable {
  /**
   * Returns the work's name: two works with the same key run the same runs. It is part of the campaign's
   * id, so a coordinator that restarts finds the results it stored before.
   *
   * @return the key, for example {@code "torture nodes=4 vms=20 maxFaults=4"}
   */
  String key();

  /**
   * Runs run {@code index} with its seed.
   *
   * @param index the run's index, 0 or more
   * @param seed the run's seed, {@code Seeds.forTry(masterSeed, index)}
   * @return the run's record, whose index and seed are these
   */
  RunRecord run(int index, long seed);

  /**
   * Returns the one-line command that replays one run alone, or an empty string when there is none.
   *
   * @param index the run's index
   * @param seed the run's seed
   * @return the command
   */
  default String replay(int index, long seed) {
    return "";
  }
}
