package io.hvcluster.json;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.testkit.fault.FaultPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A scenario file ({@code docs/scenario-format.md}), read and checked by {@link ScenarioFiles}: a cluster, how long to run it, and what
 * happens to it when, as operator actions and as a testkit fault plan.
 *
 * @param file the scenario file
 * @param name its name, for the report's title
 * @param description what it shows, for the report
 * @param clusterSource where the cluster came from: a description file, or {@code $.cluster}
 * @param cluster the cluster description
 * @param spec the cluster as the simulator runs it
 * @param seed the master seed
 * @param duration how long to run, in virtual time
 * @param startVms whether every VM is started when the cluster forms
 * @param actions the actions, in file order
 * @param faults the fault plan, if any
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Scenario(Path file, String name, String description, String clusterSource, ClusterDescription cluster,
    ClusterSpec spec, long seed, Duration duration, boolean startVms, List<ScenarioAction> actions,
    Optional<FaultPlan> faults) {
  /** The seed when the file names none: the demo's. */
  public static final long DEFAULT_SEED = 42;

  /**
   * Creates a scenario, copying the actions.
   *
   * @param file the scenario file
   * @param name its name
   * @param description what it shows
   * @param clusterSource where the cluster came from
   * @param cluster the cluster description
   * @param spec the cluster as the simulator runs it
   * @param seed the master seed
   * @param duration how long to run, at most {@link RunDurations#MAX}
   * @param startVms whether every VM is started when the cluster forms
   * @param actions the actions, in file order
   * @param faults the fault plan, if any
   */
  public Scenario {
    actions = List.copyOf(actions);
  }

  /**
   * Returns a copy with another seed or duration (command-line overrides). The caller checks that the
   * duration still covers every action and the fault plan's heal phase.
   *
   * @param newSeed the seed
   * @param newDuration the duration
   * @return the copy
   */
  public Scenario with(long newSeed, Duration newDuration) {
    return new Scenario(file, name, description, clusterSource, cluster, spec, newSeed, newDuration, startVms, actions,
        faults);
  }
}
