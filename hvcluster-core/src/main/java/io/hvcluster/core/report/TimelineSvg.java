package io.hvcluster.core.report;

import io.hvcluster.api.HostId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.event.OperatorAction;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Draws a run as an SVG timeline: a lane for the cluster's quorum (naming the partition that holds it),
 * a lane of markers (faults, heals, numbered operator actions, group and guest-cluster failovers), and
 * one lane per node showing the node's state over time and, below it, a bar for each stay of a VM on that
 * node, coloured by the VM's state. When a node would need more than {@value #MAX_ROWS} rows of bars,
 * every node is drawn as one strip summing its VMs instead (the page shows the bar-by-bar version in a
 * {@code <details>}).
 * Migrations are arrows from the source's lane at their start to the target's lane at their end; faults
 * also draw a dashed guide through every node lane. Every shape carries a {@code <title>} (a tooltip in
 * browsers) and {@code class}/{@code data-*} attributes naming what it shows.
 *
 * <p>The drawing scales to its container ({@code width="100%"} and a view box); at 1× a user unit is a
 * pixel and no text is under 11 px. Markers at one instant stack in rows, and labels are only drawn where
 * their box clears every other label and marker: nothing hides anything else. The output is well-formed
 * XML with no external references (no scripts, fonts or images), and depends only on its input: the same
 * run draws the same bytes. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class TimelineSvg {
  static final String NAMESPACE = "http://www.w3.org/2000/svg";
  /** The most rows of VM bars a node lane draws before it sums its VMs into one strip. */
  public static final int MAX_ROWS = 8;
  static final int LEFT = 130;
  static final int PLOT = 950;
  static final int RIGHT = 20;
  static final int WIDTH = LEFT + PLOT + RIGHT;
  private static final int QUORUM_Y = 22;
  private static final int LANE = 18;
  private static final int EVENTS_Y = QUORUM_Y + LANE + 6;
  private static final int BAND = 10;
  private static final int ROW = 15;
  private static final int ROW_GAP = 2;
  private static final int LANE_PAD = 6;
  private static final double FONT = 12;
  private static final double SMALL = Canvas.MIN_FONT;
  private static final long[] STEPS = {1_000_000_000L, 2_000_000_000L, 5_000_000_000L, 10_000_000_000L,
      15_000_000_000L, 30_000_000_000L, 60_000_000_000L, 120_000_000_000L, 300_000_000_000L, 600_000_000_000L,
      900_000_000_000L, 1_800_000_000_000L, 3_600_000_000_000L, 7_200_000_000_000L, 21_600_000_000_000L,
      43_200_000_000_000L, 86_400_000_000_000L};

  private final RunRecord record;
  private final Lanes lanes;
  private final boolean links;
  private final boolean everyBar;
  private final StringBuilder out = new StringBuilder(64 * 1024);
  private final Canvas canvas = new Canvas(out);
  private final Markers markers;
  private final Map<HostId, Integer> laneTop = new LinkedHashMap<>();
  private final Map<HostId, Integer> laneHeight = new LinkedHashMap<>();
  private final int hostsY;
  private final int bottom;

  private TimelineSvg(RunRecord record, List<ReportAction> actions, boolean links, boolean everyBar) {
    this.record = record;
    this.lanes = Lanes.of(record);
    this.links = links;
    this.everyBar = everyBar;
    this.markers = Markers.of(record.events(), actions, this::x, EVENTS_Y);
    this.hostsY = (int) Math.ceil(EVENTS_Y + markers.height() + 8);
    int y = hostsY;
    for (HostId h : record.hosts()) {
      int height = BAND + 6 + rows(h) * (ROW + ROW_GAP) + LANE_PAD;
      laneTop.put(h, y);
      laneHeight.put(h, height);
      y += height;
    }
    this.bottom = y;
  }

  /**
   * Returns the timeline as a standalone SVG document, with an XML declaration; operator actions are
   * the record's {@link OperatorAction} events.
   *
   * @param record the run
   * @return the document
   */
  public static String render(RunRecord record) {
    return render(record, actionsOf(record));
  }

  /**
   * Returns the timeline as a standalone SVG document with the given operator actions numbered.
   *
   * @param record the run
   * @param actions the run's operator actions, numbered from 1 in this order
   * @return the document
   */
  public static String render(RunRecord record, List<ReportAction> actions) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + new TimelineSvg(record, actions, false, false).draw();
  }

  /**
   * Returns the timeline as an {@code <svg>} element, for embedding in an HTML page.
   *
   * @param record the run
   * @return the element and its content
   */
  public static String element(RunRecord record) {
    return element(record, actionsOf(record), false);
  }

  /** The element for a page: actions link to {@code #action-N}; {@code everyBar} never sums a lane. */
  static String element(RunRecord record, List<ReportAction> actions, boolean everyBar) {
    return new TimelineSvg(record, actions, true, everyBar).draw();
  }

  /** Returns whether some node lane of the record is drawn as a sum of its VMs. */
  static boolean sumsAnyLane(RunRecord record) {
    return sums(Lanes.of(record));
  }

  /** The record's own operator actions, for a report given none. */
  static List<ReportAction> actionsOf(RunRecord record) {
    return record.events().stream().filter(e -> e instanceof OperatorAction).map(e -> (OperatorAction) e)
        .map(a -> new ReportAction(a.timeNanos(), a.action() + " " + a.target(), "", true, "done")).toList();
  }

  /** Every lane is summed when one is crowded, so that all nodes read the same way. */
  private boolean summed(HostId h) {
    return !everyBar && sums(lanes);
  }

  private static boolean sums(Lanes lanes) {
    return lanes.rows.values().stream().anyMatch(r -> r > MAX_ROWS);
  }

  private int rows(HostId h) {
    return summed(h) ? 1 : lanes.rows.get(h);
  }

  private String draw() {
    int legendY = bottom + 20;
    Legend legend = new Legend(canvas, LEFT, WIDTH - RIGHT);
    int height = legendY + legend.height() + 8;
    out.append("<svg xmlns=\"").append(NAMESPACE).append("\" class=\"timeline\" width=\"100%\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(height).append("\" preserveAspectRatio=\"xMinYMin meet\"")
        .append(" font-family=\"sans-serif\" font-size=\"").append(Canvas.n(FONT)).append("\" role=\"img\">\n");
    out.append("<title>").append(Xml.escape("Timeline of cluster " + record.cluster() + " from "
        + Timeline.time(record.startNanos()) + " to " + Timeline.time(record.endNanos()))).append("</title>\n");
    out.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\""
        + " markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(Palette.MIGRATION)
        .append("\"/></marker>").append(Palette.DEFS).append("</defs>\n");
    axis();
    quorumLane();
    eventsLane();
    hostLanes();
    faultGuides();
    migrations();
    legend.draw(legendY);
    out.append("</svg>\n");
    return out.toString();
  }

  private double x(long nanos) {
    long span = Math.max(1, record.endNanos() - record.startNanos());
    return LEFT + (double) (nanos - record.startNanos()) * PLOT / span;
  }

  private static String n(double value) {
    return Canvas.n(value);
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
      out.append("<line x1=\"").append(n(x)).append("\" y1=\"17\" x2=\"").append(n(x)).append("\" y2=\"")
          .append(bottom).append("\" stroke=\"#e0e0e0\" stroke-width=\"1\"/>");
      String text = tick(t, step);
      String anchor = x + Canvas.width(text, SMALL) / 2 > WIDTH ? "end" : "middle";
      canvas.text(x, 13, SMALL, anchor, Palette.MUTED, "tick", false, text);
      out.append('\n');
    }
    out.append("</g>\n");
  }

  private static String tick(long nanos, long step) {
    String full = Timeline.time(nanos);
    String noMillis = full.substring(0, full.length() - 4);
    return step >= 60_000_000_000L ? noMillis.substring(0, noMillis.length() - 3) : noMillis;
  }

  /** Writes a lane's name right-aligned in the left column, shortened with an ellipsis if it is too long. */
  private void laneLabel(double baseline, String text) {
    String shown = text;
    while (shown.length() > 1 && Canvas.width(shown, FONT) > LEFT - 16) {
      shown = shown.substring(0, shown.length() - 2) + "…";
    }
    // Markers at the very start reach left of the plot by half a pill: keep names clear of them.
    canvas.text(LEFT - 12, baseline, FONT, "end", Palette.TEXT, "lane-name", false, shown);
  }

  private void quorumLane() {
    out.append("<g class=\"quorum-lane\">\n");
    laneLabel(QUORUM_Y + 13, "quorum");
    for (Lanes.Span s : lanes.quorum) {
      double x0 = x(s.start());
      double w = Math.max(0.5, x(s.end()) - x0);
      out.append("<rect class=\"quorum\" data-state=\"").append(s.state()).append("\" x=\"").append(n(x0))
          .append("\" y=\"").append(QUORUM_Y).append("\" width=\"").append(n(w)).append("\" height=\"").append(LANE)
          .append("\" fill=\"").append(Palette.quorum(s.state())).append("\"><title>")
          .append(Xml.escape(span(s) + "  " + s.label() + (s.detail().isEmpty() ? "" : ": " + s.detail())))
          .append("</title></rect>\n");
      fitted(x0, w, QUORUM_Y + 13, "quorum-label", QuorumLabels.choices(s).toArray(String[]::new));
    }
    out.append("</g>\n");
  }

  /** Writes the first of the texts that fits in a span and clears other labels, if any does. */
  private void fitted(double x0, double w, double baseline, String cls, String... texts) {
    for (String text : texts) {
      Canvas.Box b = Canvas.box(x0 + 4, baseline, SMALL, "start", text);
      if (b.w() + 8 <= w && !canvas.collides(b)) {
        canvas.text(x0 + 4, baseline, SMALL, "start", Palette.TEXT, cls, true, text);
        out.append('\n');
        return;
      }
    }
  }

  private String span(Lanes.Span s) {
    return Timeline.time(s.start()) + " – " + Timeline.time(s.end());
  }

  private void eventsLane() {
    out.append("<g class=\"events-lane\">\n");
    laneLabel(EVENTS_Y + 15, "events");
    for (int r = 0; r < markers.rows; r++) {
      double y = EVENTS_Y + r * Markers.ROW_HEIGHT + Markers.ROW_HEIGHT / 2;
      out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(n(y)).append("\" x2=\"").append(LEFT + PLOT)
          .append("\" y2=\"").append(n(y)).append("\" stroke=\"#cfd8dc\" stroke-width=\"1\"/>\n");
    }
    for (Markers.Marker m : markers.placed) {
      canvas.reserve(m.box());
      double cy = m.box().y() + m.box().h() / 2;
      boolean link = links && m.kind().equals("action");
      if (link) {
        out.append("<a href=\"#action-").append(m.number()).append("\">");
      }
      out.append("<g class=\"marker ").append(m.kind()).append(m.refused() ? " refused" : "")
          .append("\" data-time-nanos=\"").append(m.timeNanos()).append("\" data-count=\"").append(m.count())
          .append(m.number() > 0 ? "\" data-number=\"" + m.number() : "").append("\" data-box=\"")
          .append(n(m.box().x())).append(' ').append(n(m.box().y())).append(' ').append(n(m.box().w())).append(' ')
          .append(n(m.box().h())).append("\"><title>").append(Xml.escape(m.title())).append("</title>");
      if (m.kind().equals("action")) {
        double r = m.box().w() / 2;
        out.append("<rect x=\"").append(n(m.box().x())).append("\" y=\"").append(n(cy - 8)).append("\" width=\"")
            .append(n(2 * r)).append("\" height=\"16\" rx=\"8\" fill=\"")
            .append(m.refused() ? "#ffffff" : Palette.ACTION).append("\" stroke=\"")
            .append(m.refused() ? Palette.REFUSED : Palette.ACTION).append('"')
            .append(m.refused() ? " stroke-width=\"2\" stroke-dasharray=\"3,2\"" : "").append("/>");
        out.append("<text x=\"").append(n(m.x())).append("\" y=\"").append(n(cy + 4)).append("\" font-size=\"")
            .append(n(SMALL)).append("\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"")
            .append(m.refused() ? Palette.REFUSED : "#ffffff").append("\">").append(m.number()).append("</text>");
      } else {
        Legend.glyph(out, m.kind(), m.x(), cy);
        if (m.count() > 1) {
          out.append("<text x=\"").append(n(m.x() + Markers.GLYPH / 2 + 2)).append("\" y=\"").append(n(cy + 4))
              .append("\" font-size=\"").append(n(SMALL)).append("\" fill=\"").append(Palette.TEXT).append("\">×")
              .append(m.count()).append("</text>");
        }
      }
      out.append("</g>").append(link ? "</a>" : "").append('\n');
    }
    out.append("</g>\n");
  }

  /** The dashed guides of the faults, drawn over the node lanes (under them, the lanes' fills hid them). */
  private void faultGuides() {
    for (Markers.Marker m : markers.placed) {
      if (m.kind().equals("fault")) {
        out.append("<line class=\"fault-guide\" x1=\"").append(n(m.x())).append("\" y1=\"").append(hostsY)
            .append("\" x2=\"").append(n(m.x())).append("\" y2=\"").append(bottom).append("\" stroke=\"")
            .append(Palette.FAULT).append("\" stroke-width=\"1\" stroke-dasharray=\"3,3\" opacity=\"0.7\"/>\n");
      }
    }
  }

  private void hostLanes() {
    int index = 0;
    for (HostId h : record.hosts()) {
      int top = laneTop.get(h);
      int height = laneHeight.get(h);
      out.append("<g class=\"host-lane").append(summed(h) ? " summed" : "").append("\" data-host=\"")
          .append(Xml.escape(h.name())).append("\" data-rows=\"").append(lanes.rows.get(h)).append("\">\n");
      out.append("<rect x=\"0\" y=\"").append(top).append("\" width=\"").append(WIDTH).append("\" height=\"")
          .append(height).append("\" fill=\"").append(index++ % 2 == 0 ? "#fafafa" : "#f1f3f4").append("\"/>\n");
      laneLabel(top + BAND + 3, h.name());
      for (Lanes.Span s : lanes.nodes.get(h)) {
        double x0 = x(s.start());
        String shown = s.state().equals(Lanes.NO_QUORUM) ? "no quorum (" + "cluster service retrying)" : s.state();
        out.append("<rect class=\"node-state\" data-state=\"").append(s.state()).append("\" x=\"").append(n(x0))
            .append("\" y=\"").append(top + 3).append("\" width=\"").append(n(Math.max(0.5, x(s.end()) - x0)))
            .append("\" height=\"").append(BAND).append("\" fill=\"").append(Palette.node(s.state()))
            .append("\"><title>").append(Xml.escape(h.name() + " " + shown + "  " + span(s)
                + (s.detail().isEmpty() ? "" : ": " + s.detail()))).append("</title></rect>\n");
      }
      int rowsTop = top + BAND + 6;
      if (summed(h)) {
        sum(h, rowsTop);
      } else {
        for (Lanes.Placed p : lanes.bars.get(h)) {
          bar(p, rowsTop + p.row() * (ROW + ROW_GAP));
        }
      }
      out.append("</g>\n");
    }
  }

  private void sum(HostId h, int y) {
    out.append("<g class=\"vm-sum\" data-host=\"").append(Xml.escape(h.name())).append("\" data-vms=\"")
        .append(lanes.bars.get(h).stream().map(p -> p.bar().vm()).distinct().count()).append("\">");
    for (Lanes.Span s : lanes.aggregate.get(h)) {
      double x0 = x(s.start());
      double w = Math.max(0.5, x(s.end()) - x0);
      out.append("<rect class=\"vm-sum-state\" data-state=\"").append(s.state()).append("\" x=\"").append(n(x0))
          .append("\" y=\"").append(y).append("\" width=\"").append(n(w)).append("\" height=\"").append(ROW)
          .append("\" fill=\"").append(Palette.VM.get(VmState.valueOf(s.state()))).append("\"><title>")
          .append(Xml.escape(h.name() + ": " + s.label() + "  " + span(s) + ": " + s.detail())).append("</title></rect>");
    }
    for (Lanes.Span s : lanes.aggregate.get(h)) {
      double x0 = x(s.start());
      fitted(x0, x(s.end()) - x0, y + 11.5, "vm-label", s.label());
    }
    out.append("</g>\n");
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
    fitted(x0, x(b.end()) - x0, y + 11.5, "vm-label", b.vm().name());
    out.append("</g>\n");
  }

  private int middle(HostId h) {
    Integer top = laneTop.get(h);
    return top == null ? hostsY : top + laneHeight.get(h) / 2;
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
}
