package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.Lun;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.VmSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * S3: only the host that owns a VM's LUN runs or writes the VM. For every instance that executes, or
 * writes its saved state (saving), on a host that runs, each of the VM's ordinary LUNs must be reserved
 * by that host. Cluster Shared Volumes are exempt: every node reads and writes them at once. So is a VM
 * frozen in a live migration's blackout, which does no I/O while its LUNs change hands; if the migration
 * fails and the VM thaws on the source, the source must hold the LUNs again.
 */
final class StorageOwnership extends SnapshotInvariant {
  private final RunFacts facts;
  private final Map<VmId, List<Lun>> ordinary = new TreeMap<>();

  StorageOwnership(Snapshot snapshot, RunFacts facts) {
    super(snapshot);
    this.facts = facts;
    Cluster cluster = snapshot.cluster();
    Map<LunId, Lun> byId = new TreeMap<>();
    cluster.storage().luns().forEach(l -> byId.put(l.id(), l));
    for (VmSpec vm : cluster.spec().vms()) {
      List<Lun> luns = new ArrayList<>();
      for (LunId id : vm.luns()) {
        Lun lun = byId.get(id);
        LunSpec spec = lun.spec();
        if (!spec.csv()) {
          luns.add(lun);
        }
      }
      ordinary.put(vm.id(), luns);
    }
  }

  @Override
  public String id() {
    return "S3";
  }

  @Override
  Optional<String> evaluate(Cluster cluster) {
    for (Snapshot.Instance i : snapshot.instances()) {
      if (!i.hostRunning() || !(i.state().isExecuting() || i.state() == VmState.SAVING)
          || i.state() == VmState.MIGRATING && facts.inBlackout(i.vm())) {
        continue;
      }
      for (Lun lun : ordinary.getOrDefault(i.vm(), List.of())) {
        HostId owner = lun.owner().orElse(null);
        if (!i.host().equals(owner)) {
          return Optional.of(i.vm() + " is " + i.state() + " on " + i.host() + " but its LUN " + lun.id() + " is "
              + (owner == null ? "owned by no node" : "reserved by " + owner) + " (" + lun.state() + ", generation "
              + lun.reservationGeneration() + ")");
        }
      }
    }
    return Optional.empty();
  }
}
