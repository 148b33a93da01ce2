package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The hosts and VM instances of a cluster as they are after the current kernel event, read once and
 * shared by the invariants that need them. Every change of a VM instance, of a host's power, hang or
 * membership state, of a LUN's owner or of quorum is reported by an event (a VM, node, LUN, quorum or
 * fault event), so the snapshot is read again only after such events; {@link #version()} lets an
 * invariant whose verdict depends on nothing else skip a step in which nothing it reads can have
 * changed.
 */
final class Snapshot {
  private final LongSupplier eventCount;
  private final Cluster cluster;
  private final List<Host> hosts;
  private long events = -1;
  private final List<Instance> instances = new ArrayList<>();

  /**
   * One VM instance on a host.
   *
   * @param vm the VM
   * @param state the instance's state
   * @param host the host
   * @param hostState the host's membership state
   * @param hostRunning whether the host has power and is not hung (a hung host's VMs are frozen)
   */
  record Instance(VmId vm, VmState state, HostId host, NodeState hostState, boolean hostRunning) {
    /** Whether the instance executes guest code now: an executing state on a host that runs. */
    boolean executing() {
      return hostRunning && state.isExecuting();
    }

    /** Whether the instance executes or is being brought online (restoring) on a host that runs. */
    boolean executingOrStarting() {
      return hostRunning && (state.isExecuting() || state == VmState.RESTORING);
    }

    @Override
    public String toString() {
      return vm + " " + state + " on " + host;
    }
  }

  /**
   * Creates a snapshot.
   *
   * @param eventCount how many events that could change what the snapshot reads have been emitted
   * @param cluster the cluster
   */
  Snapshot(LongSupplier eventCount, Cluster cluster) {
    this.eventCount = eventCount;
    this.cluster = cluster;
    this.hosts = cluster.hosts();
  }

  Cluster cluster() {
    return cluster;
  }

  List<Host> hosts() {
    return hosts;
  }

  /** Returns the number of events the simulation had emitted when the snapshot was last read. */
  long version() {
    return eventCount.getAsLong();
  }

  /** Returns every VM instance on every host, refreshed if the simulation emitted events since. */
  List<Instance> instances() {
    long e = eventCount.getAsLong();
    if (e != events) {
      events = e;
      instances.clear();
      for (Host h : hosts) {
        boolean running = h.isRunning();
        NodeState state = h.state();
        for (Map.Entry<VmId, VmState> i : h.instances().entrySet()) {
          instances.add(new Instance(i.getKey(), i.getValue(), h.id(), state, running));
        }
      }
    }
    return instances;
  }
}
