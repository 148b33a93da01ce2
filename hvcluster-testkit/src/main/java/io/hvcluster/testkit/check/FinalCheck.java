package io.hvcluster.testkit.check;

import io.hvcluster.api.Cluster;
import io.hvcluster.testkit.history.History;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apiguardian.api.API;

/**
 * A check run once on the final state and history of a run, after the heal phase and quiet period:
 * liveness (L1, L2) and history-wide properties.
 *
 * <p>Implementations are called on the simulation's thread. Example:
 *
 * <pre>{@code
 * FinalCheck quorumBack = FinalCheck.of("L2", FailureClass.LIVENESS, (cluster, history) ->
 *     cluster.quorum().hasQuorum() ? Optional.empty() : Optional.of("no quorum after healing"));
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface FinalCheck {
  /**
   * Returns the check's id, for example {@code "L1"}.
   *
   * @return the id
   */
  String id();

  /**
   * Returns how a failure of this check is classified.
   *
   * @return the classification, {@link FailureClass#LIVENESS} unless overridden
   */
  default FailureClass failureClass() {
    return FailureClass.LIVENESS;
  }

  /**
   * Checks the final state.
   *
   * @param cluster the cluster at the end of the run
   * @param history the run's history
   * @return a message describing the failure, or empty when the check passes
   */
  Optional<String> check(Cluster cluster, History history);

  /**
   * Returns a check from an id, a classification and a check function.
   *
   * @param id the id
   * @param failureClass how failures are classified
   * @param check returns a failure message, or empty
   * @return the check
   */
  static FinalCheck of(String id, FailureClass failureClass, BiFunction<Cluster, History, Optional<String>> check) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(failureClass, "failureClass");
    Objects.requireNonNull(check, "check");
    return new FinalCheck() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public FailureClass failureClass() {
        return failureClass;
      }

      @Override
      public Optional<String> check(Cluster cluster, History history) {
        return check.apply(cluster, history);
      }
    };
  }
}
