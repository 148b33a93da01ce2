package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.Host;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.testkit.check.StepInvariant;
import java.util.Optional;

/**
 * S6: the memory committed on a host (VMs holding memory there, starts and incoming migrations it has
 * reserved for, and stale instances it still holds) never exceeds the host's memory for VMs.
 */
final class MemoryCapacity implements StepInvariant {
  private final Snapshot snapshot;

  MemoryCapacity(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  @Override
  public String id() {
    return "S6";
  }

  @Override
  public Optional<String> check(Cluster cluster, ClusterEvent event) {
    for (Host h : snapshot.hosts()) {
      long committed = h.memoryCommittedBytes();
      long capacity = h.spec().vmMemoryBytes();
      if (committed > capacity) {
        return Optional.of(h.id() + " has " + mib(committed) + " committed to VMs but only " + mib(capacity)
            + " of memory for VMs (VMs: " + h.vms() + ")");
      }
    }
    return Optional.empty();
  }

  private static String mib(long bytes) {
    return (bytes >> 20) + " MiB";
  }
}
