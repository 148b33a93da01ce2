package io.hvcluster.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.campaign.Campaign;
import io.hvcluster.campaign.CampaignException;
import io.hvcluster.campaign.CampaignSummary;
import io.hvcluster.campaign.DeterminismBug;
import io.hvcluster.campaign.FailedRun;
import io.hvcluster.campaign.spi.CampaignEngine;
import io.hvcluster.testkit.property.Seeds;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a campaign for a command, with a progress bar (runs/s and ETA) on a terminal, and prints what every
 * campaign's summary has in common, as text or as the shared fields of its {@code --json} object.
 * Wall-clock time is read here, never in the library.
 */
final class CampaignRun {
  /** Exit code when some run failed or gave two different results. */
  static final int EXIT_FAILED = 1;

  private final CampaignSummary summary;
  private final long wallNanos;

  CampaignRun(CampaignSummary summary, long wallNanos) {
    this.summary = summary;
    this.wallNanos = wallNanos;
  }

  static CampaignRun run(CommandSpec spec, EngineOptions options, Campaign.Builder campaign, int runs, boolean json) {
    long start = System.nanoTime();
    CampaignSummary s;
    try (CampaignEngine engine = options.open();
        ProgressBar bar = ProgressBar.forCommand(spec, "campaign", runs, ProgressBar.Rate.count(), json)) {
      s = campaign.batchSize(options.batchSize).progress((done, total) -> bar.update(done, done + " of " + total
          + " runs")).build().run(engine);
    } catch (CampaignException e) {
      throw new IllegalStateException(e.getMessage() + "; the results stored so far are kept by a grid, and the"
          + " same command resumes after them", e);
    }
    return new CampaignRun(s, System.nanoTime() - start);
  }

  CampaignSummary summary() {
    return summary;
  }

  int exitCode() {
    return summary.clean() ? 0 : EXIT_FAILED;
  }

  double runsPerSecond() {
    double seconds = wallNanos / 1e9;
    return seconds > 0 ? summary.executed() / seconds : 0;
  }

  /** Returns the fields every campaign's {@code --json} object starts with (docs/json-output.md). */
  ObjectNode json(String kind) {
    CampaignSummary s = summary;
    ObjectNode o = JsonOutput.root();
    o.put("kind", kind);
    o.put("work", s.work());
    o.put("seed", JsonOutput.seed(s.masterSeed()));
    o.put("runs", s.runs());
    o.put("failed", s.failed());
    ObjectNode byKind = o.putObject("failuresByKind");
    s.failuresByKind().forEach(byKind::put);
    ObjectNode counts = o.putObject("counts");
    s.counts().forEach(counts::put);
    ArrayNode failures = o.putArray("firstFailures");
    for (FailedRun f : s.firstFailures()) {
      ObjectNode n = failures.addObject();
      n.put("index", f.index());
      n.put("seed", JsonOutput.seed(f.seed()));
      n.put("label", f.label());
      n.put("failure", f.failure());
      n.put("replay", f.replay());
    }
    ArrayNode bugs = o.putArray("determinismBugs");
    for (DeterminismBug b : s.determinismBugs()) {
      ObjectNode n = bugs.addObject();
      n.put("index", b.index());
      n.put("seed", JsonOutput.seed(b.seed()));
      n.put("first", b.stored().toString());
      n.put("second", b.second().toString());
    }
    o.put("digest", s.digest());
    o.put("campaignId", s.campaignId());
    o.put("engine", s.engine());
    ArrayNode members = o.putArray("members");
    s.members().forEach(members::add);
    o.put("executed", s.executed());
    o.put("resumed", s.resumed());
    o.put("retriedBatches", s.retriedBatches());
    o.put("runsPerSecond", Math.round(runsPerSecond() * 10) / 10.0);
    o.put("wallSeconds", JsonOutput.wallSeconds(wallNanos));
    return o;
  }

  /** Prints what every campaign's text summary has in common. */
  void text(PrintWriter out) {
    CampaignSummary s = summary;
    out.printf(Locale.ROOT, "hvcluster campaign: %s, seed %s, %d runs, engine %s: %s%n", s.work(),
        Seeds.format(s.masterSeed()), s.runs(), s.engine(), String.join(", ", s.members()));
    out.printf(Locale.ROOT, "failed: %d%s%n", s.failed(), s.failed() == 0 ? "" : " " + s.failuresByKind());
    out.printf(Locale.ROOT, "runsPerSecond: %.1f (%d executed, %d resumed from the store, %d batches retried,"
        + " %.2f s wall clock)%n", runsPerSecond(), s.executed(), s.resumed(), s.retriedBatches(), wallNanos / 1e9);
    out.printf(Locale.ROOT, "digest: %s (campaign %s)%n", s.digest(), s.campaignId());
    if (!s.determinismBugs().isEmpty()) {
      out.printf(Locale.ROOT, "DETERMINISM BUGS: %d runs gave two different results; the digest cannot be"
          + " trusted%n", s.determinismBugs().size());
      s.determinismBugs().stream().limit(5).forEach(b -> out.println("  " + b));
    }
    for (FailedRun f : s.firstFailures().subList(0, Math.min(5, s.firstFailures().size()))) {
      out.printf(Locale.ROOT, "  run %d (seed %s)%s: %s%n    replay: %s%n", f.index(), Seeds.format(f.seed()),
          f.label().isEmpty() ? "" : " [" + f.label() + "]", f.failure(), f.replay());
    }
  }
}
