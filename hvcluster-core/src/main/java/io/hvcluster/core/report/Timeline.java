package io.hvcluster.core.report;

import io.hvcluster.api.HostId;
import io.hvcluster.api.LunState;
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
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Renders events as readable timeline lines: virtual time, the subject (node, VM, LUN, group, quorum),
 * what changed and why. For example:
 *
 * <pre>
 *   0:03:04.579  node2       UP → DOWN             missed 5 consecutive heartbeats (1000 ms apart)
 * </pre>
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Timeline {
  private static final int SUBJECT = 11;
  private static final int CHANGE = 22;

  private Timeline() {}

  /**
   * Formats virtual time as {@code h:mm:ss.SSS}.
   *
   * @param nanos virtual nanoseconds
   * @return the text
   */
  public static String time(long nanos) {
    long millis = nanos / 1_000_000;
    long h = millis / 3_600_000;
    long m = millis / 60_000 % 60;
    long s = millis / 1000 % 60;
    return String.format("%d:%02d:%02d.%03d", h, m, s, millis % 1000);
  }

  /**
   * Formats a duration of virtual time compactly, for example {@code 1 min 22.4 s}, {@code 310 ms} or, under a
   * millisecond, {@code 400 µs}.
   *
   * @param nanos nanoseconds
   * @return the text
   */
  public static String duration(long nanos) {
    if (nanos > 0 && nanos < 1_000L) {
      return nanos + " ns";
    }
    if (nanos > 0 && nanos < 1_000_000L) {
      // A switchover of 400 µs is not "0 ms": under a millisecond the unit shrinks rather than round to nothing.
      return nanos / 1_000 + " µs";
    }
    if (nanos < 1_000_000_000L) {
      return nanos / 1_000_000 + " ms";
    }
    double seconds = nanos / 1e9;
    if (seconds < 60) {
      return String.format("%.1f s", seconds);
    }
    long whole = (long) seconds;
    if (whole < 3600) {
      return String.format("%d min %.1f s", whole / 60, seconds - whole / 60 * 60);
    }
    return String.format("%d h %d min", whole / 3600, whole / 60 % 60);
  }

  /**
   * Returns whether an event is detail that a readable timeline may leave out: group states (they mirror
   * their VMs), LUNs entering arbitration (the outcome follows), and migration phases (the result lists
   * them).
   *
   * @param event the event
   * @return true for detail
   */
  public static boolean isDetail(ClusterEvent event) {
    return event instanceof GroupStateChanged || event instanceof GroupPlaced
        || event instanceof LunStateChanged l && l.to() == LunState.ARBITRATING
        || event instanceof MigrationPhaseStarted;
  }

  /**
   * Renders one event as a timeline line, without a trailing newline.
   *
   * @param event the event
   * @return the line
   */
  public static String line(ClusterEvent event) {
    return "  " + time(event.timeNanos()) + "  " + body(event);
  }

  private static String row(String subject, String change, String why) {
    String left = pad(subject, SUBJECT) + " " + pad(change, CHANGE);
    return why == null || why.isEmpty() ? left.stripTrailing() : left + " " + why;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String on(Optional<HostId> host) {
    return host.map(h -> " on " + h).orElse("");
  }

  private static String body(ClusterEvent e) {
    return e.accept(BODY);
  }

  /** The subject, change and reason of each event type. */
  private static final EventVisitor<String> BODY = new EventVisitor<>() {
    @Override
    public String visit(NodeStateChanged x) {
      return row(x.host().name(), x.from() + " → " + x.to(), x.reason());
    }

    @Override
    public String visit(VmStateChanged x) {
      return row(x.vm().name(), x.from() + " → " + x.to() + on(x.host()), x.reason());
    }

    @Override
    public String visit(LunStateChanged x) {
      String change = x.from() == LunState.ARBITRATING ? x.to() + on(x.owner()) : x.from() + " → " + x.to() + on(x.owner());
      return row(x.lun().name(), change, x.reason());
    }

    @Override
    public String visit(GroupStateChanged x) {
      return row("group " + x.group(), x.from() + " → " + x.to() + on(x.owner()), x.reason());
    }

    @Override
    public String visit(QuorumChanged x) {
      String change = (x.hasQuorum() ? "" : "NO QUORUM: ") + x.votes() + " votes, needs " + x.votesNeeded();
      return row("quorum", change, members(x.partition()) + (x.witnessVote() ? " + witness" : "") + "; " + x.reason());
    }

    @Override
    public String visit(ClusterFormed x) {
      return row("cluster", "formed", members(x.members()));
    }

    @Override
    public String visit(HeartbeatRouteChanged x) {
      return row(x.observer().name(), "route to " + x.peer() + (x.up() ? " up" : " down"), x.reason());
    }

    @Override
    public String visit(GroupPlaced x) {
      return row("group " + x.group(), "placed on " + x.target(), x.policy() + ": " + x.reason());
    }

    @Override
    public String visit(PlacementFailed x) {
      return row("group " + x.group(), "cannot be placed", x.reason());
    }

    @Override
    public String visit(FailoverStarted x) {
      return row("group " + x.group(), "failover #" + x.failoverCount(), x.reason());
    }

    @Override
    public String visit(MigrationStarted x) {
      return row(x.vm().name(), x.strategy() + " migration", x.source() + " → " + x.target());
    }

    @Override
    public String visit(MigrationPhaseStarted x) {
      return row(x.vm().name(), "phase " + x.phase(), "");
    }

    @Override
    public String visit(MigrationFinished x) {
      MigrationResult r = x.result();
      String phases = r.phases().stream().filter(p -> p.durationNanos() > 0)
          .map(p -> p.name() + " " + duration(p.durationNanos())).collect(Collectors.joining(", "));
      return row(r.vm().name(), r.strategy() + " migration " + r.outcome(), "in " + duration(r.totalNanos())
          + ", downtime " + duration(r.downtimeNanos()) + (phases.isEmpty() ? "" : " (" + phases + ")") + "; "
          + r.reason());
    }

    @Override
    public String visit(FaultApplied x) {
      return row("FAULT", x.fault(), x.detail());
    }

    @Override
    public String visit(FaultHealed x) {
      return row("HEALED", x.fault(), x.detail());
    }

    @Override
    public String visit(OperatorAction x) {
      return row("operator", x.action(), x.target());
    }

    @Override
    public String visit(GuestClusterFailover x) {
      return row("guest " + x.guestCluster(), x.from().map(Object::toString).orElse("-") + " → "
          + x.to().map(Object::toString).orElse("-"), x.reason());
    }
  };

  private static String members(List<HostId> hosts) {
    return hosts.stream().map(HostId::name).collect(Collectors.joining(" ", "[", "]"));
  }
}
