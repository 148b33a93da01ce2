package io.hvcluster.cli;

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
import io.hvcluster.core.report.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The demo's timeline for a terminal of {@value #WIDTH} columns: time, subject, change and reason in
 * columns wide enough for the demo's subjects and changes, a long reason wrapped onto lines of its own
 * under the reason column, and the reason of a change too wide for its column on the next line, so that
 * a state never runs into its reason:
 *
 * <pre>
 *   0:00:06.000  dc01          OFF → STARTING on HV01       cold boot on HV01
 *   0:03:17.063  dc02          quick migration COMPLETED    in 17.1 s, downtime 17.1 s (save 6.8 s, release-storage …
 *                                                           arbitrate 2.0 s, restore 7.3 s); moved 768 MiB through …
 * </pre>
 *
 * The words are those of {@link Timeline#line}, which the report uses; only the layout differs.
 * Stateless and thread-safe.
 */
final class DemoTimeline {
  /** The widest line the demo prints. */
  static final int WIDTH = 120;
  private static final int SUBJECT = 13;
  private static final int CHANGE = 28;
  /** Where a reason starts: two spaces, the time (up to 9 h), two spaces, the subject and the change. */
  static final int REASON_COLUMN = 2 + 11 + 2 + SUBJECT + 1 + CHANGE + 1;

  private DemoTimeline() {}

  /** One event in columns. */
  private record Row(String subject, String change, String why) {}

  /** Returns an event as one or more lines, none wider than {@value #WIDTH} columns. */
  static List<String> lines(ClusterEvent event) {
    Row row = event.accept(ROWS);
    String left = "  " + Timeline.time(event.timeNanos()) + "  " + pad(row.subject(), SUBJECT) + " "
        + pad(row.change(), CHANGE);
    if (row.why().isEmpty()) {
      return List.of(left.stripTrailing());
    }
    if (left.length() < REASON_COLUMN) {
      return wrap(left + " " + row.why(), REASON_COLUMN);
    }
    // A subject or change wider than its column (a group's ONLINE_PENDING) puts the reason on a line of its own.
    List<String> lines = new ArrayList<>(List.of(left.stripTrailing()));
    lines.addAll(wrap(" ".repeat(REASON_COLUMN) + row.why(), REASON_COLUMN));
    return lines;
  }

  /**
   * Returns text wrapped at spaces into lines of at most {@value #WIDTH} columns, each continuation
   * indented by {@code indent} spaces; a word longer than a line is cut.
   */
  static List<String> wrap(String text, int indent) {
    List<String> lines = new ArrayList<>();
    String rest = text;
    String prefix = "";
    while (prefix.length() + rest.length() > WIDTH) {
      int room = WIDTH - prefix.length();
      int cut = rest.lastIndexOf(' ', room);
      if (cut <= 0 || (prefix.isEmpty() && cut < indent)) {
        cut = room;
      }
      lines.add((prefix + rest.substring(0, cut)).stripTrailing());
      rest = rest.substring(cut).stripLeading();
      prefix = " ".repeat(Math.min(indent, WIDTH / 2));
    }
    lines.add(prefix + rest);
    return lines;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String on(Optional<HostId> host) {
    return host.map(h -> " on " + h).orElse("");
  }

  private static String members(List<HostId> hosts) {
    return hosts.stream().map(HostId::name).collect(Collectors.joining(" ", "[", "]"));
  }

  /** The subject, change and reason of each event type, in {@link Timeline}'s words. */
  private static final EventVisitor<Row> ROWS = new EventVisitor<>() {
    @Override
    public Row visit(NodeStateChanged x) {
      return new Row(x.host().name(), x.from() + " → " + x.to(), x.reason());
    }

    @Override
    public Row visit(VmStateChanged x) {
      return new Row(x.vm().name(), x.from() + " → " + x.to() + on(x.host()), x.reason());
    }

    @Override
    public Row visit(LunStateChanged x) {
      String change = x.from() == LunState.ARBITRATING ? x.to() + on(x.owner()) : x.from() + " → " + x.to() + on(x.owner());
      return new Row(x.lun().name(), change, x.reason());
    }

    @Override
    public Row visit(GroupStateChanged x) {
      return new Row("group " + x.group(), x.from() + " → " + x.to() + on(x.owner()), x.reason());
    }

    @Override
    public Row visit(QuorumChanged x) {
      String change = (x.hasQuorum() ? "" : "NO QUORUM: ") + x.votes() + " votes, needs " + x.votesNeeded();
      return new Row("quorum", change, members(x.partition()) + (x.witnessVote() ? " + witness" : "") + "; " + x.reason());
    }

    @Override
    public Row visit(ClusterFormed x) {
      return new Row("cluster", "formed", members(x.members()));
    }

    @Override
    public Row visit(HeartbeatRouteChanged x) {
      return new Row(x.observer().name(), "route to " + x.peer() + (x.up() ? " up" : " down"), x.reason());
    }

    @Override
    public Row visit(GroupPlaced x) {
      return new Row("group " + x.group(), "placed on " + x.target(), x.policy() + ": " + x.reason());
    }

    @Override
    public Row visit(PlacementFailed x) {
      return new Row("group " + x.group(), "cannot be placed", x.reason());
    }

    @Override
    public Row visit(FailoverStarted x) {
      return new Row("group " + x.group(), "failover #" + x.failoverCount(), x.reason());
    }

    @Override
    public Row visit(MigrationStarted x) {
      return new Row(x.vm().name(), x.strategy() + " migration", x.source() + " → " + x.target());
    }

    @Override
    public Row visit(MigrationPhaseStarted x) {
      return new Row(x.vm().name(), "phase " + x.phase(), "");
    }

    @Override
    public Row visit(MigrationFinished x) {
      MigrationResult r = x.result();
      String phases = r.phases().stream().filter(p -> p.durationNanos() > 0)
          .map(p -> p.name() + " " + Timeline.duration(p.durationNanos())).collect(Collectors.joining(", "));
      return new Row(r.vm().name(), r.strategy() + " migration " + r.outcome(), "in " + Timeline.duration(r.totalNanos())
          + ", downtime " + Timeline.duration(r.downtimeNanos()) + (phases.isEmpty() ? "" : " (" + phases + ")") + "; "
          + r.reason());
    }

    @Override
    public Row visit(FaultApplied x) {
      return new Row("FAULT", x.fault(), x.detail());
    }

    @Override
    public Row visit(FaultHealed x) {
      return new Row("HEALED", x.fault(), x.detail());
    }

    @Override
    public Row visit(OperatorAction x) {
      return new Row("operator", x.action(), x.target());
    }

    @Override
    public Row visit(GuestClusterFailover x) {
      return new Row("guest " + x.guestCluster(), x.from().map(Object::toString).orElse("-") + " → "
          + x.to().map(Object::toString).orElse("-"), x.reason());
    }
  };
}
