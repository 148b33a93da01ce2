package io.hvcluster.cli;

import io.hvcluster.api.HostId;
import io.hvcluster.core.report.ClusterLog;
import io.hvcluster.core.report.HtmlReport;
import io.hvcluster.core.report.ReportAction;
import io.hvcluster.core.report.Timeline;
import io.hvcluster.core.report.TimelineSvg;
import io.hvcluster.testkit.fault.DurationText;
import io.hvcluster.json.ActionOutcome;
import io.hvcluster.json.Scenario;
import io.hvcluster.json.ScenarioResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a scenario run's report directory: {@code index.html} (self-contained, the timeline inline),
 * {@code timeline.svg} (the same timeline on its own) and {@code trace.jsonl} (every event as JSON Lines).
 */
final class ScenarioReport {
  static final String HTML = "index.html";
  static final String SVG = "timeline.svg";
  static final String TRACE = "trace.jsonl";

  private ScenarioReport() {}

  /** Refuses an output directory ({@code option} names it) that cannot be one, before a run spends time on it. */
  static void check(String option, Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UnusableInputException(option + " " + dir + ": is a file; name a directory (it is created if missing)",
          null);
    }
  }

  /** Writes each node's cluster log into {@code dir}, creating it; returns the files in node order. */
  static List<Path> writeClusterLog(ScenarioResult result, Path dir) throws IOException {
    check("--cluster-log", dir);
    Files.createDirectories(dir);
    ClusterLog log = ClusterLog.of(result.record());
    List<Path> files = new ArrayList<>();
    for (HostId node : log.nodes()) {
      Path file = dir.resolve(ClusterLog.fileName(node));
      write(file, log.text(node));
      files.add(file);
    }
    return files;
  }

  /** Writes the report into {@code dir}, creating it; returns the HTML page's path. */
  static Path write(ScenarioResult result, Path dir) throws IOException {
    check("--report", dir);
    Files.createDirectories(dir);
    write(dir.resolve(HTML), html(result));
    write(dir.resolve(SVG), TimelineSvg.render(result.record(), actions(result)));
    write(dir.resolve(TRACE), result.trace());
    return dir.resolve(HTML);
  }

  /** Writes through a temporary file and a rename, so a reader never sees half a report. */
  private static void write(Path target, String text) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(temp, text);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The run's operator actions in order: the runner's own (forming the cluster, starting every VM, both at
   * the start) and then the scenario's, with whether the cluster accepted each.
   */
  static List<ReportAction> actions(ScenarioResult result) {
    List<ReportAction> out = new ArrayList<>();
    long start = result.record().startNanos();
    out.add(new ReportAction(start, "form-cluster", "the run starts by forming the cluster", true, "done"));
    if (result.scenario().startVms()) {
      out.add(new ReportAction(start, "start-all-vms", "\"startVms\" is on: every VM starts with the cluster", true,
          "done"));
    }
    for (ActionOutcome o : result.outcomes()) {
      out.add(new ReportAction(o.atNanos(), o.action().describe(), o.action().note(), o.accepted(), o.detail()));
    }
    return out;
  }

  static String html(ScenarioResult result) {
    Scenario s = result.scenario();
    HtmlReport.Builder b = HtmlReport.builder(result.record()).title(s.name());
    if (!s.description().isEmpty()) {
      b.paragraph(s.description());
    }
    b.fact("scenario file", s.file().toString())
        .fact("cluster description", s.clusterSource().startsWith("$.") ? "inline, in the scenario file's \"cluster\""
            + " field" : s.clusterSource())
        .fact("quorum model", s.spec().quorum().name())
        .fact("duration", DurationText.format(s.duration()))
        .fact("VMs running at the end", result.vmsRunning() + " of " + result.record().vms().size());
    actions(result).forEach(b::action);
    s.faults().ifPresent(plan -> b.table("fault-plan", "Fault plan", List.of("plan (testkit FaultPlan)"),
        plan.timeline().lines().map(List::of).toList()));
    if (!result.faultHistory().isEmpty()) {
      b.table("fault-history", "Fault history", List.of("time", "what", "fault", "detail"),
          result.faultHistory().stream().map(e -> List.of(Timeline.time(e.timeNanos()),
              e.type().name().toLowerCase(java.util.Locale.ROOT), e.f(), e.value())).toList());
    }
    return b.html();
  }
}
