package io.hvcluster.testkit.engine;

import io.hvcluster.api.HostId;
import io.hvcluster.api.Lun;
import io.hvcluster.api.LunId;
import io.hvcluster.api.SavedStateDamage;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.testkit.fault.BitRot;
import io.hvcluster.testkit.fault.Fault;
import io.hvcluster.testkit.fault.IoLatency;
import io.hvcluster.testkit.fault.IoStall;
import io.hvcluster.testkit.fault.LoseUnflushedWrites;
import io.hvcluster.testkit.fault.LunOffline;
import io.hvcluster.testkit.fault.NoSpace;
import io.hvcluster.testkit.fault.PathDown;
import io.hvcluster.testkit.fault.ReservationPreempt;
import io.hvcluster.testkit.fault.TornShape;
import io.hvcluster.testkit.fault.TornWrite;
import io.hvcluster.testkit.fault.WitnessLoss;
import io.hvcluster.testkit.fault.WriteError;
import io.hvcluster.testkit.invariant.LivenessBound;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Applies storage faults: failed paths, LUNs offline, slow and stalled I/O, failing writes, damage to
 * saved states (on the real files when memory is real), reservation preemption and witness loss.
 */
final class StorageFaults {
  private StorageFaults() {}

  /** Applies the fault if it is a storage fault; returns null otherwise. */
  static Applied apply(Fault f, Nemesis n, RandomGenerator r) {
    Primitives p = n.primitives();
    if (f instanceof PathDown) {
      PathDown d = (PathDown) f;
      List<HostId> hosts = d.hosts().resolve(p.cluster(), r);
      List<LunId> luns = d.luns().resolve(p.cluster(), r);
      hosts.forEach(h -> luns.forEach(l -> p.failPaths(h, l)));
      return new Applied("every path from " + Nemesis.names(hosts) + " to " + Nemesis.names(luns) + " failed",
          healPhase -> {
            hosts.forEach(h -> luns.forEach(l -> p.restorePaths(h, l)));
            return "paths from " + Nemesis.names(hosts) + " to " + Nemesis.names(luns) + " restored";
          });
    }
    if (f instanceof LunOffline) {
      List<LunId> luns = ((LunOffline) f).luns().resolve(p.cluster(), r);
      luns.forEach(p::takeOffline);
      return new Applied(Nemesis.names(luns) + " offline at the array", healPhase -> {
        luns.forEach(p::bringOnline);
        return Nemesis.names(luns) + " online again";
      });
    }
    if (f instanceof IoLatency) {
      List<LunId> luns = ((IoLatency) f).luns().resolve(p.cluster(), r);
      double factor = ((IoLatency) f).factor();
      return slow(p, luns, factor, Nemesis.names(luns) + " " + (int) factor + "x slower");
    }
    if (f instanceof IoStall) {
      List<LunId> luns = ((IoStall) f).luns().resolve(p.cluster(), r);
      return slow(p, luns, LivenessBound.STALL_SLOWDOWN, "I/O to " + Nemesis.names(luns) + " stalls (transfers started now take "
          + (int) LivenessBound.STALL_SLOWDOWN + "x as long)");
    }
    if (f instanceof WriteError || f instanceof NoSpace) {
      boolean full = f instanceof NoSpace;
      List<LunId> luns = full ? ((NoSpace) f).luns().resolve(p.cluster(), r) : ((WriteError) f).luns().resolve(p.cluster(), r);
      int kind = full ? 2 : 1;
      luns.forEach(l -> p.failWrites(l, kind));
      String what = full ? "report no space" : "fail writes with an I/O error";
      return new Applied(Nemesis.names(luns) + " " + what, healPhase -> {
        luns.forEach(l -> p.restoreWrites(l, kind));
        return "writes to " + Nemesis.names(luns) + " succeed again";
      });
    }
    if (f instanceof BitRot) {
      List<LunId> luns = ((BitRot) f).luns().resolve(p.cluster(), r);
      return damage(n, luns, SavedStateDamage.BIT_ROT);
    }
    if (f instanceof LoseUnflushedWrites) {
      List<LunId> luns = ((LoseUnflushedWrites) f).luns().resolve(p.cluster(), r);
      return damage(n, luns, SavedStateDamage.LOST_UNFLUSHED_WRITES);
    }
    if (f instanceof TornWrite) {
      TornWrite t = (TornWrite) f;
      List<LunId> luns = t.luns().resolve(p.cluster(), r);
      SavedStateDamage damage = tornDamage(t.shape());
      luns.forEach(l -> n.triggers().armTornWrite(l, damage));
      return Applied.instant("the next saved-state commit on " + Nemesis.names(luns) + " tears ("
          + damage.name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
    if (f instanceof ReservationPreempt) {
      ReservationPreempt rp = (ReservationPreempt) f;
      List<LunId> luns = rp.luns().resolve(p.cluster(), r);
      List<HostId> by = rp.by().resolve(p.cluster(), r);
      if (by.isEmpty()) {
        return Applied.instant("no node to preempt with (" + rp.by() + " resolved to none)");
      }
      luns.forEach(l -> p.faults().preemptReservation(l, by.get(0)));
      return Applied.instant(by.get(0) + " preempted the reservation of " + Nemesis.names(luns));
    }
    if (f instanceof WitnessLoss) {
      return witness((WitnessLoss) f, n, r);
    }
    return null;
  }

  /** Which saved-state damage a torn write of the given shape does. */
  static SavedStateDamage tornDamage(TornShape shape) {
    switch (shape) {
      case PREFIX:
        return SavedStateDamage.TORN_WRITE; // the first half of a page persisted, the rest did not
      case SUFFIX:
        return SavedStateDamage.TRUNCATED_HEADER; // the header, written last, is cut short
      default:
        return SavedStateDamage.BIT_ROT; // garbage where data should be
    }
  }

  private static Applied slow(Primitives p, List<LunId> luns, double factor, String what) {
    luns.forEach(l -> p.slow(l, factor));
    return new Applied(what, healPhase -> {
      luns.forEach(l -> p.unslow(l, factor));
      return "I/O to " + Nemesis.names(luns) + " back to normal speed";
    });
  }

  /** Damages the saved states of the VMs whose files live on the LUNs (a VM's first LUN). */
  private static Applied damage(Nemesis n, List<LunId> luns, SavedStateDamage damage) {
    List<VmId> vms = vmsOn(n.primitives(), luns);
    vms.forEach(vm -> n.primitives().faults().damageSavedState(vm, damage));
    return Applied.instant(damage.name().toLowerCase(java.util.Locale.ROOT) + " on " + Nemesis.names(luns)
        + " hits the saved states of " + (vms.isEmpty() ? "no VM" : Nemesis.names(vms)));
  }

  static List<VmId> vmsOn(Primitives p, List<LunId> luns) {
    List<VmId> vms = new ArrayList<>();
    for (VirtualMachine vm : p.cluster().vms()) {
      if (luns.contains(vm.spec().luns().get(0))) {
        vms.add(vm.id());
      }
    }
    return vms;
  }

  /**
   * Loses the witness. For every node (or a file-share witness) the witness fails outright; for some
   * nodes of a disk witness, their paths to the witness disk fail. The engine has no per-node loss of a
   * file-share witness, so there a partial loss fails the witness for every node.
   */
  private static Applied witness(WitnessLoss w, Nemesis n, RandomGenerator r) {
    Primitives p = n.primitives();
    List<HostId> from = w.from().resolve(p.cluster(), r);
    Lun disk = p.cluster().storage().witness().orElse(null);
    boolean everyone = from.size() >= n.hostIds().size() || disk == null;
    if (p.cluster().spec().quorum() == QuorumModel.NODE_MAJORITY) {
      return Applied.instant("no witness in node majority; nothing lost");
    }
    if (everyone) {
      p.loseWitness();
      return new Applied("witness lost for every node" + (from.size() < n.hostIds().size()
          ? " (a file-share witness cannot be lost for some nodes only)" : ""), healPhase -> {
            p.restoreWitness();
            return "witness available again";
          });
    }
    LunId lun = disk.id();
    from.forEach(h -> p.failPaths(h, lun));
    return new Applied("witness disk " + lun + " unreachable from " + Nemesis.names(from), healPhase -> {
      from.forEach(h -> p.restorePaths(h, lun));
      return "witness disk reachable again from " + Nemesis.names(from);
    });
  }
}
