package io.hvcluster.core.cluster.storage;

import io.hvcluster.core.cluster.membership.Membership;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimLun;
import org.apiguardian.api.API;

/**
 * Who holds the cluster-wide disks: the witness is held by the active partition, arbitrated before any
 * group's LUNs, and every Cluster Shared Volume has a coordinator, an active member with a path that owns
 * the volume's metadata (other nodes without a path reach the volume through it, in redirected I/O).
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Coordinators {
  private final ClusterModel cluster;
  private final Membership membership;

  /**
   * Creates the coordinators of a cluster's witness and shared volumes.
   *
   * @param cluster the cluster
   * @param membership its membership, which says who is in the active partition
   */
  public Coordinators(ClusterModel cluster, Membership membership) {
    this.cluster = cluster;
    this.membership = membership;
  }

  /**
   * Re-arbitrates the witness for the active partition; returns false while that is under way, and
   * {@code settled} runs when the arbitration ends.
   *
   * @param settled what to do when an arbitration begun here ends
   * @return whether the witness is settled, so groups may be placed
   */
  public boolean witnessSettled(Runnable settled) {
    SimLun w = cluster.witness();
    if (w == null || w.isArrayOffline()) {
      return true;
    }
    if (w.isArbitrating()) {
      return false;
    }
    SimHost holder = w.ownerNode();
    if (holder != null && membership.isActive(holder) && holder.sendsHeartbeats() && w.reachableFrom(holder)) {
      return true;
    }
    for (SimHost h : membership.active()) {
      if (h.sendsHeartbeats() && w.reachableFrom(h)) {
        w.arbitrate(h, "the witness is arbitrated first", won -> settled.run());
        return false;
      }
    }
    return true;
  }

  /**
   * Gives every Cluster Shared Volume a coordinator that hosts groups, if one can be had.
   *
   * @param arbitrated what to do when an arbitration begun here ends
   */
  public void ensureCsvCoordinators(Runnable arbitrated) {
    for (SimLun lun : cluster.storage().sharedVolumes()) {
      if (lun.isArrayOffline() || lun.isArbitrating()) {
        continue;
      }
      SimHost c = lun.ownerNode();
      boolean usable = c != null && membership.isActive(c) && lun.reachableFrom(c);
      if (usable && c.canHostGroups()) {
        continue;
      }
      // A paused coordinator hands the role to a node that hosts groups, if there is one; it is never
      // re-arbitrated for itself, which would kick this pass again at once, forever.
      SimHost next = null;
      for (SimHost h : membership.active()) {
        if (h == c || !h.sendsHeartbeats() || !lun.reachableFrom(h)) {
          continue;
        }
        if (h.canHostGroups()) {
          next = h;
          break;
        }
        if (next == null && !usable) {
          next = h;
        }
      }
      if (next != null) {
        lun.arbitrate(next, "coordinator of Cluster Shared Volume " + lun.spec().id(), won -> arbitrated.run());
      }
    }
  }
}
