package io.hvcluster.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.Availability;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

final class HtmlReportTest {
  private static final ReportFixture RUN = ReportFixture.run(11);

  private static Document page(HtmlReport.Builder builder) throws Exception {
    return ReportFixture.parse(builder.html());
  }

  @Test
  void thePageIsWellFormedXhtmlWithTheTimelineInline() throws Exception {
    Document doc = page(HtmlReport.builder(RUN.record));
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("html");
    assertThat(ReportFixture.byClass(doc, "svg", "timeline")).hasSize(1);
    assertThat(ReportFixture.byClass(doc, "svg", "timeline").get(0).getNamespaceURI()).isEqualTo(TimelineSvg.NAMESPACE);
    assertThat(ReportFixture.byClass(doc, "g", "host-lane")).hasSize(4);
  }

  @Test
  void theSummaryNumbersAreTheRunsAvailability() throws Exception {
    Document doc = page(HtmlReport.builder(RUN.record));
    Availability a = RUN.record.availability();
    assertThat(a.outageCount()).isPositive();
    assertThat(Double.parseDouble(ReportFixture.byId(doc, "availability").getAttribute("data-value")))
        .isEqualTo(a.availability());
    assertThat(ReportFixture.byId(doc, "availability").getTextContent())
        .contains(String.format(java.util.Locale.ROOT, "%.4f %%", a.availability() * 100));
    assertThat(Long.parseLong(ReportFixture.byId(doc, "downtime").getAttribute("data-nanos"))).isEqualTo(a.downNanos());
    assertThat(Integer.parseInt(ReportFixture.byId(doc, "outages").getAttribute("data-value"))).isEqualTo(a.outageCount());
    assertThat(Long.parseLong(ReportFixture.byId(doc, "mttr").getAttribute("data-nanos")))
        .isEqualTo(a.meanTimeToRecoverNanos());
    assertThat(ReportFixture.byId(doc, "mttr").getTextContent()).contains(Timeline.duration(a.meanTimeToRecoverNanos()));
  }

  @Test
  void everyVmThatWasDownHasARowLongestFirstWithTheCauseOfEachOutage() throws Exception {
    Document doc = page(HtmlReport.builder(RUN.record));
    List<Element> rows = ReportFixture.byClass(doc, "tr", "vm");
    List<Availability.VmAvailability> down = RUN.record.availability().vms().stream().filter(v -> v.downNanos() > 0)
        .toList();
    assertThat(down).isNotEmpty().hasSizeLessThan(RUN.record.vms().size());
    assertThat(rows).hasSameSizeAs(down);
    assertThat(rows.stream().map(r -> Long.parseLong(r.getAttribute("data-down-nanos"))).toList())
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    for (Availability.VmAvailability v : down) {
      Element row = rows.stream().filter(r -> r.getAttribute("data-vm").equals(v.vm().name())).findFirst().orElseThrow();
      assertThat(Long.parseLong(row.getAttribute("data-down-nanos"))).isEqualTo(v.downNanos());
      assertThat(Integer.parseInt(row.getAttribute("data-outages"))).isEqualTo(v.outages().size());
      assertThat(row.getElementsByTagNameNS("*", "li").getLength()).isEqualTo(v.outages().size());
      v.outages().forEach(o -> assertThat(row.getTextContent()).contains(o.cause()));
    }
    Element crashed = rows.stream().filter(r -> r.getAttribute("data-vm").equals(RUN.crashedVm)).findFirst().orElseThrow();
    assertThat(crashed.getTextContent()).contains("crashed");
    int never = RUN.record.vms().size() - down.size();
    assertThat(ReportFixture.byId(doc, "downtime-per-vm").getTextContent()).contains(never + " other VM");
  }

  @Test
  void theEventLogHasOneLinePerEvent() throws Exception {
    Document doc = page(HtmlReport.builder(RUN.record));
    List<Element> lines = ReportFixture.byClass(doc, "span", "ev");
    assertThat(lines).hasSize(RUN.record.events().size());
    assertThat(lines.get(0).getTextContent()).isEqualTo(Timeline.line(RUN.record.events().get(0)));
  }

  @Test
  void escapesEverythingTheCallerSupplies() throws Exception {
    String hostile = "<script>alert('x')</script> & \"quotes\" \u0001";
    Document doc = page(HtmlReport.builder(RUN.record).title(hostile).paragraph(hostile).fact(hostile, hostile)
        .table("extra", hostile, List.of(hostile), List.of(List.of(hostile))));
    assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
    assertThat(doc.getElementsByTagNameNS("*", "h1").item(0).getTextContent())
        .isEqualTo("<script>alert('x')</script> & \"quotes\" \uFFFD");
  }

  @Test
  void thePageNeedsNoNetworkAndRunsNoScript() {
    String html = HtmlReport.builder(RUN.record).html();
    String withoutNamespaces = html.replace("xmlns=\"http://www.w3.org/1999/xhtml\"", "")
        .replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assertThat(withoutNamespaces).doesNotContain("http:", "https:", "<script", "src=", "@import", "<link");
    // The only url() references are the page's own markers and patterns.
    assertThat(withoutNamespaces.replace("url(#arrow)", "").replace("url(#no-quorum)", "")
        .replace("url(#vm-failed)", "")).doesNotContain("url(");
  }

  @Test
  void theSameRunRendersTheSameBytes() {
    assertThat(HtmlReport.builder(ReportFixture.run(11).record).html()).isEqualTo(HtmlReport.builder(RUN.record).html());
  }

  @Test
  void refusesATableIdThePageUsesItself() {
    for (String id : List.of("actions", "timeline", "downtime-per-vm", "action-3")) {
      assertThatThrownBy(() -> HtmlReport.builder(RUN.record).table(id, "T", List.of("a"), List.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table id '" + id + "'");
    }
  }

  @Test
  void refusesATableWhoseRowsDoNotMatchItsColumns() {
    assertThatThrownBy(() -> HtmlReport.builder(RUN.record).table("t", "T", List.of("a", "b"), List.of(List.of("1"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 columns but a row has 1 cells");
  }

  @Test
  void durationsUnderAMillisecondKeepTheirSizeInsteadOfReadingZero() {
    // The live migration's switchover phase is 400 µs; the migrations table printed "switchover 0 ms".
    assertThat(Timeline.duration(400_000)).isEqualTo("400 µs");
    assertThat(Timeline.duration(250)).isEqualTo("250 ns");
    assertThat(Timeline.duration(0)).isEqualTo("0 ms");
    assertThat(Timeline.duration(39_000_000)).isEqualTo("39 ms");
  }
}
