package io.hvcluster.core.sim;

import io.hvcluster.api.HostId;
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
import io.hvcluster.api.migration.MigrationPass;
import io.hvcluster.api.migration.MigrationPhase;
import io.hvcluster.api.migration.MigrationResult;
import java.util.List;
import java.util.Optional;

/**
 * Walks a cluster event's fields in a fixed order: {@code t} (virtual ns), {@code type}, {@code cluster},
 * then the event's own fields. Subclasses turn the walk into JSON text or into a fingerprint, so the
 * trace file and the trace hash always describe the same fields.
 */
abstract class EventFields {
  /**
   * Walks one event.
   *
   * @param event the event
   */
  final void visit(ClusterEvent event) {
    begin();
    num("t", event.timeNanos());
    str("type", event.getClass().getSimpleName());
    str("cluster", event.cluster());
    fields(event);
    end();
  }

  abstract void begin();

  abstract void end();

  abstract void str(String name, String value);

  abstract void num(String name, long value);

  abstract void bool(String name, boolean value);

  abstract void arrayStart(String name);

  abstract void arrayItem(String value);

  abstract void arrayEnd();

  abstract void objectStart();

  abstract void objectEnd();

  /** Walks the event's own fields; one method per event type, so that a new type fails to compile here. */
  private final EventVisitor<Void> walker = new EventVisitor<>() {
    @Override
    public Void visit(ClusterFormed x) {
      list("members", x.members());
      return null;
    }

    @Override
    public Void visit(NodeStateChanged x) {
      str("host", x.host().name());
      str("from", x.from().name());
      str("to", x.to().name());
      str("reason", x.reason());
      return null;
    }

    @Override
    public Void visit(HeartbeatRouteChanged x) {
      str("observer", x.observer().name());
      str("peer", x.peer().name());
      bool("up", x.up());
      str("reason", x.reason());
      return null;
    }

    @Override
    public Void visit(QuorumChanged x) {
      bool("hasQuorum", x.hasQuorum());
      num("votes", x.votes());
      num("votesNeeded", x.votesNeeded());
      list("partition", x.partition());
      bool("witnessVote", x.witnessVote());
      str("reason", x.reason());
      return null;
    }

    @Override
    public Void visit(LunStateChanged x) {
      str("lun", x.lun().name());
      str("from", x.from().name());
      str("to", x.to().name());
      host("owner", x.owner());
      str("reason", x.reason());
      return null;
    }

    @Override
    public Void visit(VmStateChanged x) {
      str("vm", x.vm().name());
      host("host", x.host());
      str("from", x.from().name());
      str("to", x.to().name());
      str("reason", x.reason());
      return null;
    }

    @Override
    public Void visit(GroupStateChanged x) {
      str("group", x.group());
      host("owner", x.owner());
      str("from", x.from().name());
      str("to", x.to().name());
      str("reason", x.reason());
      return null;
    }

    @Override
    public Void visit(GroupPlaced x) {
      str("group", x.group());
      str("target", x.target().name());
      str("policy", x.policy());
      str("reason", x.reason());
      return null;
    }

    @Override
    public Void visit(PlacementFailed x) {
      str("group", x.group());
      str("reason", x.reason());
      return null;
    }

    @Override
    public Void visit(FailoverStarted x) {
      str("group", x.group());
      host("from", x.from());
      num("failoverCount", x.failoverCount());
      str("reason", x.reason());
      return null;
    }

    @Override
    public Void visit(MigrationStarted x) {
      str("vm", x.vm().name());
      str("source", x.source().name());
      str("target", x.target().name());
      str("strategy", x.strategy());
      return null;
    }

    @Override
    public Void visit(MigrationPhaseStarted x) {
      str("vm", x.vm().name());
      str("phase", x.phase());
      return null;
    }

    @Override
    public Void visit(MigrationFinished x) {
      result(x.result());
      return null;
    }

    @Override
    public Void visit(FaultApplied x) {
      str("fault", x.fault());
      str("detail", x.detail());
      return null;
    }

    @Override
    public Void visit(FaultHealed x) {
      str("fault", x.fault());
      str("detail", x.detail());
      return null;
    }

    @Override
    public Void visit(OperatorAction x) {
      str("action", x.action());
      str("target", x.target());
      return null;
    }

    @Override
    public Void visit(GuestClusterFailover x) {
      str("guestCluster", x.guestCluster());
      str("from", x.from().map(Object::toString).orElse(null));
      str("to", x.to().map(Object::toString).orElse(null));
      str("reason", x.reason());
      return null;
    }
  };

  final void fields(ClusterEvent e) {
    e.accept(walker);
  }

  private void result(MigrationResult r) {
    str("strategy", r.strategy());
    str("vm", r.vm().name());
    str("source", r.source().name());
    str("target", r.target().name());
    str("outcome", r.outcome().name());
    num("startNanos", r.startNanos());
    num("endNanos", r.endNanos());
    num("downtimeNanos", r.downtimeNanos());
    num("bytesTransferred", r.bytesTransferred());
    arrayStart("phases");
    for (MigrationPhase p : r.phases()) {
      objectStart();
      str("name", p.name());
      num("start", p.startNanos());
      num("end", p.endNanos());
      objectEnd();
    }
    arrayEnd();
    arrayStart("passes");
    for (MigrationPass p : r.passes()) {
      objectStart();
      num("index", p.index());
      num("pages", p.pages());
      num("bytes", p.bytes());
      num("durationNanos", p.durationNanos());
      objectEnd();
    }
    arrayEnd();
    bool("fellBackToQuick", r.fellBackToQuick());
    str("reason", r.reason());
  }

  private void host(String name, Optional<HostId> host) {
    str(name, host.map(HostId::name).orElse(null));
  }

  private void list(String name, List<HostId> hosts) {
    arrayStart(name);
    for (HostId h : hosts) {
      arrayItem(h.name());
    }
    arrayEnd();
  }
}
