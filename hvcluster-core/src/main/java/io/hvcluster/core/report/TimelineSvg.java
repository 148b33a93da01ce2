package io.hvcluster.core.report;

import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.event.FaultApplied;
import io.hvcluster.api.event.FaultHealed;
import io.hvcluster.api.event.GuestClusterFailover;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.event.OperatorAction;
import io.hvcluster.api.event.PlacementFailed;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Draws a run as an SVG timeline: a lane for the cluster's quorum, a lane of markers (faults, heals,
 * operator actions, group failovers, guest-cluster failovers), and one lane per node showing the node's
 * state over time and, below it, a bar for each stay of a VM on that node, coloured by the VM's state.
 * Migrations are arrows from the source's lane at their start to the target's lane at their end; faults
 * also draw a dashed guide through every node lane. Every shape carries a {@code <title>} (a tooltip in
 * browsers) and {@code class}/{@code data-*} attributes naming what it shows.
 *
 * <p>The output is well-formed XML with no external references (no scripts, fonts or images), and
 * depends only on the record: the same run draws the same bytes. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class TimelineSvg {
  static final String NAMESPACE = "http://www.w3.org/2000/svg";
  private static final int LEFT = 120;
  private static final int PLOT = 960;
  private static final int RIGHT = 16;
  private static final int WIDTH = LEFT + PLOT + RIGHT;
  private static final int LANE = 14;
  private static final int QUORUM_Y = 24;
  private static final int EVENTS_Y = QUORUM_Y + LANE + 6;
  private static final int HOSTS_Y = EVENTS_Y + LANE + 10;
  private static final int BAND = 8;
  private static final int ROW = 10;
  private static final int ROW_GAP = 2;
  private static final int LANE_PAD = 6;
  private static final long[] STEPS = {1_000_000_000L, 2_000_000_000L, 5_000_000_000L, 10_000_000_000L,
      15_000_000_000L, 30_000_000_000L, 60_000_000_000L, 120_000_000_000L, 300_000_000_000L, 600_000_000_000L,
      900_000_000_000L, 1_800_000_000_000L, 3_600_000_000_000L, 7_200_000_000_000L, 21_600_000_000_000L,
      43_200_000_000_000L, 86_400_000_000_000L};

  private final RunRecord record;
  private final Lanes lanes;
  private final StringBuilder out = new StringBuilder(64 * 1024);
  private final Map<HostId, Integer> laneTop = new LinkedHashMap<>();
  private final Map<HostId, Integer> laneHeight = new LinkedHashMap<>();
  private final int bottom;

  private TimelineSvg(RunRecord record) {
    this.record = record;
    this.lanes = Lanes.of(record);
    int y = HOSTS_Y;
    for (HostId h : record.hosts()) {
      int height = BAND + 4 + lanes.rows.get(h) * (ROW + ROW_GAP) + LANE_PAD;
      laneTop.put(h, y);
      laneHeight.put(h, height);
      y += height;
    }
    this.bottom = y;
  }

  /**
   * Returns the timeline as a standalone SVG document, with an XML declaration.
   *
   * @param record the run
   * @return the document
   */
  public static String render(RunRecord record) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(record);
  }

  /**
   * Returns the timeline as an {@code <svg>} element, for embedding in an HTML page.
   *
   * @param record the run
   * @return the element and its content
   */
  public static String element(RunRecord record) {
    return new TimelineSvg(record).draw();
  }

  private String draw() {
    int legendY = bottom + 18;
    int height = legendY + 44;
    out.append("<svg xmlns=\"").append(NAMESPACE).append("\" class=\"timeline\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"9\" role=\"img\">\n");
    out.append("<title>").append(Xml.escape("Timeline of cluster " + record.cluster() + " from "
        + Timeline.time(record.startNanos()) + " to " + Timeline.time(record.endNanos()))).append("</title>\n");
    out.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\""
        + " markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(Palette.MIGRATION)
        .append("\"/></marker></defs>\n");
    axis();
    quorumLane();
    hostLanes();
    eventsLane();
    migrations();
    legend(legendY);
    out.append("</svg>\n");
    return out.toString();
  }

  private double x(long nanos) {
    long span = Math.max(1, record.endNanos() - record.startNanos());
    return LEFT + (double) (nanos - record.startNanos()) * PLOT / span;
  }

  private static String n(double value) {
    String s = String.format(Locale.ROOT, "%.1f", value);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  private void axis() {
    long span = Math.max(1, record.endNanos() - record.startNanos());
    long step = STEPS[STEPS.length - 1];
    for (long s : STEPS) {
      if (span / s <= 10) {
        step = s;
        break;
      }
    }
    out.append("<g class=\"axis\">\n");
    long first = (record.startNanos() + step - 1) / step * step;
    for (long t = first; t <= record.endNanos(); t += step) {
      double x = x(t);
      out.append("<line x1=\"").append(n(x)).append("\" y1=\"16\" x2=\"").append(n(x)).append("\" y2=\"")
          .append(bottom).append("\" stroke=\"#e0e0e0\" stroke-width=\"1\"/>");
      out.append("<text x=\"").append(n(x)).append("\" y=\"12\" text-anchor=\"middle\" fill=\"#455a64\">")
          .append(Xml.escape(tick(t, step))).append("</text>\n");
    }
    out.append("</g>\n");
  }

  private static String tick(long nanos, long step) {
    String full = Timeline.time(nanos);
    String noMillis = full.substring(0, full.length() - 4);
    return step >= 60_000_000_000L ? noMillis.substring(0, noMillis.length() - 3) : noMillis;
  }

  private void label(int y, String text) {
    out.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y).append("\" text-anchor=\"end\""
        + " fill=\"#263238\" font-size=\"10\">").append(Xml.escape(text)).append("</text>\n");
  }

  private void quorumLane() {
    out.append("<g class=\"quorum-lane\">\n");
    label(QUORUM_Y + 10, "quorum");
    for (Lanes.Span s : lanes.quorum) {
      double x0 = x(s.start());
      double w = Math.max(0.5, x(s.end()) - x0);
      out.append("<rect class=\"quorum\" data-state=\"").append(s.state()).append("\" x=\"").append(n(x0))
          .append("\" y=\"").append(QUORUM_Y).append("\" width=\"").append(n(w)).append("\" height=\"").append(LANE)
          .append("\" fill=\"").append(Palette.quorum(s.state())).append("\"><title>")
          .append(Xml.escape(span(s) + "  " + Palette.quorumLabel(s.state()) + (s.detail().isEmpty() ? "" : ": "
              + s.detail()))).append("</title></rect>\n");
      String text = Palette.quorumLabel(s.state());
      if (w > text.length() * 5.5 + 6) {
        out.append("<text x=\"").append(n(x0 + 3)).append("\" y=\"").append(QUORUM_Y + 10)
            .append("\" fill=\"#ffffff\">").append(Xml.escape(text)).append("</text>\n");
      }
    }
    out.append("</g>\n");
  }

  private String span(Lanes.Span s) {
    return Timeline.time(s.start()) + " – " + Timeline.time(s.end());
  }

  private void eventsLane() {
    out.append("<g class=\"events-lane\">\n");
    label(EVENTS_Y + 10, "events");
    out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(EVENTS_Y + LANE / 2).append("\" x2=\"")
        .append(LEFT + PLOT).append("\" y2=\"").append(EVENTS_Y + LANE / 2)
        .append("\" stroke=\"#b0bec5\" stroke-width=\"1\"/>\n");
    for (ClusterEvent e : record.events()) {
      String kind = markerKind(e);
      if (kind == null) {
        continue;
      }
      double x = x(e.timeNanos());
      int top = EVENTS_Y + 2;
      out.append("<g class=\"marker ").append(kind).append("\" data-time-nanos=\"").append(e.timeNanos())
          .append("\"><title>").append(Xml.escape(Timeline.line(e).strip())).append("</title>");
      switch (kind) {
        case "fault" -> out.append("<path d=\"M").append(n(x - 5)).append(',').append(top).append(" L")
            .append(n(x + 5)).append(',').append(top).append(" L").append(n(x)).append(',').append(top + 10)
            .append(" z\" fill=\"").append(Palette.FAULT).append("\"/>");
        case "heal" -> out.append("<path d=\"M").append(n(x - 5)).append(',').append(top + 10).append(" L")
            .append(n(x + 5)).append(',').append(top + 10).append(" L").append(n(x)).append(',').append(top)
            .append(" z\" fill=\"").append(Palette.HEAL).append("\"/>");
        case "action" -> out.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(top + 5)
            .append("\" r=\"3.5\" fill=\"").append(Palette.ACTION).append("\"/>");
        case "guest-failover" -> out.append("<path d=\"M").append(n(x)).append(',').append(top).append(" L")
            .append(n(x + 5)).append(',').append(top + 5).append(" L").append(n(x)).append(',').append(top + 10)
            .append(" L").append(n(x - 5)).append(',').append(top + 5).append(" z\" fill=\"").append(Palette.GUEST)
            .append("\"/>");
        default -> out.append("<rect x=\"").append(n(x - 2.5)).append("\" y=\"").append(top + 2.5)
            .append("\" width=\"5\" height=\"5\" fill=\"")
            .append(kind.equals("failover") ? Palette.FAILOVER : Palette.FAULT).append("\"/>");
      }
      out.append("</g>\n");
      if (kind.equals("fault")) {
        out.append("<line class=\"fault-guide\" x1=\"").append(n(x)).append("\" y1=\"").append(HOSTS_Y)
            .append("\" x2=\"").append(n(x)).append("\" y2=\"").append(bottom).append("\" stroke=\"")
            .append(Palette.FAULT).append("\" stroke-width=\"1\" stroke-dasharray=\"3,3\" opacity=\"0.6\"/>\n");
      }
    }
    out.append("</g>\n");
  }

  private static String markerKind(ClusterEvent e) {
    if (e instanceof FaultApplied) {
      return "fault";
    } else if (e instanceof FaultHealed) {
      return "heal";
    } else if (e instanceof OperatorAction) {
      return "action";
    } else if (e instanceof FailoverStarted) {
      return "failover";
    } else if (e instanceof GuestClusterFailover) {
      return "guest-failover";
    } else if (e instanceof PlacementFailed) {
      return "placement-failed";
    }
    return null;
  }

  private void hostLanes() {
    int index = 0;
    for (HostId h : record.hosts()) {
      int top = laneTop.get(h);
      int height = laneHeight.get(h);
      out.append("<g class=\"host-lane\" data-host=\"").append(Xml.escape(h.name())).append("\" data-rows=\"")
          .append(lanes.rows.get(h)).append("\">\n");
      out.append("<rect x=\"0\" y=\"").append(top).append("\" width=\"").append(WIDTH).append("\" height=\"")
          .append(height).append("\" fill=\"").append(index++ % 2 == 0 ? "#fafafa" : "#f1f3f4").append("\"/>\n");
      label(top + BAND + 2, h.name());
      for (Lanes.Span s : lanes.nodes.get(h)) {
        double x0 = x(s.start());
        out.append("<rect class=\"node-state\" data-state=\"").append(s.state()).append("\" x=\"").append(n(x0))
            .append("\" y=\"").append(top + 2).append("\" width=\"").append(n(Math.max(0.5, x(s.end()) - x0)))
            .append("\" height=\"").append(BAND).append("\" fill=\"").append(Palette.NODE.get(NodeState.valueOf(s.state())))
            .append("\"><title>").append(Xml.escape(h.name() + " " + s.state() + "  " + span(s)
                + (s.detail().isEmpty() ? "" : ": " + s.detail()))).append("</title></rect>\n");
      }
      for (Lanes.Placed p : lanes.bars.get(h)) {
        bar(p, top + BAND + 4 + p.row() * (ROW + ROW_GAP));
      }
      out.append("</g>\n");
    }
  }

  private void bar(Lanes.Placed p, int y) {
    Lanes.VmBar b = p.bar();
    out.append("<g class=\"vm-bar\" data-vm=\"").append(Xml.escape(b.vm().name())).append("\" data-host=\"")
        .append(Xml.escape(b.host().name())).append("\" data-start-nanos=\"").append(b.start())
        .append("\" data-end-nanos=\"").append(b.end()).append("\"><title>").append(Xml.escape(b.vm().name()
            + " on " + b.host().name() + "  " + Timeline.time(b.start()) + " – " + Timeline.time(b.end())))
        .append("</title>");
    for (Lanes.Span s : b.segments()) {
      double x0 = x(s.start());
      out.append("<rect class=\"vm-state\" data-state=\"").append(s.state()).append("\" x=\"").append(n(x0))
          .append("\" y=\"").append(y).append("\" width=\"").append(n(Math.max(0.5, x(s.end()) - x0)))
          .append("\" height=\"").append(ROW).append("\" fill=\"").append(Palette.VM.get(VmState.valueOf(s.state())))
          .append("\"><title>").append(Xml.escape(b.vm().name() + " " + s.state() + "  " + span(s)
              + (s.detail().isEmpty() ? "" : ": " + s.detail()))).append("</title></rect>");
    }
    double x0 = x(b.start());
    double w = x(b.end()) - x0;
    if (w > b.vm().name().length() * 5.2 + 4) {
      out.append("<text x=\"").append(n(x0 + 2)).append("\" y=\"").append(y + 8).append("\" fill=\"#ffffff\""
          + " font-size=\"8\">").append(Xml.escape(b.vm().name())).append("</text>");
    }
    out.append("</g>\n");
  }

  private int middle(HostId h) {
    Integer top = laneTop.get(h);
    return top == null ? HOSTS_Y : top + laneHeight.get(h) / 2;
  }

  private void migrations() {
    out.append("<g class=\"migrations\">\n");
    for (ClusterEvent e : record.events()) {
      if (!(e instanceof MigrationFinished f)) {
        continue;
      }
      MigrationResult r = f.result();
      boolean completed = r.outcome() == MigrationOutcome.COMPLETED;
      out.append("<line class=\"migration\" data-vm=\"").append(Xml.escape(r.vm().name())).append("\" data-outcome=\"")
          .append(r.outcome()).append("\" x1=\"").append(n(x(Math.max(r.startNanos(), record.startNanos()))))
          .append("\" y1=\"").append(middle(r.source())).append("\" x2=\"").append(n(x(r.endNanos())))
          .append("\" y2=\"").append(middle(r.target())).append("\" stroke=\"")
          .append(completed ? Palette.MIGRATION : Palette.MIGRATION_FAILED).append("\" stroke-width=\"1.5\"")
          .append(completed ? " marker-end=\"url(#arrow)\"" : " stroke-dasharray=\"4,2\"").append("><title>")
          .append(Xml.escape(Timeline.line(e).strip())).append("</title></line>\n");
    }
    out.append("</g>\n");
  }

  private void legend(int y) {
    out.append("<g class=\"legend\">\n");
    int x = LEFT;
    label(y + 8, "VM states");
    for (VmState s : VmState.values()) {
      if (s != VmState.OFF) {
        x = swatch(x, y, Palette.VM.get(s), s.name());
      }
    }
    x = LEFT;
    int y2 = y + 16;
    label(y2 + 8, "nodes, quorum");
    for (NodeState s : NodeState.values()) {
      x = swatch(x, y2, Palette.NODE.get(s), s.name());
    }
    x = swatch(x, y2, Palette.QUORUM_LOST, "no quorum");
    x = swatch(x, y2, Palette.NOT_FORMED, "not formed");
    x = swatch(x, y2, Palette.FAULT, "▼ fault");
    x = swatch(x, y2, Palette.HEAL, "▲ healed");
    x = swatch(x, y2, Palette.ACTION, "● operator");
    x = swatch(x, y2, Palette.FAILOVER, "■ failover");
    x = swatch(x, y2, Palette.GUEST, "◆ guest failover");
    swatch(x, y2, Palette.MIGRATION, "→ migration");
    out.append("</g>\n");
  }

  private int swatch(int x, int y, String colour, String text) {
    out.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"10\" height=\"10\" fill=\"")
        .append(colour).append("\"/><text x=\"").append(x + 13).append("\" y=\"").append(y + 8).append("\">")
        .append(Xml.escape(text)).append("</text>\n");
    return x + 13 + (int) Math.ceil(text.length() * 5.2) + 12;
  }
}
