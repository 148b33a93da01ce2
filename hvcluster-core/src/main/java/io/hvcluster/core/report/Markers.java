package io.hvcluster.core.report;

import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.event.FaultApplied;
import io.hvcluster.api.event.FaultHealed;
import io.hvcluster.api.event.GuestClusterFailover;
import io.hvcluster.api.event.PlacementFailed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Lays out the markers lane so that no marker hides another. Markers of one kind that would fall on the
 * same spot (fifteen failovers in one second) become one glyph with a count beside it ("×15") and a
 * tooltip listing each; operator actions are never merged, each keeps its number. Then every marker is
 * put in the first row where its box (glyph and count) clears the markers already there. A guest cluster's
 * application starting on its first guest node is no failover and gets no marker.
 */
final class Markers {
  static final double ROW_HEIGHT = 22;
  static final double GLYPH = 12;
  private static final double GAP = 3;

  /** One marker: a glyph, or a numbered action, with its box in the lane. */
  record Marker(String kind, double x, int row, int count, int number, boolean refused, String title,
      long timeNanos, Canvas.Box box) {}

  final List<Marker> placed = new ArrayList<>();
  final int rows;

  private Markers(List<Marker> unplaced, double top) {
    List<Double> rowRight = new ArrayList<>();
    List<Marker> sorted = new ArrayList<>(unplaced);
    sorted.sort(Comparator.comparingDouble((Marker m) -> m.box().x()).thenComparingInt(Marker::number));
    for (Marker m : sorted) {
      int row = 0;
      while (row < rowRight.size() && rowRight.get(row) + GAP > m.box().x()) {
        row++;
      }
      double right = m.box().x() + m.box().w();
      if (row == rowRight.size()) {
        rowRight.add(right);
      } else {
        rowRight.set(row, right);
      }
      double y = top + row * ROW_HEIGHT + 2;
      placed.add(new Marker(m.kind(), m.x(), row, m.count(), m.number(), m.refused(), m.title(), m.timeNanos(),
          new Canvas.Box(m.box().x(), y, m.box().w(), ROW_HEIGHT - 4)));
    }
    rows = Math.max(1, rowRight.size());
  }

  static String kind(ClusterEvent e) {
    if (e instanceof FaultApplied) {
      return "fault";
    } else if (e instanceof FaultHealed) {
      return "heal";
    } else if (e instanceof FailoverStarted) {
      return "failover";
    } else if (e instanceof GuestClusterFailover g) {
      // A guest cluster's application coming online on its first node is not a failover: no marker (the
      // event log has it), as the summary does not count it. With no guest node left to take over, the
      // application is down: a marker of its own.
      return g.from().isEmpty() ? null : g.to().isEmpty() ? "guest-down" : "guest-failover";
    } else if (e instanceof PlacementFailed) {
      return "placement-failed";
    }
    return null;
  }

  /** Lays out the markers of a run's events and its numbered actions, starting at {@code top}. */
  static Markers of(List<ClusterEvent> events, List<ReportAction> actions, LongToDoubleFunction x, double top) {
    List<Marker> out = new ArrayList<>();
    List<ClusterEvent> group = new ArrayList<>();
    String groupKind = null;
    for (ClusterEvent e : events) {
      String kind = kind(e);
      if (kind == null) {
        continue;
      }
      if (groupKind != null && (!groupKind.equals(kind)
          || x.applyAsDouble(e.timeNanos()) - x.applyAsDouble(group.get(0).timeNanos()) > GLYPH)) {
        out.add(glyph(groupKind, group, x));
        group = new ArrayList<>();
      }
      groupKind = kind;
      group.add(e);
    }
    if (groupKind != null) {
      out.add(glyph(groupKind, group, x));
    }
    for (int i = 0; i < actions.size(); i++) {
      ReportAction a = actions.get(i);
      double cx = x.applyAsDouble(a.atNanos());
      double w = Canvas.width(Integer.toString(i + 1), Canvas.MIN_FONT) + 9;
      String title = "#" + (i + 1) + "  " + Timeline.time(a.atNanos()) + "  " + a.action()
          + (a.accepted() ? "" : "  REFUSED: " + a.result()) + (a.note().isEmpty() ? "" : "  (" + a.note() + ")");
      out.add(new Marker("action", cx, 0, 1, i + 1, !a.accepted(), title, a.atNanos(),
          new Canvas.Box(cx - Math.max(w, GLYPH + 4) / 2, 0, Math.max(w, GLYPH + 4), 0)));
    }
    return new Markers(out, top);
  }

  private static Marker glyph(String kind, List<ClusterEvent> group, LongToDoubleFunction x) {
    double cx = x.applyAsDouble(group.get(0).timeNanos());
    double w = GLYPH + 2 + (group.size() > 1 ? 2 + Canvas.width("×" + group.size(), Canvas.MIN_FONT) : 0);
    String title = group.stream().map(e -> Timeline.line(e).strip()).collect(Collectors.joining("\n"));
    return new Marker(kind, cx, 0, group.size(), 0, false, title, group.get(0).timeNanos(),
        new Canvas.Box(cx - GLYPH / 2 - 1, 0, w, 0));
  }

  double height() {
    return rows * ROW_HEIGHT;
  }
}
