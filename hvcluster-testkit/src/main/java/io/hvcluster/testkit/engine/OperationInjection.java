package io.hvcluster.testkit.engine;

import io.hvcluster.api.Cluster;
import io.hvcluster.core.Simulation;
import io.hvcluster.testkit.history.History;
import io.hvcluster.testkit.workload.Workload;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Binds a {@link Workload} of administrator operations to a running simulation: each operation runs at
 * its time (from the moment of the call) as its own client process, and is recorded as invoke and then
 * ok, fail (refused, rolled back, failed) or info (a migration whose switchover acknowledgement was
 * lost: its outcome is indeterminate to the caller).
 *
 * <p>Start and stop requests complete at once (the request was accepted or refused); a migration
 * completes when the engine reports its end. Use it on the simulation's thread. Example:
 *
 * <pre>{@code
 * OperationInjection.apply(workload, simulation, cluster, seed, history, MigrationStrategies.defaults());
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class OperationInjection {
  private OperationInjection() {}

  /**
   * Schedules a workload's operations on a simulation, from now.
   *
   * @param workload the operations; their times count from this call
   * @param simulation the simulation that drives the cluster
   * @param cluster a cluster of that simulation
   * @param seed the seed from which selectors' random choices derive
   * @param history where operations are recorded
   * @param strategies which strategy carries out each kind of migration
   * @return how many operations are scheduled
   */
  public static int apply(Workload workload, Simulation simulation, Cluster cluster, long seed, History history,
      MigrationStrategies strategies) {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(simulation, "simulation");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(strategies, "strategies");
    new Operator(workload, simulation, cluster, seed, history, strategies).schedule();
    return workload.operations().size();
  }
}
