package io.hvcluster.core.fleet;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.Lun;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.core.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Incremental safety checks for fleet runs: whenever a VM begins to execute, it must execute on no other
 * host (S1), its host must own its ordinary LUNs (S3) and stay within its memory (S6). Checking only at
 * these moments keeps the cost proportional to what happens, as a fleet of fifty thousand VMs needs.
 */
final class SafetyMonitor implements ClusterListener {
  static final int EXAMPLES = 10;

  private final Simulation simulation;
  private int violations;
  private final List<String> examples = new ArrayList<>();

  SafetyMonitor(Simulation simulation) {
    this.simulation = simulation;
  }

  @Override
  public void onEvent(ClusterEvent event) {
    if (!(event instanceof VmStateChanged e) || !e.to().isExecuting() || e.host().isEmpty()) {
      return;
    }
    Cluster cluster = simulation.cluster(e.cluster());
    HostId where = e.host().get();
    int executing = 0;
    for (Host h : cluster.hosts()) {
      Optional<VmState> s = h.instance(e.vm());
      if (s.isPresent() && s.get().isExecuting() && h.isRunning()) {
        executing++;
      }
    }
    if (executing > 1) {
      violation(e, "S1: " + e.vm() + " executes on " + executing + " hosts");
    }
    for (LunId id : cluster.vm(e.vm()).spec().luns()) {
      Lun lun = cluster.storage().lun(id);
      if (!lun.isClusterSharedVolume() && !lun.owner().equals(Optional.of(where))) {
        violation(e, "S3: " + e.vm() + " executes on " + where + " which does not own " + id);
      }
    }
    Host host = cluster.host(where);
    if (host.memoryCommittedBytes() > host.spec().vmMemoryBytes()) {
      violation(e, "S6: " + where + " commits " + host.memoryCommittedBytes() + " bytes of "
          + host.spec().vmMemoryBytes());
    }
  }

  private void violation(VmStateChanged e, String what) {
    violations++;
    if (examples.size() < EXAMPLES) {
      examples.add(e.cluster() + " at " + e.timeNanos() + " ns: " + what);
    }
  }

  int violations() {
    return violations;
  }

  List<String> examples() {
    return List.copyOf(examples);
  }
}
