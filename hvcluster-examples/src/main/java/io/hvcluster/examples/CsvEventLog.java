package io.hvcluster.examples;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.HostId;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.report.Timeline;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * An event listener writing the trace: every event of a run, as it happens, as one row of a CSV file a
 * spreadsheet or a notebook reads (virtual seconds, cluster, event type, the event in words). The same
 * run also writes the engine's own JSON Lines trace with {@code Simulation.Builder.traceTo}, the format
 * the trace hash is computed over; a listener is for your own format.
 *
 * <p>A listener runs on the simulation's thread, inside the event, after the event has happened: it
 * must not block, and what it does with the event cannot change the run. Not thread-safe.
 *
 * <p>Run it with {@code java -cp hvcluster-examples/target/examples.jar io.hvcluster.examples.CsvEventLog
 * events.csv trace.jsonl}; without arguments it writes the CSV to standard output.
 */
public final class CsvEventLog implements ClusterListener {
  /** The first row of the file. */
  public static final String HEADER = "seconds,cluster,event,text";

  private final Writer out;

  /**
   * Creates a listener that writes the header and then a row per event to {@code out}.
   *
   * @param out where the rows go; the caller closes it
   */
  public CsvEventLog(Writer out) {
    this.out = out;
    write(HEADER);
  }

  @Override
  public void onEvent(ClusterEvent event) {
    // Timeline.line starts with the time, which has its own column here, and pads its columns for a terminal.
    String text = Timeline.line(event).strip();
    text = text.substring(text.indexOf("  ") + 2).replaceAll(" {2,}", " ");
    write(String.format(Locale.ROOT, "%.9f,%s,%s,%s", event.timeNanos() / 1e9, quote(event.cluster()),
        event.getClass().getSimpleName(), quote(text)));
  }

  private void write(String row) {
    try {
      out.write(row);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the event log", e);
    }
  }

  /** Quotes a field as RFC 4180 does when it holds a comma, a quote or a line break. */
  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  /**
   * Runs the training cluster through a host crash and its repair, writing the CSV rows to {@code csv}
   * and the engine's JSON Lines trace to {@code trace}.
   *
   * @return the number of events
   */
  public static long run(Writer csv, Appendable trace) {
    try (Simulation sim = Simulation.builder().seed(5).traceTo(trace).build()) {
      sim.addListener(new CsvEventLog(csv));
      Cluster cluster = sim.createCluster(OperatorTraining.cluster());
      cluster.form();
      cluster.startAllVms();
      sim.runFor(Duration.ofMinutes(3));
      sim.faults(cluster).crashHost(HostId.of("node1"));
      sim.runFor(Duration.ofMinutes(5));
      sim.faults(cluster).powerOnHost(HostId.of("node1"));
      sim.runFor(Duration.ofMinutes(5));
      return sim.eventCount();
    }
  }

  /**
   * Writes the event log to the file named first (standard output without arguments) and the JSON
   * Lines trace to the file named second (none without it).
   *
   * @param args the CSV file and the trace file, both optional
   * @throws IOException when a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    try (Writer csv = args.length > 0 ? Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)
            : new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        Writer trace = args.length > 1 ? Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)
            : new BufferedWriter(Writer.nullWriter())) {
      long events = run(csv, trace);
      if (args.length > 0) {
        System.out.println(events + " events written to " + args[0] + (args.length > 1 ? " and " + args[1] : ""));
      }
    }
  }
}
