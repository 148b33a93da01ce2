package io.hvcluster.api.placement;

import io.hvcluster.api.HostId;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A placement policy's answer: the chosen node (or none) with the reason, and optionally its ratings of
 * every candidate.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param host the chosen node, or empty when no node is acceptable
 * @param reason why this node, or why none
 * @param ratings the policy's ratings of the candidates, best first; may be empty
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record PlacementDecision(Optional<HostId> host, String reason, List<HostRating> ratings) {
  /**
   * Creates a decision; copies the ratings.
   *
   * @param host the chosen node, or empty when no node is acceptable
   * @param reason why this node, or why none
   * @param ratings the policy's ratings of the candidates, best first; may be empty
   */
  public PlacementDecision {
    ratings = List.copyOf(ratings);
  }

  /**
   * Returns a decision for a node.
   *
   * @param host the node
   * @param reason why
   * @return the decision
   */
  public static PlacementDecision choose(HostId host, String reason) {
    return new PlacementDecision(Optional.of(host), reason, List.of());
  }

  /**
   * Returns a decision that no node is acceptable.
   *
   * @param reason why
   * @return the decision
   */
  public static PlacementDecision none(String reason) {
    return new PlacementDecision(Optional.empty(), reason, List.of());
  }
}
