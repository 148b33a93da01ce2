package io.hvcluster.testkit.check;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.event.ClusterEvent;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apiguardian.api.API;

/**
 * A safety invariant checked after every event of a run (DESIGN §7, S1–S12), as Kafka's Raft
 * simulation does with {@code addInvariant}. It reads the cluster through the api views only.
 *
 * <p>Implementations should be stateless or keep state per run, and are called on the simulation's
 * thread. Example:
 *
 * <pre>{@code
 * StepInvariant nothingOnDownHosts = StepInvariant.of("S5", (cluster, event) -> cluster.hosts().stream()
 *     .filter(h -> h.state() == NodeState.DOWN && !h.vms().isEmpty())
 *     .findFirst().map(h -> h.id() + " is down but runs " + h.vms()));
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface StepInvariant {
  /**
   * Returns the invariant's id, for example {@code "S1"}.
   *
   * @return the id
   */
  String id();

  /**
   * Checks the cluster right after an event. A monitor driven by the simulation's step observer (the
   * engine-backed {@code io.hvcluster.testkit.invariant.StepMonitor}) calls it once after every kernel
   * event, with its effects complete, passing the last cluster event delivered so far; the per-event
   * {@link InvariantMonitor} calls it after each cluster event.
   *
   * @param cluster the cluster, as it is after the event
   * @param event the event just delivered (for a step monitor, the most recent one)
   * @return a message describing the violation, or empty when the invariant holds
   */
  Optional<String> check(Cluster cluster, ClusterEvent event);

  /**
   * Sees every cluster event, in order, before the next {@link #check}: the hook for invariants over
   * what happened (migrations that start and end, restarts counted in a window) rather than over state.
   * Must not throw; the default does nothing.
   *
   * @param event the event
   */
  default void observe(ClusterEvent event) {}

  /**
   * Returns an invariant from an id and a check function.
   *
   * @param id the id
   * @param check returns a violation message, or empty
   * @return the invariant
   */
  static StepInvariant of(String id, BiFunction<Cluster, ClusterEvent, Optional<String>> check) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(check, "check");
    return new StepInvariant() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Optional<String> check(Cluster cluster, ClusterEvent event) {
        return check.apply(cluster, event);
      }

      @Override
      public String toString() {
        return "StepInvariant[" + id + "]";
      }
    };
  }
}
