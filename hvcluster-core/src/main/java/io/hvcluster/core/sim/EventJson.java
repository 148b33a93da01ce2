package io.hvcluster.core.sim;

import io.hvcluster.api.HostId;
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
import io.hvcluster.api.migration.MigrationPass;
import io.hvcluster.api.migration.MigrationPhase;
import io.hvcluster.api.migration.MigrationResult;
import java.util.List;
import java.util.Optional;

/**
 * Encodes cluster events as one-line JSON objects with a fixed field order: {@code t} (virtual ns),
 * {@code type}, {@code cluster}, then the event's own fields. The encoding is canonical, so it serves
 * both the JSON Lines trace and the trace hash.
 *
 * <p>Core may not depend on a JSON library, and this writer only ever writes, so it is small.
 */
public final class EventJson {
  private final StringBuilder out = new StringBuilder(256);

  /**
   * Returns the JSON line of an event, without the newline.
   *
   * @param event the event
   * @return the encoded line
   */
  public String encode(ClusterEvent event) {
    return encodeInPlace(event).toString();
  }

  /**
   * Encodes an event into this encoder's reused buffer, without copying it into a string: valid until
   * the next call.
   *
   * @param event the event
   * @return the encoded line
   */
  public CharSequence encodeInPlace(ClusterEvent event) {
    out.setLength(0);
    out.append("{\"t\":").append(event.timeNanos());
    str("type", event.getClass().getSimpleName());
    str("cluster", event.cluster());
    fields(event);
    return out.append('}');
  }

  private void fields(ClusterEvent e) {
    if (e instanceof ClusterFormed x) {
      list("members", x.members());
    } else if (e instanceof NodeStateChanged x) {
      str("host", x.host().name());
      str("from", x.from().name());
      str("to", x.to().name());
      str("reason", x.reason());
    } else if (e instanceof HeartbeatRouteChanged x) {
      str("observer", x.observer().name());
      str("peer", x.peer().name());
      bool("up", x.up());
      str("reason", x.reason());
    } else if (e instanceof QuorumChanged x) {
      bool("hasQuorum", x.hasQuorum());
      num("votes", x.votes());
      num("votesNeeded", x.votesNeeded());
      list("partition", x.partition());
      bool("witnessVote", x.witnessVote());
      str("reason", x.reason());
    } else if (e instanceof LunStateChanged x) {
      str("lun", x.lun().name());
      str("from", x.from().name());
      str("to", x.to().name());
      host("owner", x.owner());
      str("reason", x.reason());
    } else if (e instanceof VmStateChanged x) {
      str("vm", x.vm().name());
      host("host", x.host());
      str("from", x.from().name());
      str("to", x.to().name());
      str("reason", x.reason());
    } else if (e instanceof GroupStateChanged x) {
      str("group", x.group());
      host("owner", x.owner());
      str("from", x.from().name());
      str("to", x.to().name());
      str("reason", x.reason());
    } else if (e instanceof GroupPlaced x) {
      str("group", x.group());
      str("target", x.target().name());
      str("policy", x.policy());
      str("reason", x.reason());
    } else if (e instanceof PlacementFailed x) {
      str("group", x.group());
      str("reason", x.reason());
    } else if (e instanceof FailoverStarted x) {
      str("group", x.group());
      host("from", x.from());
      num("failoverCount", x.failoverCount());
      str("reason", x.reason());
    } else if (e instanceof MigrationStarted x) {
      str("vm", x.vm().name());
      str("source", x.source().name());
      str("target", x.target().name());
      str("strategy", x.strategy());
    } else if (e instanceof MigrationPhaseStarted x) {
      str("vm", x.vm().name());
      str("phase", x.phase());
    } else if (e instanceof MigrationFinished x) {
      result(x.result());
    } else if (e instanceof FaultApplied x) {
      str("fault", x.fault());
      str("detail", x.detail());
    } else if (e instanceof FaultHealed x) {
      str("fault", x.fault());
      str("detail", x.detail());
    } else if (e instanceof OperatorAction x) {
      str("action", x.action());
      str("target", x.target());
    } else if (e instanceof GuestClusterFailover x) {
      str("guestCluster", x.guestCluster());
      str("from", x.from().map(Object::toString).orElse(null));
      str("to", x.to().map(Object::toString).orElse(null));
      str("reason", x.reason());
    } else {
      throw new AssertionError("unencoded event type " + e.getClass().getName());
    }
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
    out.append(",\"phases\":[");
    List<MigrationPhase> phases = r.phases();
    for (int i = 0; i < phases.size(); i++) {
      MigrationPhase p = phases.get(i);
      out.append(i == 0 ? "" : ",").append("{\"name\":");
      quote(p.name());
      out.append(",\"start\":").append(p.startNanos()).append(",\"end\":").append(p.endNanos()).append('}');
    }
    out.append("],\"passes\":[");
    List<MigrationPass> passes = r.passes();
    for (int i = 0; i < passes.size(); i++) {
      MigrationPass p = passes.get(i);
      out.append(i == 0 ? "" : ",").append("{\"index\":").append(p.index()).append(",\"pages\":").append(p.pages())
          .append(",\"bytes\":").append(p.bytes()).append(",\"durationNanos\":").append(p.durationNanos()).append('}');
    }
    out.append(']');
    bool("fellBackToQuick", r.fellBackToQuick());
    str("reason", r.reason());
  }

  private void host(String name, Optional<HostId> host) {
    str(name, host.map(HostId::name).orElse(null));
  }

  private void list(String name, List<HostId> hosts) {
    out.append(",\"").append(name).append("\":[");
    for (int i = 0; i < hosts.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      quote(hosts.get(i).name());
    }
    out.append(']');
  }

  private void num(String name, long value) {
    out.append(",\"").append(name).append("\":").append(value);
  }

  private void bool(String name, boolean value) {
    out.append(",\"").append(name).append("\":").append(value);
  }

  private void str(String name, String value) {
    out.append(",\"").append(name).append("\":");
    if (value == null) {
      out.append("null");
    } else {
      quote(value);
    }
  }

  private void quote(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
