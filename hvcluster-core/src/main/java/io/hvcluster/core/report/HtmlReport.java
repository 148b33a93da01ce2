package io.hvcluster.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Renders a run as one self-contained HTML page: a summary (availability, downtime, outages, mean time
 * to recover, failovers, migrations, faults), the {@link TimelineSvg} inline (and, when it sums the VMs
 * of crowded nodes, every VM bar by bar one click away in a {@code <details>}), the numbered operator
 * actions and whether the cluster accepted them, every migration with its phases and downtime, any tables
 * the caller adds, the VMs that were down (longest first) with the cause of each outage, and the full
 * event log as {@link Timeline} lines.
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
  /** The ids of the page's own sections. */
  static final List<String> RESERVED = List.of("summary", "timeline", "actions", "migrations", "downtime-per-vm", "events");

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
    private final List<ReportAction> actions = new ArrayList<>();
    private boolean actionsGiven;

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
     * Adds an operator action to the page's Actions table and numbers it on the timeline, in the order
     * added. A page given no actions numbers the record's own {@code OperatorAction} events instead.
     *
     * @param action the action
     * @return this builder
     */
    public Builder action(ReportAction action) {
      actions.add(Objects.requireNonNull(action, "action"));
      actionsGiven = true;
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
      if (!id.matches("[A-Za-z][A-Za-z0-9-]*") || RESERVED.contains(id) || id.startsWith("action-")) {
        throw new IllegalArgumentException("table id '" + id + "' must be letters, digits and dashes, starting"
            + " with a letter, and not one of the page's own (" + String.join(", ", RESERVED) + ", action-N)");
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
      return new ReportPage(record, title, description, facts, tables,
          actionsGiven ? actions : TimelineSvg.actionsOf(record)).render();
    }
  }

  record Table(String id, String heading, List<String> columns, List<List<String>> rows) {}
}
