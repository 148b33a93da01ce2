package io.hvcluster.testkit.check;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.event.ClusterEvent;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A safety invariant checked after every event of a run (DESIGN §7, S1–S10), as Kafka's Raft
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
 */
public interface StepInvariant {
  /**
   * Returns the invariant's id, for example {@code "S1"}.
   *
   * @return the id
   */
  String id();

  /**
   * Checks the cluster right after an event.
   *
   * @param cluster the cluster, as it is after the event
   * @param event the event just delivered
   * @return a message describing the violation, or empty when the invariant holds
   */
  Optional<String> check(Cluster cluster, ClusterEvent event);

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
