package io.hvcluster.testkit.invariant;

import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.ClusterFormed;
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
import io.hvcluster.testkit.check.InvariantMonitor;

/** Renders cluster events for the history: a kebab-case name and a short, readable detail. */
final class EventText {
  private static final ClassValue<String> NAMES = new ClassValue<>() {
    @Override
    protected String computeValue(Class<?> type) {
      String simple = type.getSimpleName();
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < simple.length(); i++) {
        char c = simple.charAt(i);
        if (Character.isUpperCase(c) && i > 0) {
          out.append('-');
        }
        out.append(Character.toLowerCase(c));
      }
      return out.toString();
    }
  };

  private EventText() {}

  static String name(ClusterEvent event) {
    return NAMES.get(event.getClass());
  }

  static String detail(ClusterEvent e) {
    if (e instanceof VmStateChanged) {
      VmStateChanged v = (VmStateChanged) e;
      return v.vm() + " " + v.from() + "->" + v.to() + v.host().map(h -> " on " + h).orElse("") + ": " + v.reason();
    }
    if (e instanceof NodeStateChanged) {
      NodeStateChanged n = (NodeStateChanged) e;
      return n.host() + " " + n.from() + "->" + n.to() + ": " + n.reason();
    }
    if (e instanceof LunStateChanged) {
      LunStateChanged l = (LunStateChanged) e;
      return l.lun() + " " + l.from() + "->" + l.to() + l.owner().map(h -> " owner " + h).orElse(" no owner") + ": "
          + l.reason();
    }
    if (e instanceof GroupStateChanged) {
      GroupStateChanged g = (GroupStateChanged) e;
      return g.group() + " " + g.from() + "->" + g.to() + g.owner().map(h -> " on " + h).orElse("") + ": " + g.reason();
    }
    if (e instanceof QuorumChanged) {
      QuorumChanged q = (QuorumChanged) e;
      return (q.hasQuorum() ? "quorum " : "NO quorum ") + q.votes() + "/" + q.votesNeeded() + " needed, partition "
          + q.partition() + (q.witnessVote() ? " + witness" : "") + ": " + q.reason();
    }
    if (e instanceof FaultApplied) {
      return ((FaultApplied) e).fault() + " " + ((FaultApplied) e).detail();
    }
    if (e instanceof FaultHealed) {
      return ((FaultHealed) e).fault() + " " + ((FaultHealed) e).detail();
    }
    if (e instanceof MigrationStarted) {
      MigrationStarted m = (MigrationStarted) e;
      return m.vm() + " " + m.source() + " -> " + m.target() + " (" + m.strategy() + ")";
    }
    if (e instanceof MigrationPhaseStarted) {
      return ((MigrationPhaseStarted) e).vm() + " phase " + ((MigrationPhaseStarted) e).phase();
    }
    if (e instanceof MigrationFinished) {
      MigrationResult r = ((MigrationFinished) e).result();
      return r.vm() + " " + r.outcome() + " " + r.source() + " -> " + r.target() + ": " + r.reason();
    }
    if (e instanceof OperatorAction) {
      return ((OperatorAction) e).action() + " " + ((OperatorAction) e).target();
    }
    if (e instanceof FailoverStarted) {
      FailoverStarted f = (FailoverStarted) e;
      return f.group() + f.from().map(h -> " from " + h).orElse("") + " #" + f.failoverCount() + ": " + f.reason();
    }
    if (e instanceof GroupPlaced) {
      GroupPlaced g = (GroupPlaced) e;
      return g.group() + " on " + g.target() + " (" + g.policy() + "): " + g.reason();
    }
    if (e instanceof PlacementFailed) {
      return ((PlacementFailed) e).group() + ": " + ((PlacementFailed) e).reason();
    }
    if (e instanceof HeartbeatRouteChanged) {
      HeartbeatRouteChanged h = (HeartbeatRouteChanged) e;
      return h.observer() + " sees " + h.peer() + (h.up() ? " up" : " down") + ": " + h.reason();
    }
    if (e instanceof ClusterFormed) {
      return "members " + ((ClusterFormed) e).members();
    }
    if (e instanceof GuestClusterFailover) {
      GuestClusterFailover g = (GuestClusterFailover) e;
      return g.guestCluster() + " " + g.from().map(Object::toString).orElse("-") + " -> "
          + g.to().map(Object::toString).orElse("-") + ": " + g.reason();
    }
    return InvariantMonitor.eventDetail(e);
  }
}
