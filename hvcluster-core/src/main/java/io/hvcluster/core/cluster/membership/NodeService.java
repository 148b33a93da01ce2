package io.hvcluster.core.cluster.membership;

import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmState;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.core.cluster.availability.GuestClusters;
import io.hvcluster.core.cluster.lifecycle.Lifecycle;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.Migration;
import io.hvcluster.core.cluster.model.SimGroup;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimLun;
import io.hvcluster.core.cluster.model.SimVm;
import io.hvcluster.core.defect.Defect;
import io.hvcluster.core.defect.Defects;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The cluster service of each node and what becomes of a node's VMs and groups when the node stops:
 * starting the service (the node joins), stopping it (its VMs stop with it), and the one reaction to
 * each thing that can befall a node: power loss, power-on, a hang and its end, a crash of the service,
 * leaving the active partition, an operator's stop.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class NodeService {
  public static final long SERVICE_START_NANOS = 2_000_000_000L;
  public static final long SERVICE_RESTART_NANOS = 10_000_000_000L;

  private final ClusterModel c;
  private final Lifecycle lifecycle;
  private final GuestClusters guestClusters;
  private final boolean ignoreQuorum;
  /** The membership this service serves, with its heartbeats, availability accounts and listener. */
  private Membership membership;

  /**
   * Creates the node service of a cluster; it works with the heartbeats, availability accounts and
   * failover listener of the membership that is built on it.
   *
   * @param cluster the cluster
   * @param lifecycle stops a node's VMs when its service stops
   * @param guestClusters the guest clusters, whose active nodes stop serving when their host hangs
   * @param defects the deliberate defects; this is the gate of {@link Defect#IGNORE_QUORUM}
   */
  public NodeService(ClusterModel cluster, Lifecycle lifecycle, GuestClusters guestClusters, Defects defects) {
    this.c = cluster;
    this.lifecycle = lifecycle;
    this.guestClusters = guestClusters;
    this.ignoreQuorum = defects.ignoresQuorum();
  }

  /** The membership to ask for decisions; set once, when it is built. */
  void decideWith(Membership decider) {
    membership = decider;
  }

  public void scheduleServiceStart(SimHost h, long delay) {
    c.loop().schedule(delay, () -> {
      if (h.running() && !h.serviceRunning() && !h.serviceDisabled()) {
        startService(h);
      }
    });
  }

  private void startService(SimHost h) {
    if (h.isMember()) {
      // The service died and came back before the others noticed: the node rejoins from scratch.
      String why = "cluster service restarted before its failure was detected";
      h.moveTo(NodeState.DOWN, why);
      membership.listener.ownerLost(h, why);
    }
    h.serviceStarted();
    h.moveTo(NodeState.JOINING, "cluster service started");
    membership.heartbeats.listenerStarted(h);
    membership.requestDecision();
  }

  /**
   * {@code net start clussvc /forcequorum} on a running node: its partition runs with forced quorum; the
   * service starts if it is not running.
   */
  public void startWithForcedQuorum(SimHost h) {
    h.disableService(false);
    membership.forceQuorum(h);
    if (!h.serviceRunning()) {
      scheduleServiceStart(h, SERVICE_START_NANOS);
    }
  }

  /** Stops a node's cluster service at once; its VMs stop with it. */
  public void stopService(SimHost h, String why) {
    h.serviceStopped(vm -> lifecycle.kill(vm, why));
    membership.serviceStopped(h);
    membership.heartbeats.hostChanged(h);
  }

  // ---- what befalls a node ----

  /** The node lost power: everything on it stops, and a node still joining is down at once. */
  public void powerLost(SimHost h) {
    h.powerOff();
    stopService(h, "host " + h.id() + " crashed (power loss)");
    if (h.nodeState() == NodeState.JOINING) {
      h.moveTo(NodeState.DOWN, "host crashed while joining");
    }
    abortMigrationsTouching(h, h.id() + " crashed");
    stallIfQuorumUnreachable("host " + h.id() + " crashed (power loss); the nodes left cannot hold quorum");
  }

  /** The node is powered on again: it boots, then starts its cluster service. */
  public void poweredOn(SimHost h) {
    h.powerOn();
    scheduleServiceStart(h, hostBootNanos(h.hostSpec().installation()));
  }

  /**
   * The node hangs: its VMs stop serving where they are (frozen, not stopped), its heartbeats stop, and
   * migrations to or from it end.
   */
  public void hung(SimHost h) {
    h.hang();
    String why = "host " + h.id() + " hung";
    for (SimVm vm : h.residents()) {
      membership.availability.update(vm, why);
      if (vm.vmState() == VmState.RUNNING) {
        guestClusters.vmStopped(vm, why);
      }
    }
    membership.heartbeats.hostChanged(h);
    abortMigrationsTouching(h, h.id() + " hung");
    stallIfQuorumUnreachable("host " + h.id() + " hung; the nodes left cannot hold quorum");
  }

  /**
   * The node runs again after a hang. If the cluster removed it meanwhile, its service stops (and its
   * VMs with it) and starts afresh; otherwise what fell due while it hung happens now, instances fenced
   * meanwhile stop, and its VMs serve again.
   */
  public void resumed(SimHost h) {
    List<Runnable> parked = h.resume();
    if (h.serviceRunning() && h.nodeState() == NodeState.DOWN) {
      stopService(h, "node " + h.id() + " resumed after the cluster removed it");
      scheduleServiceStart(h, SERVICE_RESTART_NANOS);
      return;
    }
    parked.forEach(Runnable::run);
    membership.listener.resumedWithFencedInstances(h);
    String why = "host " + h.id() + " resumed";
    for (SimVm vm : h.residents()) {
      membership.availability.update(vm, why);
      if (vm.serving()) {
        guestClusters.vmRunning(vm);
      }
    }
    membership.heartbeats.listenerResumed(h);
    if (!h.serviceRunning()) {
      scheduleServiceStart(h, SERVICE_RESTART_NANOS);
    }
  }

  /** The node's cluster service crashed: its resource monitors stop its VMs, and it restarts after a while. */
  public void serviceCrashed(SimHost h) {
    stopService(h, "cluster service crashed on " + h.id() + "; its resource monitors stopped the VMs");
    if (h.nodeState() == NodeState.JOINING) {
      h.moveTo(NodeState.DOWN, "cluster service crashed while joining");
    }
    scheduleServiceStart(h, SERVICE_RESTART_NANOS);
  }

  /** Called by the membership when a member leaves the active partition. */
  public void nodeLeft(SimHost h, String why) {
    if (h.running() && h.serviceRunning()) {
      if (ignoreQuorum) {
        c.loop().schedule(SERVICE_RESTART_NANOS, () -> {
          if (h.nodeState() == NodeState.DOWN && h.serviceRunning()) {
            h.moveTo(NodeState.JOINING, "cluster service rejoining");
            membership.requestDecision();
          }
        });
      } else {
        stopService(h, "cluster service stopped on " + h.id() + ": " + why);
        scheduleServiceStart(h, SERVICE_RESTART_NANOS);
      }
    }
    SimLun witness = c.witness();
    if (witness != null && witness.ownerNode() == h) {
      membership.listener.reconcile();
    }
    membership.listener.hungNodeRemoved(h);
    membership.listener.ownerLost(h, why);
    abortMigrationsTouching(h, h.id() + " left the cluster: " + why);
  }

  /** Stops a leaving node's service once none of its groups is still moving away. */
  public void leaveWhenDrained(SimHost h) {
    boolean moving = h.ownedGroups().stream().anyMatch(g -> g.activity() == SimGroup.Activity.MOVING);
    if (moving) {
      c.loop().schedule(1_000_000_000L, () -> leaveWhenDrained(h));
      return;
    }
    if (!h.serviceRunning() || !h.serviceDisabled()) {
      return;
    }
    String why = "cluster service stopped by operator";
    boolean member = h.isMember() || h.nodeState() == NodeState.JOINING;
    stopService(h, why);
    if (member) {
      h.moveTo(NodeState.DOWN, why);
      membership.listener.ownerLost(h, why);
      membership.requestDecision();
    }
  }

  private void abortMigrationsTouching(SimHost h, String why) {
    for (Migration run : c.activeMigrations()) {
      if (run.source() == h || run.target() == h) {
        run.abort(why);
      }
    }
  }

  private void stallIfQuorumUnreachable(String cause) {
    if (!membership.quorumReachable()) {
      membership.availability.pendingStartsStalled(cause);
    }
  }

  /**
   * Returns the virtual time to boot a host after power-on, by installation.
   *
   * @param installation the host's installation
   * @return nanoseconds
   */
  public static long hostBootNanos(Installation installation) {
    return installation == Installation.SERVER_CORE ? 120_000_000_000L : 180_000_000_000L;
  }
}
