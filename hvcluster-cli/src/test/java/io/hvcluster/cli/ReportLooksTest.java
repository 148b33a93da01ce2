package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Looks at every example's report the way a reader would, through the layout's own numbers: the label
 * and marker boxes the timeline computed ({@code data-box}), the font sizes, the numbered actions and
 * their rows. scripts/render-reports.sh renders the same reports in headless Chromium for the eye.
 */
final class ReportLooksTest {
  private static final double MIN_FONT = 11;

  private record Box(String what, double x, double y, double w, double h) {
    boolean overlaps(Box o) {
      return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }
  }

  @TempDir static Path reports;
  private static final Map<String, Document> RENDERED = new java.util.HashMap<>();

  /** Renders each example's report once for all the checks. */
  private static synchronized Document report(String example) throws Exception {
    Document done = RENDERED.get(example);
    if (done == null) {
      done = render(example, reports.resolve(example));
      RENDERED.put(example, done);
    }
    return done;
  }

  private static Document render(String example, Path dir) throws Exception {
    CliRunner r = CliRunner.run("simulate", "--scenario", CliRun.example(example).toString(), "--report",
        dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    ExampleScenariosTest.parse(Files.readString(dir.resolve("timeline.svg")));
    return ExampleScenariosTest.parse(Files.readString(dir.resolve("index.html")));
  }

  private static List<Element> within(Element root, String name, String cls) {
    List<Element> out = new ArrayList<>();
    var all = root.getElementsByTagNameNS("*", name);
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (cls == null || List.of(e.getAttribute("class").split(" ")).contains(cls)) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<Element> timelines(Document html) {
    return ExampleScenariosTest.elements(html, "svg", "timeline");
  }

  private static Box box(Element e) {
    String[] v = e.getAttribute("data-box").split(" ");
    return new Box(e.getTagName() + " " + e.getTextContent().lines().findFirst().orElse(""), Double.parseDouble(v[0]),
        Double.parseDouble(v[1]), Double.parseDouble(v[2]), Double.parseDouble(v[3]));
  }

  private static double fontSize(Element e) {
    for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
      if (el.hasAttribute("font-size")) {
        return Double.parseDouble(el.getAttribute("font-size"));
      }
    }
    throw new AssertionError("no font size for " + e.getTextContent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"retail-host-failure.json", "saas-120-vms.json", "planned-maintenance.json",
      "split-brain.json", "sql-guest-cluster.json"})
  void noLabelOrMarkerCoversAnotherAndNoTextIsUnder11Px(String example) throws Exception {
    Document html = report(example);
    assertThat(timelines(html)).isNotEmpty();
    for (Element svg : timelines(html)) {
      assertThat(svg.getAttribute("width")).isEqualTo("100%");
      assertThat(svg.getAttribute("viewBox")).matches("0 0 1100 \\d+");
      for (Element text : within(svg, "text", null)) {
        assertThat(fontSize(text)).as(text.getTextContent()).isGreaterThanOrEqualTo(MIN_FONT);
      }
      List<Box> boxes = new ArrayList<>();
      within(svg, "text", "label").forEach(t -> boxes.add(box(t)));
      within(svg, "g", "marker").forEach(m -> boxes.add(box(m)));
      assertThat(boxes).hasSizeGreaterThan(10);
      for (int i = 0; i < boxes.size(); i++) {
        for (int j = i + 1; j < boxes.size(); j++) {
          assertThat(boxes.get(i).overlaps(boxes.get(j))).as(boxes.get(i) + " overlaps " + boxes.get(j)).isFalse();
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"retail-host-failure.json", "saas-120-vms.json", "planned-maintenance.json",
      "split-brain.json", "sql-guest-cluster.json"})
  void everyActionIsNumberedLinkedToItsRowAndRefusedOnesLookDifferent(String example)
      throws Exception {
    Document html = report(example);
    List<Element> rows = ExampleScenariosTest.elements(html, "tr", "action");
    assertThat(rows).isNotEmpty();
    List<Element> markers = within(timelines(html).get(0), "g", "action");
    assertThat(markers).hasSameSizeAs(rows);
    for (int i = 0; i < rows.size(); i++) {
      Element row = rows.get(i);
      Element marker = markers.stream().filter(m -> m.getAttribute("data-number").equals(row.getAttribute("id")
          .substring("action-".length()))).findFirst().orElseThrow();
      assertThat(row.getAttribute("id")).isEqualTo("action-" + (i + 1));
      assertThat(((Element) marker.getParentNode()).getAttribute("href")).isEqualTo("#action-" + (i + 1));
      assertThat(marker.getTextContent()).contains(Integer.toString(i + 1));
      assertThat(marker.getAttribute("data-time-nanos")).isEqualTo(row.getAttribute("data-time-nanos"));
      boolean refused = row.getAttribute("class").contains("refused");
      assertThat(marker.getAttribute("class").contains("refused")).isEqualTo(refused);
      assertThat(within(marker, "rect", null).get(0).getAttribute("fill")).isEqualTo(refused ? "#ffffff" : "#0072b2");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"retail-host-failure.json", "saas-120-vms.json", "planned-maintenance.json",
      "split-brain.json", "sql-guest-cluster.json"})
  void everyFailoverGuestFailoverAndFaultIsCountedOnTheTimeline(String example) throws Exception {
    Document html = report(example);
    Element svg = timelines(html).get(0);
    int failovers = within(svg, "g", "failover").stream().mapToInt(m -> Integer.parseInt(m.getAttribute("data-count")))
        .sum();
    int faults = within(svg, "g", "fault").stream().mapToInt(m -> Integer.parseInt(m.getAttribute("data-count"))).sum();
    assertThat(failovers).isEqualTo(Integer.parseInt(ExampleScenariosTest.byId(html, "failovers").getAttribute("data-value")));
    assertThat(faults).isEqualTo(Integer.parseInt(ExampleScenariosTest.byId(html, "faults").getAttribute("data-value")));
    // A guest cluster's application starting on its first guest node is no failover: no ◆ for it (the
    // guest-cluster example once drew one at 0:01, and the retail one a ◆ with no guest failover at all).
    int guest = within(svg, "g", "guest-failover").stream().mapToInt(m -> Integer.parseInt(m.getAttribute("data-count")))
        .sum() + within(svg, "g", "guest-down").stream().mapToInt(m -> Integer.parseInt(m.getAttribute("data-count"))).sum();
    assertThat(guest).isEqualTo(Integer.parseInt(ExampleScenariosTest.byId(html, "guest-failovers").getAttribute("data-value")));
    for (Element m : within(svg, "g", "marker")) {
      if (Integer.parseInt(m.getAttribute("data-count")) > 1) {
        assertThat(m.getTextContent()).contains("×" + m.getAttribute("data-count"));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"retail-host-failure.json", "saas-120-vms.json", "planned-maintenance.json",
      "split-brain.json", "sql-guest-cluster.json"})
  void theDowntimeTableListsOnlyVmsThatWereDownLongestFirst(String example) throws Exception {
    Document html = report(example);
    List<Long> down = ExampleScenariosTest.elements(html, "tr", "vm").stream()
        .map(r -> Long.parseLong(r.getAttribute("data-down-nanos"))).toList();
    assertThat(down).allMatch(d -> d > 0).isSortedAccordingTo(Comparator.reverseOrder());
    String page = html.getDocumentElement().getTextContent();
    assertThat(page).doesNotContain("$.cluster");
    assertThat(ExampleScenariosTest.elements(html, "script", null)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theCrowdedSaasClusterSumsEachNodeAndKeepsEveryBarOneClickAway() throws Exception {
    Document html = report("saas-120-vms.json");
    Element summed = timelines(html).get(0);
    assertThat(within(summed, "g", "vm-bar")).isEmpty();
    assertThat(within(summed, "g", "vm-sum")).hasSize(12);
    assertThat(within(summed, "g", "vm-sum").stream().mapToInt(g -> Integer.parseInt(g.getAttribute("data-vms"))).sum())
        .isEqualTo(120 + 15);
    assertThat(Integer.parseInt(summed.getAttribute("viewBox").split(" ")[3])).isLessThan(700);
    List<Element> details = ExampleScenariosTest.elements(html, "details", "every-vm");
    assertThat(details).hasSize(1);
    Element everyBar = within(details.get(0), "svg", "timeline").get(0);
    assertThat(within(everyBar, "g", "vm-bar").stream().map(b -> b.getAttribute("data-vm")).distinct()).hasSize(120);
    Map<String, Long> ids = ExampleScenariosTest.elements(html, "*", null).stream().map(e -> e.getAttribute("id"))
        .filter(id -> !id.isEmpty()).collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    assertThat(ids).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
  }

  @org.junit.jupiter.api.Test
  void theGuestClusterShowsItsOneFailoverAndNotTheApplicationStarting() throws Exception {
    Element svg = timelines(report("sql-guest-cluster.json")).get(0);
    List<Element> guest = within(svg, "g", "guest-failover");
    assertThat(guest).hasSize(1);
    // The crash of sql1's host is at 0:15; the guest cluster moves SQL Server to sql2 fifteen seconds later.
    assertThat(Long.parseLong(guest.get(0).getAttribute("data-time-nanos"))).isBetween(900_000_000_000L, 960_000_000_000L);
    assertThat(guest.get(0).getTextContent()).contains("sql1").contains("sql2");
  }

  @org.junit.jupiter.api.Test
  void migrationStripsShareOneScaleAndAPhaseKeepsItsColourInEveryRow() throws Exception {
    Document html = report("planned-maintenance.json");
    List<Element> rows = ExampleScenariosTest.elements(html, "tr", "migration");
    assertThat(rows).hasSize(12);
    Map<String, String> fills = new java.util.HashMap<>();
    ExampleScenariosTest.elements(html, "span", "swatch").forEach(s -> fills.put(s.getAttribute("data-phase"),
        s.getAttribute("style").replace("background:", "")));
    assertThat(fills).containsKeys("save", "restore", "pre-copy");
    assertThat(fills.values()).doesNotHaveDuplicates();
    double longest = 0;
    for (Element row : rows) {
      Element strip = within(row, "svg", "phases").get(0);
      double width = Double.parseDouble(strip.getAttribute("width"));
      longest = Math.max(longest, width);
      assertThat(width).isLessThanOrEqualTo(240);
      for (Element phase : within(strip, "rect", null)) {
        assertThat(phase.getAttribute("fill")).as(phase.getTextContent()).isEqualTo(fills.get(phase.getAttribute("data-phase")));
      }
    }
    assertThat(longest).isEqualTo(240);
    // Strips are to one scale: the shortest and the longest migration counted in seconds keep their ratio.
    Map<Double, Double> widthBySeconds = new java.util.TreeMap<>();
    rows.forEach(r -> {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9.]+) s")
          .matcher(within(r, "td", "num").get(0).getTextContent());
      if (m.matches()) {
        widthBySeconds.put(Double.parseDouble(m.group(1)),
            Double.parseDouble(within(r, "svg", "phases").get(0).getAttribute("width")));
      }
    });
    assertThat(widthBySeconds).hasSizeGreaterThanOrEqualTo(2);
    double shortest = ((java.util.TreeMap<Double, Double>) widthBySeconds).firstKey();
    double longestSeconds = ((java.util.TreeMap<Double, Double>) widthBySeconds).lastKey();
    assertThat(shortest).isLessThan(longestSeconds / 2);
    assertThat(widthBySeconds.get(shortest) / widthBySeconds.get(longestSeconds))
        .isCloseTo(shortest / longestSeconds, org.assertj.core.data.Offset.offset(0.02));
  }

  @ParameterizedTest
  @ValueSource(strings = {"retail-host-failure.json", "saas-120-vms.json", "split-brain.json", "sql-guest-cluster.json"})
  void everyFaultsGuideIsDrawnOverTheNodeLanesNotHiddenUnderThem(String example) throws Exception {
    Element svg = timelines(report(example)).get(0);
    List<Element> guides = within(svg, "line", "fault-guide");
    assertThat(guides).hasSameSizeAs(within(svg, "g", "fault"));
    // Later in the document is on top: each guide comes after the last node lane's background.
    List<Element> lanes = within(svg, "g", "host-lane");
    Element lastLane = lanes.get(lanes.size() - 1);
    for (Element guide : guides) {
      assertThat(lastLane.compareDocumentPosition(guide) & Node.DOCUMENT_POSITION_FOLLOWING).as("guide after lanes")
          .isNotZero();
    }
  }

  @org.junit.jupiter.api.Test
  void nodesThatLostQuorumAreDrawnWithoutQuorumNotJoining() throws Exception {
    Document html = report("split-brain.json");
    Element svg = timelines(html).get(0);
    List<Element> bands = within(svg, "rect", "node-state");
    assertThat(bands.stream().filter(b -> b.getAttribute("data-state").equals("NO_QUORUM")).count()).isEqualTo(4);
    assertThat(bands).noneMatch(b -> b.getAttribute("data-state").equals("JOINING") && Double.parseDouble(b.getAttribute("width")) > 5);
    List<String> quorum = within(svg, "text", "quorum-label").stream().map(Element::getTextContent).toList();
    assertThat(quorum).anyMatch(t -> t.contains("node1–4 + witness")).anyMatch(t -> t.contains("node1 node2 + witness"))
        .anyMatch(t -> t.startsWith("NO QUORUM"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"retail-host-failure.json", "saas-120-vms.json", "planned-maintenance.json",
      "split-brain.json", "sql-guest-cluster.json"})
  void quorumSpansNameTheirHoldersOneWay(String example) throws Exception {
    Element svg = timelines(report(example)).get(0);
    List<String> held = within(svg, "text", "quorum-label").stream().map(Element::getTextContent)
        .filter(t -> !t.startsWith("NO QUORUM")).toList();
    assertThat(held).isNotEmpty().noneMatch(t -> t.startsWith("quorum:"))
        // Three or more numbered nodes in a row are a range, never a list (nodes 1, 3 and 4 stay names).
        .noneMatch(t -> t.contains("node1 node2 node3")).noneMatch(t -> t.contains("hv01 hv02 hv03"));
    if (example.startsWith("saas")) {
      assertThat(held).anyMatch(t -> t.contains("hv01–08,10–12 + witness"));
    }
  }
}
