package io.hvcluster.testkit.engine;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.api.spec.Priority;

/**
 * Tells when a freshly formed cluster has settled: every node is a member and every VM that starts
 * automatically runs. Counts from events, so asking costs nothing.
 */
final class Settling implements ClusterListener {
  private final int hosts;
  private final int vms;
  private int members;
  private int running;

  Settling(Cluster cluster) {
    this.hosts = cluster.hosts().size();
    int auto = 0;
    for (VirtualMachine vm : cluster.vms()) {
      if (vm.spec().priority() != Priority.NO_AUTO_START) {
        auto++;
      }
    }
    this.vms = auto;
  }

  boolean settled() {
    return members >= hosts && running >= vms;
  }

  @Override
  public void onEvent(ClusterEvent event) {
    if (event instanceof VmStateChanged) {
      VmStateChanged v = (VmStateChanged) event;
      if (v.to() == VmState.RUNNING && v.from() != VmState.RUNNING) {
        running++;
      } else if (v.from() == VmState.RUNNING && v.to() != VmState.RUNNING) {
        running--;
      }
    } else if (event instanceof NodeStateChanged) {
      NodeStateChanged n = (NodeStateChanged) event;
      boolean was = n.from() == NodeState.UP || n.from() == NodeState.PAUSED;
      boolean is = n.to() == NodeState.UP || n.to() == NodeState.PAUSED;
      members += (is ? 1 : 0) - (was ? 1 : 0);
    }
  }
}
