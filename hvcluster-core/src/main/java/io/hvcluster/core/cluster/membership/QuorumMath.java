package io.hvcluster.core.cluster.membership;

import io.hvcluster.api.spec.QuorumModel;
import org.apiguardian.api.API;

/**
 * Quorum arithmetic of the four Windows Server 2008 quorum models: how many votes a partition holds and
 * whether that is more than half of all votes.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class QuorumMath {
  private QuorumMath() {}

  /** Votes held by a partition of {@code nodes} nodes, with or without the witness. */
  public static int votes(QuorumModel model, int nodes, boolean witness) {
    int v = model.nodesVote() ? nodes : 0;
    return v + (model.hasWitness() && witness ? 1 : 0);
  }

  /** Whether a partition has quorum in a cluster of {@code configuredNodes} nodes. */
  public static boolean hasQuorum(QuorumModel model, int configuredNodes, int nodes, boolean witness) {
    if (nodes == 0) {
      return false;
    }
    return votes(model, nodes, witness) >= model.votesNeeded(configuredNodes);
  }
}
