package io.hvcluster.core.report;

import io.hvcluster.api.Availability;
import io.hvcluster.api.Outage;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.event.FaultApplied;
import io.hvcluster.api.event.GuestClusterFailover;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.migration.MigrationOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Renders a run as one self-contained HTML page: a summary (availability, downtime, outages, mean time
 * to recover, failovers, migrations, faults), the {@link TimelineSvg} inline, any tables the caller adds
 * (for example the actions of a scenario and whether the cluster accepted them), the downtime of every
 * VM with the cause of each outage, and the full event log as {@link Timeline} lines.
 *
 * <p>The page needs no network: inline CSS, no scripts, fonts or images. It is also well-formed XML
 * (XHTML5), so tools can read its numbers: the summary rows carry {@code id}s and {@code data-*}
 * attributes with exact values (nanoseconds, fractions), and each VM's row carries its own. All text is
 * escaped. The same record and builder settings always give the same bytes.
 *
 * <p>Builders are not thread-safe. Example:
 *
 * <pre>{@code
 * String html = HtmlReport.builder(recorder.finish())
 *     .title("Retail: a host fails during business hours")
 *     .fact("scenario", "examples/retail-host-failure.json")
 *     .html();
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class HtmlReport {
  private static final String STYLE = String.join("\n",
      "body{font-family:sans-serif;margin:1.5em auto;max-width:1120px;color:#263238;line-height:1.4}",
      "h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #cfd8dc}",
      "table{border-collapse:collapse;font-size:.9em}th,td{text-align:left;padding:.2em .7em;vertical-align:top;"
          + "border-bottom:1px solid #eceff1}",
      "table.facts th{font-weight:normal;color:#546e7a}td.num{text-align:right;font-variant-numeric:tabular-nums}",
      "ul.outages{margin:0;padding-left:1.1em}",
      "pre.events{font-size:.8em;background:#f5f7f8;padding:.8em;overflow-x:auto}pre.events .detail{color:#78909c}",
      "div.timeline{overflow-x:auto}p.note{color:#546e7a;font-size:.9em}");

  private HtmlReport() {}

  /**
   * Returns a builder for the report of a run.
   *
   * @param record the run
   * @return the builder
   */
  public static Builder builder(RunRecord record) {
    return new Builder(Objects.requireNonNull(record, "record"));
  }

  /**
   * Builds an {@link HtmlReport} page; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final RunRecord record;
    private String title;
    private final List<String> description = new ArrayList<>();
    private final List<String[]> facts = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();

    private Builder(RunRecord record) {
      this.record = record;
      this.title = "Cluster " + record.cluster();
    }

    /**
     * Sets the page's title and heading.
     *
     * @param text the title
     * @return this builder
     */
    public Builder title(String text) {
      this.title = Objects.requireNonNull(text, "title");
      return this;
    }

    /**
     * Adds a paragraph under the heading.
     *
     * @param text the paragraph
     * @return this builder
     */
    public Builder paragraph(String text) {
      description.add(Objects.requireNonNull(text, "paragraph"));
      return this;
    }

    /**
     * Adds a line to the summary, after the run's own numbers.
     *
     * @param label what it is
     * @param value its value
     * @return this builder
     */
    public Builder fact(String label, String value) {
      facts.add(new String[] {Objects.requireNonNull(label, "label"), Objects.requireNonNull(value, "value")});
      return this;
    }

    /**
     * Adds a table, shown after the timeline.
     *
     * @param id the section's id in the page, letters, digits and dashes
     * @param heading the section's heading
     * @param columns the column headings
     * @param rows the rows, each with one cell per column
     * @return this builder
     * @throws IllegalArgumentException when the id is not letters, digits and dashes or a row has the wrong
     *     number of cells
     */
    public Builder table(String id, String heading, List<String> columns, List<List<String>> rows) {
      if (!id.matches("[A-Za-z][A-Za-z0-9-]*")) {
        throw new IllegalArgumentException("table id '" + id + "' must be letters, digits and dashes, starting"
            + " with a letter");
      }
      for (List<String> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException("table '" + id + "' has " + columns.size() + " columns but a row has "
              + row.size() + " cells");
        }
      }
      tables.add(new Table(id, heading, List.copyOf(columns), rows.stream().map(List::copyOf).toList()));
      return this;
    }

    /**
     * Renders the page.
     *
     * @return the HTML text
     */
    public String html() {
      return new Page(this).render();
    }
  }

  private record Table(String id, String heading, List<String> columns, List<List<String>> rows) {}

  /** One rendering of a page. */
  private static final class Page {
    private final Builder b;
    private final RunRecord r;
    private final StringBuilder out = new StringBuilder(256 * 1024);

    Page(Builder b) {
      this.b = b;
      this.r = b.record;
    }

    String render() {
      out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
          .append("<meta charset=\"utf-8\"/>\n<title>").append(Xml.escape(b.title)).append("</title>\n<style>\n")
          .append(STYLE).append("\n</style>\n</head>\n<body>\n<h1>").append(Xml.escape(b.title)).append("</h1>\n");
      for (String p : b.description) {
        out.append("<p class=\"description\">").append(Xml.escape(p)).append("</p>\n");
      }
      summary();
      out.append("<section id=\"timeline\">\n<h2>Timeline</h2>\n<p class=\"note\">One lane per node: the thin"
          + " band is the node's cluster state, the bars below it are the VMs it hosted, coloured by VM state."
          + " Arrows are migrations, from source to target; ▼ marks a fault (with a dashed guide through the"
          + " nodes), ▲ its heal, ● an operator action, ■ a group failover. Hover for details.</p>\n"
          + "<div class=\"timeline\">\n").append(TimelineSvg.element(r)).append("</div>\n</section>\n");
      b.tables.forEach(this::table);
      downtime();
      events();
      out.append("</body>\n</html>\n");
      return out.toString();
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
      for (String[] f : b.facts) {
        out.append("<tr><th>").append(Xml.escape(f[0])).append("</th><td>").append(Xml.escape(f[1]))
            .append("</td></tr>\n");
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

    private void table(Table t) {
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

    private void downtime() {
      out.append("<section id=\"downtime\">\n<h2>Downtime per VM</h2>\n<p class=\"note\">Time a VM should have"
          + " been serving (from its first run after a start request, or from the request itself when the start was"
          + " held up, until an operator stopped it) and the part of it it was not, with the cause of each"
          + " outage.</p>\n<table>\n<tr><th>VM</th><th>availability</th>"
          + "<th>downtime</th><th>outages</th><th>when and why</th></tr>\n");
      for (Availability.VmAvailability v : r.availability().vms()) {
        out.append("<tr class=\"vm\" data-vm=\"").append(Xml.escape(v.vm().name())).append("\" data-availability=\"")
            .append(v.availability()).append("\" data-expected-nanos=\"").append(v.expectedNanos())
            .append("\" data-down-nanos=\"").append(v.downNanos()).append("\" data-outages=\"")
            .append(v.outages().size()).append("\"><td>").append(Xml.escape(v.vm().name())).append("</td><td class=\"num\">")
            .append(v.expectedNanos() == 0 ? "–" : percent(v.availability())).append("</td><td class=\"num\">")
            .append(v.downNanos() == 0 ? "none" : Xml.escape(Timeline.duration(v.downNanos())))
            .append("</td><td class=\"num\">").append(v.outages().size()).append("</td><td>");
        if (!v.outages().isEmpty()) {
          out.append("<ul class=\"outages\">");
          for (Outage o : v.outages()) {
            out.append("<li>").append(Xml.escape(Timeline.time(o.startNanos()) + " – "
                + (o.isOver() ? Timeline.time(o.endNanos()) : "still down at " + Timeline.time(r.endNanos()))
                + " (" + Timeline.duration(o.durationNanos(r.availability().atNanos())) + "): " + o.cause()))
                .append("</li>");
          }
          out.append("</ul>");
        }
        out.append("</td></tr>\n");
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
}
