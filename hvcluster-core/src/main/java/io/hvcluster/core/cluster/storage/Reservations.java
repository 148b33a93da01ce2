package io.hvcluster.core.cluster.storage;

import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimLun;
import io.hvcluster.core.defect.Defects;
import java.util.List;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The SCSI-3 reservations a group's VMs need: a node arbitrates for all of a group's LUNs before it
 * starts or receives the group's VMs, and may run them only while it holds every one.
 *
 * <p>This is the one gate of {@link io.hvcluster.core.defect.Defect#SKIP_STORAGE_ARBITRATION}: under it
 * every LUN is granted at once without arbitration, every node counts as holding it, and a removed node's
 * registrations are never revoked, so nothing fences a node's VMs by their storage.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Reservations {
  private final ClusterModel cluster;
  private final boolean skipped;

  public Reservations(ClusterModel cluster, Defects defects) {
    this.cluster = cluster;
    this.skipped = defects.skipsStorageArbitration();
  }

  /**
   * Arbitrates for every LUN of {@code luns} on behalf of {@code target}; {@code done} receives, after
   * the current event at the earliest, whether the target won them all.
   */
  public void acquire(List<SimLun> luns, SimHost target, String why, Consumer<Boolean> done) {
    if (luns.isEmpty() || skipped) {
      cluster.loop().schedule(0, () -> done.accept(true));
      return;
    }
    int[] remaining = {luns.size()};
    boolean[] all = {true};
    for (SimLun lun : luns) {
      lun.arbitrate(target, why, won -> {
        all[0] &= won;
        if (--remaining[0] == 0) {
          done.accept(all[0]);
        }
      });
    }
  }

  /** Returns the first of {@code luns} that {@code host} does not hold, or null when it holds them all. */
  public SimLun firstNotHeld(List<SimLun> luns, SimHost host) {
    if (skipped) {
      return null;
    }
    for (SimLun lun : luns) {
      if (!lun.ownedBy(host)) {
        return lun;
      }
    }
    return null;
  }

  /** Returns whether {@code host} holds every one of {@code luns}, so it may run the VMs on them. */
  public boolean held(List<SimLun> luns, SimHost host) {
    return firstNotHeld(luns, host) == null;
  }

  /**
   * Returns whether the active partition revokes the registrations of a node it removes, fencing that
   * node's VMs on Cluster Shared Volumes.
   */
  public boolean revokesRegistrations() {
    return !skipped;
  }
}
