package io.hvcluster.core.report;

import io.hvcluster.api.Availability;
import io.hvcluster.api.Outage;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.event.FaultApplied;
import io.hvcluster.api.event.GuestClusterFailover;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.migration.MigrationOutcome;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One rendering of an {@link HtmlReport} page. */
final class ReportPage {
  private static final String STYLE = String.join("\n",
      "body{font-family:sans-serif;margin:1.5em auto;max-width:1400px;padding:0 1em;color:#1a1a1a;line-height:1.4}",
      "h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #cfd8dc}",
      "table{border-collapse:collapse;font-size:.9em}th,td{text-align:left;padding:.2em .7em;vertical-align:top;"
          + "border-bottom:1px solid #eceff1}",
      "table.facts th{font-weight:normal;color:#455a64}td.num{text-align:right;font-variant-numeric:tabular-nums;"
          + "white-space:nowrap}",
      "ul.outages{margin:0;padding-left:1.1em}",
      "pre.events{font-size:.8em;background:#f5f7f8;padding:.8em;overflow-x:auto}pre.events .detail{color:#607d8b}",
      "div.timeline{overflow-x:auto}div.timeline svg{display:block;min-width:1100px}p.note{color:#455a64;font-size:.9em}",
      "tr.action:target{background:#fff3c4}tr.refused td.result{color:#b23a00;font-weight:bold}",
      "span.no{display:inline-block;min-width:1.6em;padding:0 .3em;border-radius:.8em;background:#0072b2;color:#fff;"
          + "text-align:center;font-weight:bold}tr.refused span.no{background:#fff;color:#b23a00;border:2px dashed #b23a00}",
      "tr.migration td{white-space:nowrap}tr.migration td.phases{white-space:normal}details{margin-top:.8em}summary{cursor:pointer;color:#0072b2}svg.phases{vertical-align:middle}",
      "span.swatch{display:inline-block;width:.9em;height:.9em;vertical-align:middle;margin-left:.5em}");
  /** The fills of migration phases, given to phase names in the order they first appear in the run. */
  private static final String[] PHASE_FILLS = {"#56b4e9", "#e69f00", "#009e73", "#f0e442", "#cc79a7", "#0072b2",
      "#d55e00", "#999999"};

  private final RunRecord r;
  private final String title;
  private final List<String> description;
  private final List<String[]> facts;
  private final List<HtmlReport.Table> tables;
  private final List<ReportAction> actions;
  private final StringBuilder out = new StringBuilder(256 * 1024);

  ReportPage(RunRecord r, String title, List<String> description, List<String[]> facts, List<HtmlReport.Table> tables,
      List<ReportAction> actions) {
    this.r = r;
    this.title = title;
    this.description = List.copyOf(description);
    this.facts = List.copyOf(facts);
    this.tables = List.copyOf(tables);
    this.actions = List.copyOf(actions);
  }

  String render() {
    out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n<title>").append(Xml.escape(title)).append("</title>\n<style>\n")
        .append(STYLE).append("\n</style>\n</head>\n<body>\n<h1>").append(Xml.escape(title)).append("</h1>\n");
    for (String p : description) {
      out.append("<p class=\"description\">").append(Xml.escape(p)).append("</p>\n");
    }
    summary();
    timeline();
    actions();
    migrations();
    tables.forEach(this::table);
    downtime();
    events();
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private void timeline() {
    out.append("<section id=\"timeline\">\n<h2>Timeline</h2>\n<p class=\"note\">The quorum lane names the"
        + " partition holding quorum; hatched stripes mean no quorum (in the quorum lane, or on a node kept out"
        + " of the cluster because its partition has none). One lane per node: the thin band is the node's"
        + " cluster state (charcoal: DOWN), the bars below it are the VMs it hosted, coloured by VM state"
        + " (cross-hatched: FAILED). Arrows are migrations; ▼ marks a fault (with a dashed guide through the"
        + " nodes), ▲ its heal, a numbered pill an operator action (hollow and dashed when refused; click it for"
        + " its row), ■ a group failover, ◆ a guest-cluster failover (hollow when no guest node was left to take"
        + " the application over); ×N counts markers at one instant. Hover for details.</p>\n<div class=\"timeline\">\n").append(TimelineSvg.element(r, actions, false))
        .append("</div>\n");
    if (TimelineSvg.sumsAnyLane(r)) {
      // The same drawing bar by bar; its ids are prefixed so the page keeps unique ids.
      String detail = TimelineSvg.element(r, actions, true).replace("id=\"", "id=\"detail-")
          .replace("url(#", "url(#detail-");
      out.append("<details class=\"every-vm\"><summary>A node needs more than ").append(TimelineSvg.MAX_ROWS)
          .append(" rows of VM bars, so each node's VMs are summed above (the count of VMs and the least healthy state among them);"
              + " show every VM bar by bar</summary>\n<div class=\"timeline\">\n").append(detail)
          .append("</div>\n</details>\n");
    }
    out.append("</section>\n");
  }

  private void actions() {
    if (actions.isEmpty()) {
      return;
    }
    out.append("<section id=\"actions\">\n<h2>Actions</h2>\n<table>\n<tr><th>#</th><th>time</th><th>action</th>"
        + "<th>note</th><th>result</th></tr>\n");
    for (int i = 0; i < actions.size(); i++) {
      ReportAction a = actions.get(i);
      out.append("<tr id=\"action-").append(i + 1).append("\" class=\"action ")
          .append(a.accepted() ? "accepted" : "refused").append("\" data-time-nanos=\"").append(a.atNanos())
          .append("\"><td><span class=\"no\">").append(i + 1).append("</span></td><td>")
          .append(Timeline.time(a.atNanos())).append("</td><td>").append(Xml.escape(a.action())).append("</td><td>")
          .append(Xml.escape(a.note())).append("</td><td class=\"result\">")
          .append(Xml.escape((a.accepted() ? "accepted: " : "REFUSED: ") + a.result())).append("</td></tr>\n");
    }
    out.append("</table>\n</section>\n");
  }

  private void migrations() {
    List<MigrationFinished> all = r.events().stream().filter(e -> e instanceof MigrationFinished)
        .map(e -> (MigrationFinished) e)
        .sorted(Comparator.comparingLong((MigrationFinished m) -> m.result().startNanos())
            .thenComparing(m -> m.result().vm()))
        .toList();
    if (all.isEmpty()) {
      return;
    }
    long longest = all.stream().mapToLong(m -> m.result().totalNanos()).max().orElse(1);
    // One colour per phase name across the table, so that a colour means the same phase in every row.
    Map<String, String> fills = new LinkedHashMap<>();
    all.forEach(m -> m.result().phases().stream().filter(p -> p.durationNanos() > 0).forEach(p ->
        fills.computeIfAbsent(p.name(), k -> PHASE_FILLS[fills.size() % PHASE_FILLS.length])));
    out.append("<section id=\"migrations\">\n<h2>Migrations</h2>\n<p class=\"note\">Every migration, by start, with"
        + " the time its VM was not serving; the strips share one scale (the longest migration fills its strip), so"
        + " they compare at a glance (hover for each phase).</p>\n<p class=\"note phase-key\">phases:");
    fills.forEach((name, fill) -> out.append(" <span class=\"swatch\" data-phase=\"").append(Xml.escape(name))
        .append("\" style=\"background:").append(fill).append("\"></span> ").append(Xml.escape(name)));
    out.append("</p>\n<table>\n<tr><th>start</th><th>VM</th>"
        + "<th>kind</th><th>from → to</th><th>total</th><th>downtime</th><th>outcome</th><th>phases</th></tr>\n");
    for (MigrationFinished m : all) {
      var res = m.result();
      out.append("<tr class=\"migration\" data-vm=\"").append(Xml.escape(res.vm().name())).append("\" data-start-nanos=\"")
          .append(res.startNanos()).append("\" data-total-nanos=\"").append(res.totalNanos())
          .append("\" data-downtime-nanos=\"").append(res.downtimeNanos()).append("\" data-outcome=\"")
          .append(res.outcome()).append("\"><td>").append(Timeline.time(res.startNanos())).append("</td><td>")
          .append(Xml.escape(res.vm().name())).append("</td><td>").append(Xml.escape(res.strategy()))
          .append(res.fellBackToQuick() ? " (fell back to quick)" : "").append("</td><td>")
          .append(Xml.escape(res.source() + " → " + res.target())).append("</td><td class=\"num\">")
          .append(Timeline.duration(res.totalNanos())).append("</td><td class=\"num\">")
          .append(Timeline.duration(res.downtimeNanos())).append("</td><td>")
          .append(res.outcome() == MigrationOutcome.COMPLETED ? "completed" : Xml.escape(res.outcome() + ": "
              + res.reason())).append("</td><td class=\"phases\">");
      phases(res, longest, fills);
      out.append("</td></tr>\n");
    }
    out.append("</table>\n</section>\n");
  }

  /**
   * A strip of one rectangle per phase that took time, on a scale where the longest migration of the run is
   * 240 px wide, then those phases as text.
   */
  private void phases(io.hvcluster.api.migration.MigrationResult res, long longest, Map<String, String> fills) {
    double scale = 240.0 / Math.max(1, longest);
    double width = Math.max(1, res.totalNanos() * scale);
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"phases\" width=\"").append(Canvas.n(width))
        .append("\" height=\"12\" viewBox=\"0 0 ").append(Canvas.n(width)).append(" 12\">");
    StringBuilder text = new StringBuilder();
    for (var p : res.phases()) {
      if (p.durationNanos() == 0) {
        continue;
      }
      double x = (p.startNanos() - res.startNanos()) * scale;
      double w = Math.max(0.5, p.durationNanos() * scale);
      out.append("<rect x=\"").append(Canvas.n(x)).append("\" y=\"0\" width=\"").append(Canvas.n(w))
          .append("\" height=\"12\" fill=\"").append(fills.get(p.name())).append("\" data-phase=\"")
          .append(Xml.escape(p.name())).append("\"><title>")
          .append(Xml.escape(p.name() + " " + Timeline.duration(p.durationNanos()))).append("</title></rect>");
      text.append(text.length() == 0 ? "" : ", ").append(p.name()).append(' ').append(Timeline.duration(p.durationNanos()));
    }
    out.append("</svg> ").append(Xml.escape(text.toString()));
  }

  private void summary() {
    Availability a = r.availability();
    long failovers = r.events().stream().filter(e -> e instanceof FailoverStarted).count();
    long faults = r.events().stream().filter(e -> e instanceof FaultApplied).count();
    long guestFailovers = r.events().stream().filter(e -> e instanceof GuestClusterFailover g && g.from().isPresent())
        .count();
    long migrations = 0;
    long completed = 0;
    long queued = 0;
    for (ClusterEvent e : r.events()) {
      if (e instanceof MigrationFinished m) {
        migrations++;
        completed += m.result().outcome() == MigrationOutcome.COMPLETED ? 1 : 0;
        queued += m.result().queuedNanos();
      }
    }
    out.append("<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"facts\">\n");
    row("cluster", "cluster", r.cluster() + ": " + r.hosts().size() + " nodes, " + r.vms().size() + " VMs");
    row("virtual-time", "virtual time", Timeline.time(r.startNanos()) + " – " + Timeline.time(r.endNanos()) + " ("
        + Timeline.duration(r.endNanos() - r.startNanos()) + ")", "data-start-nanos", r.startNanos(),
        "data-end-nanos", r.endNanos());
    row("availability", "availability", percent(a.availability()), "data-value", a.availability());
    row("downtime", "VM downtime, all VMs", a.downNanos() == 0 ? "none" : Timeline.duration(a.downNanos()),
        "data-nanos", a.downNanos());
    row("outages", "outages", Integer.toString(a.outageCount()), "data-value", a.outageCount());
    row("mttr", "mean time to recover", a.meanTimeToRecoverNanos() == 0 ? "no outage has ended"
        : Timeline.duration(a.meanTimeToRecoverNanos()), "data-nanos", a.meanTimeToRecoverNanos());
    row("failovers", "group failovers", Long.toString(failovers), "data-value", failovers);
    row("guest-failovers", "guest-cluster failovers", Long.toString(guestFailovers), "data-value", guestFailovers);
    row("migrations", "migrations", migrations + " (" + completed + " completed" + (queued == 0 ? ""
        : "; " + Timeline.duration(queued) + " waiting in live-migration queues") + ")", "data-value", migrations,
        "data-completed", completed, "data-queued-nanos", queued);
    row("faults", "faults applied", Long.toString(faults), "data-value", faults);
    row("event-count", "events", Integer.toString(r.events().size()), "data-value", r.events().size());
    row("seed", "seed", Long.toString(r.seed()));
    row("trace-hash", "trace hash", r.traceHash());
    for (String[] f : facts) {
      out.append("<tr><th>").append(Xml.escape(f[0])).append("</th><td>").append(Xml.escape(f[1])).append("</td></tr>\n");
    }
    out.append("</table>\n</section>\n");
  }

  /** Writes a summary row; {@code attributes} are name, value pairs of exact numbers for tools. */
  private void row(String id, String label, String text, Object... attributes) {
    out.append("<tr id=\"").append(id).append('"');
    for (int i = 0; i < attributes.length; i += 2) {
      out.append(' ').append(attributes[i]).append("=\"").append(Xml.escape(String.valueOf(attributes[i + 1])))
          .append('"');
    }
    out.append("><th>").append(Xml.escape(label)).append("</th><td>").append(Xml.escape(text)).append("</td></tr>\n");
  }

  private void table(HtmlReport.Table t) {
    out.append("<section id=\"").append(t.id()).append("\">\n<h2>").append(Xml.escape(t.heading()))
        .append("</h2>\n<table>\n<tr>");
    t.columns().forEach(c -> out.append("<th>").append(Xml.escape(c)).append("</th>"));
    out.append("</tr>\n");
    for (List<String> row : t.rows()) {
      out.append("<tr>");
      row.forEach(c -> out.append("<td>").append(Xml.escape(c)).append("</td>"));
      out.append("</tr>\n");
    }
    out.append("</table>\n</section>\n");
  }

  /** The VMs that were down, longest downtime first (then by name); the others are counted in a line. */
  private void downtime() {
    List<Availability.VmAvailability> down = r.availability().vms().stream().filter(v -> v.downNanos() > 0)
        .sorted(Comparator.comparingLong(Availability.VmAvailability::downNanos).reversed()
            .thenComparing(v -> v.vm().name()))
        .toList();
    int never = r.availability().vms().size() - down.size();
    out.append("<section id=\"downtime-per-vm\">\n<h2>Downtime per VM</h2>\n<p class=\"note\">The VMs that were down,"
        + " longest first: time a VM should have been serving (from its first run after a start request, or from"
        + " the request itself when the start was held up, until an operator stopped it) and the part of it it"
        + " was not, with the cause of each outage. ").append(never == 0 ? "Every VM was down at some point."
            : never + (never == 1 ? " other VM was" : " other VMs were") + " never down.")
        .append("</p>\n");
    if (down.isEmpty()) {
      out.append("</section>\n");
      return;
    }
    out.append("<table>\n<tr><th>VM</th><th>availability</th><th>downtime</th><th>outages</th><th>when and why</th></tr>\n");
    for (Availability.VmAvailability v : down) {
      out.append("<tr class=\"vm\" data-vm=\"").append(Xml.escape(v.vm().name())).append("\" data-availability=\"")
          .append(v.availability()).append("\" data-expected-nanos=\"").append(v.expectedNanos())
          .append("\" data-down-nanos=\"").append(v.downNanos()).append("\" data-outages=\"")
          .append(v.outages().size()).append("\"><td>").append(Xml.escape(v.vm().name())).append("</td><td class=\"num\">")
          .append(v.expectedNanos() == 0 ? "–" : percent(v.availability())).append("</td><td class=\"num\">")
          .append(Xml.escape(Timeline.duration(v.downNanos()))).append("</td><td class=\"num\">")
          .append(v.outages().size()).append("</td><td><ul class=\"outages\">");
      for (Outage o : v.outages()) {
        out.append("<li>").append(Xml.escape(Timeline.time(o.startNanos()) + " – "
            + (o.isOver() ? Timeline.time(o.endNanos()) : "still down at " + Timeline.time(r.endNanos()))
            + " (" + Timeline.duration(o.durationNanos(r.availability().atNanos())) + "): " + o.cause()))
            .append("</li>");
      }
      out.append("</ul></td></tr>\n");
    }
    out.append("</table>\n</section>\n");
  }

  private void events() {
    out.append("<section id=\"events\">\n<h2>Event log</h2>\n<pre class=\"events\">");
    for (ClusterEvent e : r.events()) {
      out.append("<span class=\"").append(Timeline.isDetail(e) ? "ev detail" : "ev").append("\">")
          .append(Xml.escape(Timeline.line(e))).append("</span>\n");
    }
    out.append("</pre>\n</section>\n");
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.4f %%", fraction * 100);
  }
}
