package io.hvcluster.core.report;

import io.hvcluster.api.GroupState;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunState;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.ClusterFormed;
import io.hvcluster.api.event.EventVisitor;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.event.FaultApplied;
import io.hvcluster.api.event.FaultHealed;
import io.hvcluster.api.event.GroupPlaced;
import io.hvcluster.api.event.GroupStateChanged;
import io.hvcluster.api.event.GuestClusterFailover;
import io.hvcluster.api.event.HeartbeatRouteChanged;
import io.hvcluster.api.event.LunStateChanged;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.event.MigrationPhaseStarted;
import io.hvcluster.api.event.MigrationStarted;
import io.hvcluster.api.event.NodeStateChanged;
import io.hvcluster.api.event.OperatorAction;
import io.hvcluster.api.event.PlacementFailed;
import io.hvcluster.api.event.QuorumChanged;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.api.migration.MigrationResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a run's events into cluster-log lines, node by node: it follows which nodes are members (the
 * cluster's belief) and which are running (a node that lost power, hangs or lost its cluster service
 * writes nothing), and writes each event into the logs of the nodes whose cluster service would log it.
 */
final class ClusterLogLines implements EventVisitor<Void> {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd-HH:mm:ss.SSS", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  /** The level column of a line, padded as clussvc pads it. */
  private enum Level {
    INFO("INFO "), WARN("WARN "), ERR("ERR  ");

    final String text;

    Level(String text) {
      this.text = text;
    }
  }

  private final List<HostId> hosts;
  private final Instant epoch;
  private final Map<HostId, List<String>> lines = new HashMap<>();
  private final Map<HostId, NodeState> states = new HashMap<>();
  private final Set<HostId> silent = new HashSet<>();
  private long now;

  ClusterLogLines(RunRecord record, Instant epoch) {
    this.hosts = record.hosts();
    this.epoch = epoch;
    for (HostId h : hosts) {
      lines.put(h, new ArrayList<>());
      states.put(h, record.initialState(h));
    }
  }

  void add(ClusterEvent event) {
    now = event.timeNanos();
    event.accept(this);
  }

  List<String> lines(HostId node) {
    return lines.get(node);
  }

  private void log(HostId node, Level level, String component, String message) {
    List<String> l = lines.get(node);
    if (l == null || silent.contains(node)) {
      return;
    }
    Instant at = epoch.plusNanos(now);
    int index = hosts.indexOf(node);
    // A process id per node and a thread id per component, fixed so that the same run gives the same log.
    String pid = String.format(Locale.ROOT, "%08x", 0x0a40 + 4 * index);
    String tid = String.format(Locale.ROOT, "%08x", 0x0b00 + 4 * Math.floorMod(component.hashCode(), 64));
    l.add(pid + "." + tid + "::" + STAMP.format(at) + " " + level.text + " [" + component + "] " + message);
  }

  /** The nodes the cluster counts as members (not DOWN), in the cluster's order. */
  private Set<HostId> members() {
    Set<HostId> m = new LinkedHashSet<>();
    for (HostId h : hosts) {
      if (states.get(h) != NodeState.DOWN) {
        m.add(h);
      }
    }
    return m;
  }

  private void toMembers(Level level, String component, String message) {
    for (HostId h : members()) {
      log(h, level, component, message);
    }
  }

  private static String name(HostId h) {
    return h.name();
  }

  @Override
  public Void visit(ClusterFormed e) {
    for (HostId h : e.members()) {
      states.put(h, NodeState.UP);
    }
    for (HostId h : e.members()) {
      log(h, Level.INFO, "INIT", "Cluster " + e.cluster() + " formed; members: " + e.members());
    }
    return null;
  }

  @Override
  public Void visit(NodeStateChanged e) {
    Set<HostId> before = members();
    HostId node = e.host();
    states.put(node, e.to());
    if (e.to() == NodeState.JOINING) {
      silent.remove(node);
    }
    if (e.to() == NodeState.DOWN) {
      for (HostId h : before) {
        if (!h.equals(node)) {
          log(h, Level.INFO, "RGP", "Node " + name(h) + ": regroup completed; node " + name(node)
              + " is not in the new membership " + members());
          log(h, Level.WARN, "NM", "Cluster node '" + name(node) + "' was removed from the active failover cluster"
              + " membership (event 1135): " + e.reason());
        }
      }
      log(node, Level.WARN, "NM", "Node " + name(node) + " left the cluster membership: " + e.reason());
      return null;
    }
    Set<HostId> to = new LinkedHashSet<>(before);
    to.add(node);
    for (HostId h : to) {
      log(h, Level.INFO, "NM", "Node '" + name(node) + "' " + e.from() + " --> " + e.to() + ": " + e.reason());
    }
    return null;
  }

  @Override
  public Void visit(HeartbeatRouteChanged e) {
    HostId me = e.observer();
    if (e.up()) {
      log(me, Level.INFO, "NETFT", "Route from " + name(me) + " to " + name(e.peer()) + " is up: " + e.reason());
    } else {
      log(me, Level.WARN, "NETFT", "Route from " + name(me) + " to " + name(e.peer()) + " is down: " + e.reason());
      log(me, Level.INFO, "RGP", "Node " + name(me) + ": regroup initiated; node " + name(e.peer()) + " is unreachable");
    }
    return null;
  }

  @Override
  public Void visit(QuorumChanged e) {
    String votes = e.votes() + " votes" + (e.witnessVote() ? " with the witness" : "") + ", " + e.votesNeeded()
        + " needed";
    for (HostId h : e.partition()) {
      if (e.hasQuorum()) {
        log(h, Level.INFO, "QUORUM", "Node " + name(h) + ": partition " + e.partition() + " has quorum (" + votes
            + "): " + e.reason());
      } else {
        log(h, Level.ERR, "QUORUM", "Node " + name(h) + ": partition " + e.partition() + " lost quorum (" + votes
            + "); the cluster service stops: " + e.reason());
      }
    }
    return null;
  }

  @Override
  public Void visit(LunStateChanged e) {
    String disk = "Physical Disk <" + e.lun().name() + ">";
    if (e.to() == LunState.ARBITRATING) {
      HostId challenger = challenger(e.reason());
      String msg = disk + ": Arbitrate: register, reserve and preempt with SCSI-3 persistent reservations ("
          + e.reason() + ")";
      if (challenger != null) {
        log(challenger, Level.INFO, "RES", msg);
      } else {
        toMembers(Level.INFO, "RES", msg);
      }
      return null;
    }
    Level level = e.to() == LunState.FAILED ? Level.ERR : Level.INFO;
    String transition = "TransitionToState(" + e.lun().name() + ") " + word(e.from()) + "-->" + word(e.to()) + ".";
    if (e.owner().isPresent() && e.to() == LunState.ONLINE) {
      HostId owner = e.owner().get();
      log(owner, Level.INFO, "RES", disk + ": Arbitrate: reservation held by " + name(owner) + " (" + e.reason() + ")");
      log(owner, level, "RCM", transition);
    } else {
      toMembers(level, "RCM", transition + " " + e.reason());
    }
    return null;
  }

  /** The node that arbitrates, from the reason a LUN gives ("NODE2 arbitrates: ..."), or null. */
  private HostId challenger(String reason) {
    for (HostId h : hosts) {
      if (reason.startsWith(h.name() + " arbitrates")) {
        return h;
      }
    }
    return null;
  }

  private static String word(Enum<?> state) {
    String[] parts = state.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      b.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
    }
    return b.toString();
  }

  @Override
  public Void visit(VmStateChanged e) {
    Level level = e.to() == VmState.FAILED ? Level.ERR : Level.INFO;
    String msg = "Virtual Machine <" + e.vm().name() + ">: " + word(e.from()) + " --> " + word(e.to()) + ": "
        + e.reason();
    if (e.host().isPresent()) {
      log(e.host().get(), level, "RES", msg);
    }
    return null;
  }

  @Override
  public Void visit(GroupStateChanged e) {
    Level level = e.to() == GroupState.FAILED ? Level.ERR : Level.INFO;
    String msg = e.from() == e.to() ? "Group " + e.group() + ": " + e.reason()
        : "TransitionToState(" + e.group() + ") " + word(e.from()) + "-->" + word(e.to()) + ". " + e.reason();
    if (e.owner().isPresent() && members().contains(e.owner().get())) {
      log(e.owner().get(), level, "RCM", msg);
    } else {
      toMembers(level, "RCM", msg);
    }
    return null;
  }

  @Override
  public Void visit(GroupPlaced e) {
    toMembers(Level.INFO, "FM", "Group " + e.group() + " will be brought online on node " + name(e.target()) + " ("
        + e.policy() + "): " + e.reason());
    return null;
  }

  @Override
  public Void visit(PlacementFailed e) {
    toMembers(Level.WARN, "FM", "Group " + e.group() + " cannot be placed: " + e.reason());
    return null;
  }

  @Override
  public Void visit(FailoverStarted e) {
    toMembers(Level.WARN, "FM", "Failover of group " + e.group() + e.from().map(h -> " from node " + name(h)).orElse("")
        + " (failover " + e.failoverCount() + " in the failover period): " + e.reason());
    return null;
  }

  @Override
  public Void visit(MigrationStarted e) {
    String msg = "Virtual Machine <" + e.vm().name() + ">: " + e.strategy() + " from " + name(e.source()) + " to "
        + name(e.target()) + " started";
    bothEnds(e.source(), e.target(), msg);
    return null;
  }

  /** A migration's line, in the logs of both its source and its target. */
  private void bothEnds(HostId source, HostId target, String msg) {
    log(source, Level.INFO, "RES", msg);
    log(target, Level.INFO, "RES", msg);
  }

  @Override
  public Void visit(MigrationPhaseStarted e) {
    return null;
  }

  @Override
  public Void visit(MigrationFinished e) {
    MigrationResult r = e.result();
    String msg = "Virtual Machine <" + r.vm().name() + ">: " + r.strategy() + " from " + name(r.source()) + " to "
        + name(r.target()) + " ended " + r.outcome() + ": " + r.reason();
    bothEnds(r.source(), r.target(), msg);
    return null;
  }

  @Override
  public Void visit(FaultApplied e) {
    // The cluster does not see the fault itself, but a node without power, hung or without its cluster
    // service writes nothing from now on.
    if (e.fault().equals("host-crash") || e.fault().equals("host-hang") || e.fault().equals("cluster-service-crash")) {
      hosts.stream().filter(h -> h.name().equals(e.detail())).forEach(silent::add);
    }
    return null;
  }

  @Override
  public Void visit(FaultHealed e) {
    if (e.fault().equals("host-crash") || e.fault().equals("host-hang")) {
      for (HostId h : hosts) {
        if (e.detail().startsWith(h.name() + " ") && silent.remove(h)) {
          log(h, Level.INFO, "INIT", e.fault().equals("host-crash") ? "Cluster service starting on " + name(h)
              : "Node " + name(h) + " resumes");
        }
      }
    }
    return null;
  }

  @Override
  public Void visit(OperatorAction e) {
    toMembers(Level.INFO, "API", "Operator: " + e.action() + " " + e.target());
    return null;
  }

  @Override
  public Void visit(GuestClusterFailover e) {
    return null;
  }
}
