package io.hvcluster.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.api.Availability;
import io.hvcluster.api.HostId;
import io.hvcluster.api.Outage;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.event.GuestClusterFailover;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.core.report.RunRecord;
import io.hvcluster.core.report.Timeline;
import io.hvcluster.testkit.fault.DurationText;
import io.hvcluster.json.ActionOutcome;
import io.hvcluster.json.InputFiles;
import io.hvcluster.json.RunDurations;
import io.hvcluster.json.Scenario;
import io.hvcluster.json.ScenarioAction;
import io.hvcluster.json.ScenarioFiles;
import io.hvcluster.json.ScenarioResult;
import io.hvcluster.json.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code hvcluster simulate --scenario FILE [--report DIR] [--seed N] [--duration D] [--json]}: runs a
 * scenario file and prints what happened; with {@code --report}, writes the HTML report. Kept apart from
 * the command class so that the fleet mode and the scenario mode of {@code simulate} stay independent.
 */
final class ScenarioMode {
  private ScenarioMode() {}

  /**
   * Where the scenario mode writes its files.
   *
   * @param report the report directory, or null for none
   * @param clusterLog the cluster-log directory, or null for none
   */
  record Outputs(Path report, Path clusterLog) {
  }

  /**
   * Runs the scenario mode.
   *
   * @param spec the running command, for its output streams
   * @param file the scenario file
   * @param outputs the report and cluster-log directories asked for
   * @param seed the seed from the command line, or null for the file's
   * @param duration the duration from the command line, or null for the file's
   * @param json whether to print JSON
   * @return the exit code
   */
  static int run(CommandSpec spec, Path file, Outputs outputs, Long seed, String duration, boolean json)
      throws IOException {
    Scenario scenario = ScenarioFiles.read(file);
    Path report = outputs.report();
    if (report != null) {
      ScenarioReport.check("--report", report);
    }
    if (outputs.clusterLog() != null) {
      ScenarioReport.check("--cluster-log", outputs.clusterLog());
    }
    Duration length = scenario.duration();
    if (duration != null) {
      try {
        length = RunDurations.parse(duration);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--duration: " + e.getMessage());
      }
      if (length.isZero()) {
        throw new ParameterException(spec.commandLine(), "--duration must be longer than 0s");
      }
      for (ScenarioAction a : scenario.actions()) {
        if (a.at().compareTo(length) > 0) {
          throw new ParameterException(spec.commandLine(), "--duration " + duration + " ends the run before "
              + a.path() + " (" + a.describe() + ") at " + DurationText.format(a.at()) + "; the run must last at least"
              + " until its last action");
        }
      }
      if (scenario.faults().isPresent() && scenario.faults().get().heal().at().compareTo(length) > 0) {
        throw new ParameterException(spec.commandLine(), "--duration " + duration + " ends the run before the fault"
            + " plan's heal phase at " + DurationText.format(scenario.faults().get().heal().at()));
      }
    }
    scenario = scenario.with(seed == null ? scenario.seed() : seed, length);
    ScenarioResult result;
    try (ProgressBar bar = ProgressBar.forCommand(spec, "simulating", length.toNanos(), ProgressBar.Rate.virtualTime(),
        json)) {
      result = ScenarioRunner.run(scenario, bar::update);
    }
    Path page = report == null ? null : ScenarioReport.write(result, report);
    List<Path> logs = outputs.clusterLog() == null ? List.of() : ScenarioReport.writeClusterLog(result,
        outputs.clusterLog());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = toJson(result, page);
      if (outputs.clusterLog() != null) {
        o.put("clusterLog", outputs.clusterLog().toString());
      }
      JsonOutput.print(out, o);
    } else {
      print(out, result, page);
      if (outputs.clusterLog() != null) {
        out.println("Cluster log: " + logs.size() + " files in " + outputs.clusterLog());
      }
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, ScenarioResult result, Path page) {
    Scenario s = result.scenario();
    RunRecord r = result.record();
    Availability a = r.availability();
    out.println("Scenario " + InputFiles.printable(s.name()) + " (" + InputFiles.printable(s.file().toString()) + "): cluster " + s.spec().name() + ", " + r.hosts().size()
        + " nodes, " + r.vms().size() + " VMs, seed " + s.seed() + ", " + DurationText.format(s.duration())
        + " of virtual time");
    for (ActionOutcome o : result.outcomes()) {
      out.printf(Locale.ROOT, "  %s  %-34s %s%n", Timeline.time(o.atNanos()), o.action().describe(),
          (o.accepted() ? "accepted" : "REFUSED: " + InputFiles.printable(o.detail())) + (o.action().note().isEmpty() ? ""
              : "  (" + InputFiles.printable(o.action().note()) + ")"));
    }
    long guest = guestFailovers(r);
    out.printf(Locale.ROOT, "Result: availability %.4f %%, %d outage%s, VM downtime %s, MTTR %s, %d group failovers,"
        + " %d migrations%s%n", a.availability() * 100, a.outageCount(), a.outageCount() == 1 ? "" : "s",
        a.downNanos() == 0 ? "none" : Timeline.duration(a.downNanos()),
        a.meanTimeToRecoverNanos() == 0 ? "-" : Timeline.duration(a.meanTimeToRecoverNanos()),
        count(r, FailoverStarted.class), count(r, MigrationFinished.class), (queuedNanos(r) == 0 ? ""
            : " (" + Timeline.duration(queuedNanos(r)) + " queued)")
            + (guest == 0 ? "" : ", " + guest + " guest-cluster failover" + (guest == 1 ? "" : "s")));
    for (Availability.VmAvailability v : a.vms()) {
      if (!v.outages().isEmpty()) {
        Outage first = v.outages().get(0);
        out.printf(Locale.ROOT, "  %-12s down %-14s %d outage%s, first at %s: %s%n", v.vm(), Timeline.duration(v.downNanos()),
            v.outages().size(), v.outages().size() == 1 ? "" : "s", Timeline.time(first.startNanos()), first.cause());
      }
    }
    out.println("  VMs running at the end: " + result.vmsRunning() + " of " + r.vms().size() + "; " + r.events().size()
        + " events; trace hash " + r.traceHash());
    if (page != null) {
      out.println("Report: " + page);
    }
  }

  /** Counts guest-cluster failovers proper: moves away from a guest node, not the application's first start. */
  private static long guestFailovers(RunRecord r) {
    return r.events().stream().filter(e -> e instanceof GuestClusterFailover g && g.from().isPresent()).count();
  }

  /** The time migrations waited in live-migration queues, all together. */
  private static long queuedNanos(RunRecord r) {
    return r.events().stream().filter(e -> e instanceof MigrationFinished).mapToLong(e -> ((MigrationFinished) e)
        .result().queuedNanos()).sum();
  }

  private static long count(RunRecord r, Class<? extends ClusterEvent> type) {
    return r.events().stream().filter(type::isInstance).count();
  }

  /**
   * Returns the run as its {@code --json} object (docs/json-output.md). The version-1 fields in
   * nanoseconds and the display string of each action follow the current ones, deprecated.
   */
  static ObjectNode toJson(ScenarioResult result, Path page) {
    Scenario s = result.scenario();
    RunRecord r = result.record();
    Availability a = r.availability();
    ObjectNode root = JsonOutput.root();
    root.put("scenario", s.name());
    root.put("file", s.file().toString());
    root.put("cluster", s.spec().name());
    root.put("seed", JsonOutput.seed(s.seed()));
    root.put("simulatedSeconds", JsonOutput.seconds(s.duration().toNanos()));
    root.put("availability", a.availability());
    root.put("outages", a.outageCount());
    root.put("vmDowntimeSeconds", JsonOutput.seconds(a.downNanos()));
    root.put("meanTimeToRecoverSeconds", JsonOutput.seconds(a.meanTimeToRecoverNanos()));
    root.put("failovers", count(r, FailoverStarted.class));
    root.put("migrations", count(r, MigrationFinished.class));
    root.put("migrationQueuedSeconds", JsonOutput.seconds(queuedNanos(r)));
    root.put("guestFailovers", guestFailovers(r));
    root.put("events", r.events().size());
    root.put("vmsRunning", result.vmsRunning());
    root.put("traceHash", r.traceHash());
    if (page != null) {
      root.put("report", page.toString());
    }
    ArrayNode actions = root.putArray("actions");
    for (ActionOutcome o : result.outcomes()) {
      ObjectNode n = actions.addObject();
      ScenarioAction action = o.action();
      n.put("index", action.index());
      n.put("atSeconds", JsonOutput.seconds(o.atNanos()));
      n.put("kind", action.kind().id());
      targets(n, action.target());
      n.put("description", action.describe());
      n.put("note", action.note());
      n.put("accepted", o.accepted());
      n.put("detail", o.detail());
      n.put("atNanos", o.atNanos());
      n.put("action", action.describe());
    }
    ArrayNode vms = root.putArray("vms");
    for (Availability.VmAvailability v : a.vms()) {
      ObjectNode n = vms.addObject();
      n.put("vm", v.vm().name());
      n.put("availability", v.availability());
      n.put("downtimeSeconds", JsonOutput.seconds(v.downNanos()));
      ArrayNode outages = n.putArray("outages");
      for (Outage o : v.outages()) {
        ObjectNode on = outages.addObject();
        on.put("startSeconds", JsonOutput.seconds(o.startNanos()));
        if (o.isOver()) {
          on.put("endSeconds", JsonOutput.seconds(o.endNanos()));
        } else {
          on.putNull("endSeconds");
        }
        on.put("durationSeconds", JsonOutput.seconds(o.durationNanos(a.atNanos())));
        on.put("cause", o.cause());
        on.put("startNanos", o.startNanos());
        on.put("endNanos", o.endNanos());
      }
      n.put("downNanos", v.downNanos());
    }
    root.put("durationNanos", s.duration().toNanos());
    root.put("downNanos", a.downNanos());
    root.put("mttrNanos", a.meanTimeToRecoverNanos());
    return root;
  }

  /** Adds an action's targets under the names the scenario file gives them. */
  private static void targets(ObjectNode n, ScenarioAction.Target target) {
    if (target instanceof ScenarioAction.OnHost t) {
      n.put("host", t.host().name());
    } else if (target instanceof ScenarioAction.OnVm t) {
      n.put("vm", t.vm().name());
    } else if (target instanceof ScenarioAction.Move t) {
      n.put("vm", t.vm().name());
      n.put("to", t.to().name());
    } else if (target instanceof ScenarioAction.MoveGroup t) {
      n.put("group", t.group());
      n.put("to", t.to().map(HostId::name).orElse("best"));
    } else if (target instanceof ScenarioAction.OnLink t) {
      n.put("from", t.from().name());
      n.put("to", t.to().name());
    } else if (target instanceof ScenarioAction.OnNetwork t) {
      n.put("host", t.host().name());
      n.put("network", t.network());
    } else if (target instanceof ScenarioAction.OnLun t) {
      n.put("lun", t.lun().name());
    } else if (target instanceof ScenarioAction.Sides t) {
      ArrayNode sides = n.putArray("sides");
      t.sides().forEach(side -> {
        ArrayNode hosts = sides.addArray();
        side.stream().map(HostId::name).sorted().forEach(hosts::add);
      });
    }
  }
}
