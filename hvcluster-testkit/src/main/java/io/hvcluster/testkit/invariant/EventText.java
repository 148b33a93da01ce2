package io.hvcluster.testkit.invariant;

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
import io.hvcluster.testkit.check.InvariantMonitor;

/** Renders cluster events for the history: a kebab-case name and a short, readable detail. */
final class EventText {
  /** The history name of each event type, computed once a type. */
  private static final ClassValue<String> NAMES = new ClassValue<>() {
    @Override
    protected String computeValue(Class<?> type) {
      return InvariantMonitor.eventName(type.asSubclass(ClusterEvent.class));
    }
  };

  private EventText() {}

  static String name(ClusterEvent event) {
    return NAMES.get(event.getClass());
  }

  static String detail(ClusterEvent e) {
    return e.accept(DETAIL);
  }

  /** The short detail of each event type. */
  private static final EventVisitor<String> DETAIL = new EventVisitor<>() {
    @Override
    public String visit(VmStateChanged v) {
      return v.vm() + " " + v.from() + "->" + v.to() + v.host().map(h -> " on " + h).orElse("") + ": " + v.reason();
    }

    @Override
    public String visit(NodeStateChanged n) {
      return n.host() + " " + n.from() + "->" + n.to() + ": " + n.reason();
    }

    @Override
    public String visit(LunStateChanged l) {
      return l.lun() + " " + l.from() + "->" + l.to() + l.owner().map(h -> " owner " + h).orElse(" no owner") + ": "
          + l.reason();
    }

    @Override
    public String visit(GroupStateChanged g) {
      return g.group() + " " + g.from() + "->" + g.to() + g.owner().map(h -> " on " + h).orElse("") + ": " + g.reason();
    }

    @Override
    public String visit(QuorumChanged q) {
      return (q.hasQuorum() ? "quorum " : "NO quorum ") + q.votes() + "/" + q.votesNeeded() + " needed, partition "
          + q.partition() + (q.witnessVote() ? " + witness" : "") + ": " + q.reason();
    }

    @Override
    public String visit(FaultApplied f) {
      return f.fault() + " " + f.detail();
    }

    @Override
    public String visit(FaultHealed f) {
      return f.fault() + " " + f.detail();
    }

    @Override
    public String visit(MigrationStarted m) {
      return m.vm() + " " + m.source() + " -> " + m.target() + " (" + m.strategy() + ")";
    }

    @Override
    public String visit(MigrationPhaseStarted m) {
      return m.vm() + " phase " + m.phase();
    }

    @Override
    public String visit(MigrationFinished m) {
      MigrationResult r = m.result();
      return r.vm() + " " + r.outcome() + " " + r.source() + " -> " + r.target() + ": " + r.reason();
    }

    @Override
    public String visit(OperatorAction o) {
      return o.action() + " " + o.target();
    }

    @Override
    public String visit(FailoverStarted f) {
      return f.group() + f.from().map(h -> " from " + h).orElse("") + " #" + f.failoverCount() + ": " + f.reason();
    }

    @Override
    public String visit(GroupPlaced g) {
      return g.group() + " on " + g.target() + " (" + g.policy() + "): " + g.reason();
    }

    @Override
    public String visit(PlacementFailed p) {
      return p.group() + ": " + p.reason();
    }

    @Override
    public String visit(HeartbeatRouteChanged h) {
      return h.observer() + " sees " + h.peer() + (h.up() ? " up" : " down") + ": " + h.reason();
    }

    @Override
    public String visit(ClusterFormed c) {
      return "members " + c.members();
    }

    @Override
    public String visit(GuestClusterFailover g) {
      return g.guestCluster() + " " + g.from().map(Object::toString).orElse("-") + " -> "
          + g.to().map(Object::toString).orElse("-") + ": " + g.reason();
    }
  };
}
