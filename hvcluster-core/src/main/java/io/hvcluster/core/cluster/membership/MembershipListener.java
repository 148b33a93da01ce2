package io.hvcluster.core.cluster.membership;

import io.hvcluster.core.cluster.model.SimHost;
import org.apiguardian.api.API;

/**
 * What the failover engine hears from the membership and the node service: that it should look at its
 * groups again, that a node's groups lost their owner, and what becomes of VMs frozen on a hung node.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface MembershipListener {
  /** A partition with quorum formed or changed, or the witness's holder left: the groups need another look. */
  void reconcile();

  /**
   * A node left the cluster (or rejoins from scratch): its groups lose their owner and fail over.
   *
   * @param host the node
   * @param why why it left
   */
  void ownerLost(SimHost host, String why);

  /**
   * A hung node was removed from the cluster: its VMs that no arbitration would fence are fenced now.
   *
   * @param host the node
   */
  void hungNodeRemoved(SimHost host);

  /**
   * A hung node resumed while still a member: its instances fenced meanwhile stop.
   *
   * @param host the node
   */
  void resumedWithFencedInstances(SimHost host);
}
