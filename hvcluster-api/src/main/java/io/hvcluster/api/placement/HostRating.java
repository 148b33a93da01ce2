package io.hvcluster.api.placement;

import io.hvcluster.api.HostId;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A policy's rating of one node for one placement, after SCVMM's star ratings: 0 to 5 stars in half
 * steps, with the reasons. A node that fails a hard requirement is blocked and gets 0 stars.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param host the node
 * @param stars 0 to 5 in steps of 0.5
 * @param blocked whether a hard requirement fails, so the node must not be chosen
 * @param reasons why the node got this rating, most important first
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record HostRating(HostId host, double stars, boolean blocked, List<String> reasons) {
  /**
   * Creates a rating after checking it.
   *
   * @param host the node
   * @param stars 0 to 5 in steps of 0.5
   * @param blocked whether a hard requirement fails, so the node must not be chosen
   * @param reasons why the node got this rating, most important first
   * @throws IllegalArgumentException when stars are outside 0 to 5, not a multiple of 0.5, or a blocked
   * node has stars
   */
  public HostRating {
    if (!(stars >= 0 && stars <= 5) || stars * 2 != Math.rint(stars * 2)) {
      throw new IllegalArgumentException("rating of " + host + " is " + stars + " stars; allowed: 0 to 5 in steps of 0.5");
    }
    if (blocked && stars != 0) {
      throw new IllegalArgumentException("blocked node " + host + " is rated " + stars + " stars; a blocked node has 0");
    }
    reasons = List.copyOf(reasons);
  }
}
