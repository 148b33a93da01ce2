package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.Lun;
import io.hvcluster.api.LunState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.testkit.check.StepInvariant;
import java.util.List;
import java.util.Optional;

/**
 * S2: a LUN has at most one owner (a Cluster Shared Volume one coordinator) and ownership is fenced:
 * the reservation generation never decreases, a LUN changes hands only with a new generation (so a
 * former owner's writes are recognisably stale), the owner holds a registration, and an online LUN has
 * an owner.
 */
final class LunFencing implements StepInvariant {
  private final List<Lun> luns;
  private final long[] generation;
  private final HostId[] owner;

  LunFencing(Cluster cluster) {
    this.luns = cluster.storage().luns();
    this.generation = new long[luns.size()];
    this.owner = new HostId[luns.size()];
  }

  @Override
  public String id() {
    return "S2";
  }

  @Override
  public Optional<String> check(Cluster cluster, ClusterEvent event) {
    for (int i = 0; i < luns.size(); i++) {
      Lun lun = luns.get(i);
      long gen = lun.reservationGeneration();
      HostId now = lun.owner().orElse(null);
      HostId before = owner[i];
      if (gen < generation[i]) {
        return Optional.of("LUN " + lun.id() + "'s reservation generation went back from " + generation[i] + " to " + gen);
      }
      if (now != null && before != null && !now.equals(before) && gen == generation[i]) {
        return Optional.of("LUN " + lun.id() + " changed hands from " + before + " to " + now + " without a new"
            + " reservation generation (still " + gen + "), so " + before + "'s writes would not be fenced");
      }
      if (gen != generation[i] || now != before) {
        if (now != null && !lun.registrations().contains(now)) {
          return Optional.of("LUN " + lun.id() + " is owned by " + now + ", which holds no registration ("
              + lun.registrations() + ")");
        }
        generation[i] = gen;
        owner[i] = now;
      }
      if (now == null && lun.state() == LunState.ONLINE) {
        return Optional.of("LUN " + lun.id() + " is ONLINE without an owner");
      }
    }
    return Optional.empty();
  }
}
