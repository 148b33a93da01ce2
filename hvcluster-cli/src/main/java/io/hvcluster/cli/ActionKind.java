package io.hvcluster.cli;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The actions a scenario can take at a moment of virtual time (docs/scenario-format.md), each with its
 * JSON name and the fields that name its targets.
 */
enum ActionKind {
  CRASH_HOST("crash-host", Shape.HOST, "cut a host's power"),
  POWER_ON("power-on", Shape.HOST, "power a host on again (the repair): it boots and rejoins"),
  HANG_HOST("hang-host", Shape.HOST, "hang a host: no heartbeats, its VMs freeze"),
  RESUME_HOST("resume-host", Shape.HOST, "let a hung host run again"),
  PAUSE_NODE("pause-node", Shape.HOST, "pause a node for maintenance: it owns no new groups"),
  RESUME_NODE("resume-node", Shape.HOST, "resume a paused node"),
  DRAIN_NODE("drain-node", Shape.HOST, "pause a node and move its groups away by quick migration"),
  START_CLUSTER_SERVICE("start-cluster-service", Shape.HOST, "start the cluster service on a node"),
  STOP_CLUSTER_SERVICE("stop-cluster-service", Shape.HOST, "stop the cluster service on a node gracefully"),
  START_VM("start-vm", Shape.VM, "bring a VM online as an operator"),
  STOP_VM("stop-vm", Shape.VM, "stop a VM as an operator; the cluster will not restart it"),
  CRASH_VM("crash-vm", Shape.VM, "crash a VM's worker process"),
  START_ALL_VMS("start-all-vms", Shape.CLUSTER, "bring every VM that is off online"),
  QUICK_MIGRATE("quick-migrate", Shape.MOVE, "Quick Migration: save, hand the LUN over, restore"),
  LIVE_MIGRATE("live-migrate", Shape.MOVE, "live migration: pre-copy memory while the VM runs"),
  COLD_MIGRATE("cold-migrate", Shape.MOVE, "shut down, hand the LUN over, boot"),
  PARTITION("partition", Shape.SIDES, "cut the heartbeat network between sides of hosts"),
  HEAL("heal", Shape.CLUSTER, "restore every heartbeat link"),
  CUT_LINK("cut-link", Shape.LINK, "cut heartbeats from one host to another, one way"),
  RESTORE_LINK("restore-link", Shape.LINK, "restore a link cut by cut-link"),
  LOSE_WITNESS("lose-witness", Shape.CLUSTER, "make the witness unavailable"),
  RESTORE_WITNESS("restore-witness", Shape.CLUSTER, "make the witness available again"),
  LUN_OFFLINE("lun-offline", Shape.LUN, "take a LUN offline at the array"),
  LUN_ONLINE("lun-online", Shape.LUN, "bring a LUN online at the array");

  /** Which targets an action names. */
  enum Shape {
    HOST(List.of("host")),
    VM(List.of("vm")),
    MOVE(List.of("vm", "to")),
    LINK(List.of("from", "to")),
    LUN(List.of("lun")),
    SIDES(List.of("sides")),
    CLUSTER(List.of());

    final List<String> fields;

    Shape(List<String> fields) {
      this.fields = fields;
    }
  }

  final String id;
  final Shape shape;
  final String meaning;

  ActionKind(String id, Shape shape, String meaning) {
    this.id = id;
    this.shape = shape;
    this.meaning = meaning;
  }

  /** Returns the kind with the JSON name, or throws with the list of names. */
  static ActionKind byId(String id) {
    for (ActionKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown action '" + id + "'; allowed: " + ids());
  }

  static String ids() {
    return Arrays.stream(values()).map(k -> k.id).collect(Collectors.joining(", "));
  }
}
