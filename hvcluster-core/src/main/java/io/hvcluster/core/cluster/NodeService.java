package io.hvcluster.core.cluster;

import io.hvcluster.api.NodeState;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.spec.Installation;
import java.util.ArrayList;

/**
 * The cluster service of each node: starting it (the node joins), stopping it (its VMs stop with it),
 * and what happens when a member leaves the active partition.
 */
final class NodeService {
  static final long SERVICE_START_NANOS = 2_000_000_000L;
  static final long SERVICE_RESTART_NANOS = 10_000_000_000L;

  private final SimCluster c;

  NodeService(SimCluster cluster) {
    this.c = cluster;
  }

  void setNodeState(SimHost h, NodeState to, String why) {
    NodeState from = h.state;
    if (from == to) {
      return;
    }
    h.state = from.checkTransition(h.describe(), to, why);
    h.reason = why;
    c.emit(new NodeStateChanged(c.now(), c.name(), h.id(), from, to, why));
  }



  void scheduleServiceStart(SimHost h, long delay) {
    c.kernel.loop().schedule(delay, () -> {
      if (h.powered && !h.hung && !h.serviceRunning && !h.serviceDisabled) {
        startService(h);
      }
    });
  }

  private void startService(SimHost h) {
    if (h.isMember()) {
      // The service died and came back before the others noticed: the node rejoins from scratch.
      String why = "cluster service restarted before its failure was detected";
      setNodeState(h, NodeState.DOWN, why);
      c.reconciler.ownerLost(h, why);
    }
    h.serviceRunning = true;
    setNodeState(h, NodeState.JOINING, "cluster service started");
    c.heartbeats.listenerStarted(h);
    c.membership.requestDecision();
  }

  /** Stops a node's cluster service at once; its VMs stop with it. */
  void stopService(SimHost h, String why) {
    h.serviceRunning = false;
    h.dropQueuedStarts();
    for (SimVm vm : new ArrayList<>(h.vms.values())) {
      c.lifecycle.kill(vm, why);
    }
    h.clearStale();
    h.startsInProgress = 0;
    h.parked.clear();
    c.heartbeats.hostChanged(h);
  }

  /** Called by the membership when a member leaves the active partition. */
  void nodeLeft(SimHost h, String why) {
    boolean alive = h.powered && !h.hung;
    if (alive && h.serviceRunning) {
      if (c.options.defects().ignoresQuorum()) {
        c.kernel.loop().schedule(SERVICE_RESTART_NANOS, () -> {
          if (h.state == NodeState.DOWN && h.serviceRunning) {
            setNodeState(h, NodeState.JOINING, "cluster service rejoining");
            c.membership.requestDecision();
          }
        });
      } else {
        stopService(h, "cluster service stopped on " + h.id() + ": " + why);
        scheduleServiceStart(h, SERVICE_RESTART_NANOS);
      }
    }
    if (c.witness != null && c.witness.owner == h) {
      c.reconciler.kick();
    }
    c.fencing.hungNodeRemoved(h);
    c.reconciler.ownerLost(h, why);
    for (MigrationRun run : c.activeMigrations()) {
      if (run.target == h || run.source == h) {
        run.abort(h.id() + " left the cluster: " + why);
      }
    }
  }


  /** Stops a leaving node's service once none of its groups is still moving away. */
  void leaveWhenDrained(SimHost h) {
    boolean moving = h.ownedGroups().stream().anyMatch(g -> g.activity == SimGroup.Activity.MOVING);
    if (moving) {
      c.kernel.loop().schedule(1_000_000_000L, () -> leaveWhenDrained(h));
      return;
    }
    if (!h.serviceRunning || !h.serviceDisabled) {
      return;
    }
    String why = "cluster service stopped by operator";
    boolean member = h.isMember() || h.state == NodeState.JOINING;
    stopService(h, why);
    if (member) {
      setNodeState(h, NodeState.DOWN, why);
      c.reconciler.ownerLost(h, why);
      c.membership.requestDecision();
    }
  }


  /**
   * Returns the virtual time to boot a host after power-on, by installation.
   *
   * @param installation the host's installation
   * @return nanoseconds
   */
  static long hostBootNanos(Installation installation) {
    return installation == Installation.SERVER_CORE ? 120_000_000_000L : 180_000_000_000L;
  }
}
