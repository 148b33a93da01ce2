package io.hvcluster.json;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The actions a scenario can take at a moment of virtual time ({@code docs/scenario-format.md}), each with
 * its JSON name and the fields that name its targets.
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum ActionKind {
  /** Cut a host's power. */
  CRASH_HOST("crash-host", Shape.HOST),
  /** Power a host on again (the repair): it boots and rejoins. */
  POWER_ON("power-on", Shape.HOST),
  /** Hang a host: no heartbeats, its VMs freeze. */
  HANG_HOST("hang-host", Shape.HOST),
  /** Let a hung host run again. */
  RESUME_HOST("resume-host", Shape.HOST),
  /** Pause a node for maintenance: it owns no new groups. */
  PAUSE_NODE("pause-node", Shape.HOST),
  /** Resume a paused node. */
  RESUME_NODE("resume-node", Shape.HOST),
  /** Pause a node and move its groups away by quick migration. */
  DRAIN_NODE("drain-node", Shape.HOST),
  /** Start a node's cluster service with forced quorum (net start clussvc /forcequorum). */
  FORCE_QUORUM("force-quorum", Shape.HOST),
  /** Start the cluster service on a node. */
  START_CLUSTER_SERVICE("start-cluster-service", Shape.HOST),
  /** Stop the cluster service on a node gracefully. */
  STOP_CLUSTER_SERVICE("stop-cluster-service", Shape.HOST),
  /** Bring a VM online as an operator. */
  START_VM("start-vm", Shape.VM),
  /** Stop a VM as an operator; the cluster will not restart it. */
  STOP_VM("stop-vm", Shape.VM),
  /** Crash a VM's worker process. */
  CRASH_VM("crash-vm", Shape.VM),
  /** Bring every VM that is off online. */
  START_ALL_VMS("start-all-vms", Shape.CLUSTER),
  /** Quick Migration: save, hand the LUN over, restore. */
  QUICK_MIGRATE("quick-migrate", Shape.MOVE),
  /** Live migration (2008 R2): pre-copy memory while the VM runs, with the LUN handover in the blackout. */
  LIVE_MIGRATE("live-migrate", Shape.MOVE),
  /** Shut down, hand the LUN over, boot. */
  COLD_MIGRATE("cold-migrate", Shape.MOVE),
  /** Move a group to a node, or to the best possible node ("to": "best"). */
  MOVE_GROUP("move-group", Shape.GROUP),
  /** Cut the heartbeat network between sides of hosts. */
  PARTITION("partition", Shape.SIDES),
  /** Restore every heartbeat link. */
  HEAL("heal", Shape.CLUSTER),
  /** Cut heartbeats from one host to another, one way. */
  CUT_LINK("cut-link", Shape.LINK),
  /** Restore a link cut by cut-link. */
  RESTORE_LINK("restore-link", Shape.LINK),
  /** Take a node's interface on one cluster network down; the node stays while another cluster network reaches it. */
  CUT_NETWORK("cut-network", Shape.NETWORK),
  /** Bring a node's interface on a cluster network back up. */
  RESTORE_NETWORK("restore-network", Shape.NETWORK),
  /** Make the witness unavailable. */
  LOSE_WITNESS("lose-witness", Shape.CLUSTER),
  /** Make the witness available again. */
  RESTORE_WITNESS("restore-witness", Shape.CLUSTER),
  /** Take a LUN offline at the array. */
  LUN_OFFLINE("lun-offline", Shape.LUN),
  /** Bring a LUN online at the array. */
  LUN_ONLINE("lun-online", Shape.LUN);

  /** Which targets an action names, and so which {@link ScenarioAction.Target} it has. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public enum Shape {
    /** A host: {@code host}. */
    HOST(List.of("host")),
    /** A VM: {@code vm}. */
    VM(List.of("vm")),
    /** A VM and a target node: {@code vm}, {@code to}. */
    MOVE(List.of("vm", "to")),
    /** A group and a target node, or {@code "best"} for the best possible node: {@code group}, {@code to}. */
    GROUP(List.of("group", "to")),
    /** A one-way link: {@code from}, {@code to}. */
    LINK(List.of("from", "to")),
    /** A node's interface on a cluster network: {@code host}, {@code network}. */
    NETWORK(List.of("host", "network")),
    /** A LUN: {@code lun}. */
    LUN(List.of("lun")),
    /** Sides of a partition: {@code sides}. */
    SIDES(List.of("sides")),
    /** The whole cluster: no target field. */
    CLUSTER(List.of());

    private final List<String> fields;

    Shape(List<String> fields) {
      this.fields = fields;
    }

    /**
     * Returns the JSON fields that name the targets.
     *
     * @return the field names, in the order they are read
     */
    public List<String> fields() {
      return fields;
    }
  }

  private final String id;
  private final Shape shape;

  ActionKind(String id, Shape shape) {
    this.id = id;
    this.shape = shape;
  }

  /**
   * Returns the action's JSON name, for example {@code crash-host}.
   *
   * @return the name
   */
  public String id() {
    return id;
  }

  /**
   * Returns which targets the action names.
   *
   * @return the shape
   */
  public Shape shape() {
    return shape;
  }

  /**
   * Returns the kind with the JSON name.
   *
   * @param id the name, for example {@code crash-host}
   * @return the kind
   * @throws IllegalArgumentException naming the allowed names when there is no such kind
   */
  public static ActionKind byId(String id) {
    for (ActionKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown action '" + id + "'; allowed: " + ids());
  }

  /**
   * Returns every JSON name, comma-separated, for messages.
   *
   * @return the names
   */
  public static String ids() {
    return Arrays.stream(values()).map(k -> k.id).collect(Collectors.joining(", "));
  }
}
