package io.hvcluster.core.report;

import io.hvcluster.api.HostId;
import io.hvcluster.api.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The cluster log of a run, one log per node, in the text a WSFC administrator reads from {@code cluster
 * log /g} (Windows Server 2008) or {@code Get-ClusterLog} (2008 R2): each line is {@code
 * PID.TID::YYYY/MM/DD-HH:MM:SS.mmm LEVEL [COMPONENT] message}, stamped in GMT as those tools do by
 * default, with virtual time 0 at {@link #DEFAULT_EPOCH} unless another epoch is given.
 *
 * <p>A node writes what its cluster service sees while it runs: heartbeat routes it lost or regained
 * ({@code [NETFT]}), regroups and membership ({@code [RGP]}, {@code [NM]}), quorum ({@code [QUORUM]}),
 * placement and failover ({@code [FM]}), resource transitions ({@code [RCM]}), its disks' arbitration
 * ({@code [RES] Physical Disk}) and its VMs ({@code [RES] Virtual Machine}). A node that lost power
 * writes nothing until it is powered on again. Faults injected by the simulation are not in the log
 * (the cluster does not know them); the messages follow WSFC's components and wording but are the
 * model's, not byte for byte those of clussvc.
 *
 * <p>Immutable and thread-safe. Example:
 *
 * <pre>{@code
 * RunRecorder recorder = RunRecorder.attach(sim, cluster);
 * cluster.form();
 * sim.faults(cluster).crashHost(HostId.of("NODE1"));
 * sim.runFor(Duration.ofMinutes(5));
 * ClusterLog.of(recorder.finish()).writeTo(Path.of("logs"));   // logs/NODE2_cluster.log, ...
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ClusterLog {
  /** Where virtual time 0 falls in the log's timestamps unless another epoch is given: 2009-01-01 00:00 GMT. */
  public static final Instant DEFAULT_EPOCH = Instant.parse("2009-01-01T00:00:00Z");

  private final Map<HostId, List<String>> lines;

  private ClusterLog(Map<HostId, List<String>> lines) {
    this.lines = lines;
  }

  /**
   * Returns the cluster log of a recorded run, with virtual time 0 at {@link #DEFAULT_EPOCH}.
   *
   * @param record the run
   * @return the log
   */
  public static ClusterLog of(RunRecord record) {
    return of(record, DEFAULT_EPOCH);
  }

  /**
   * Returns the cluster log of a recorded run, with virtual time 0 at {@code epoch}.
   *
   * @param record the run
   * @param epoch the instant virtual time 0 stands for in the timestamps
   * @return the log
   */
  public static ClusterLog of(RunRecord record, Instant epoch) {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(epoch, "epoch");
    ClusterLogLines writer = new ClusterLogLines(record, epoch);
    record.events().forEach(writer::add);
    Map<HostId, List<String>> byNode = new LinkedHashMap<>();
    for (HostId h : record.hosts()) {
      byNode.put(h, List.copyOf(writer.lines(h)));
    }
    return new ClusterLog(byNode);
  }

  /**
   * Returns the nodes that have a log, in the cluster's order.
   *
   * @return the nodes
   */
  public List<HostId> nodes() {
    return List.copyOf(lines.keySet());
  }

  /**
   * Returns one node's log lines in order.
   *
   * @param node a node of the cluster
   * @return its lines
   * @throws IllegalArgumentException when the node is not in the cluster
   */
  public List<String> lines(HostId node) {
    List<String> l = lines.get(Objects.requireNonNull(node, "node"));
    if (l == null) {
      throw new IllegalArgumentException("node " + node + " is not in this cluster; its nodes are " + lines.keySet());
    }
    return l;
  }

  /**
   * Returns one node's log as text, one line per entry, each ending with CRLF as on Windows.
   *
   * @param node a node of the cluster
   * @return the text
   * @throws IllegalArgumentException when the node is not in the cluster
   */
  public String text(HostId node) {
    StringBuilder b = new StringBuilder();
    for (String line : lines(node)) {
      b.append(line).append("\r\n");
    }
    return b.toString();
  }

  /**
   * Writes one file per node into {@code directory} (created if missing), named {@code
   * <node>_cluster.log} as {@code Get-ClusterLog -Destination} names the copies it gathers.
   *
   * @param directory the directory
   * @return the files written, in the cluster's node order
   * @throws UncheckedIOException when a file cannot be written
   */
  public List<Path> writeTo(Path directory) {
    Objects.requireNonNull(directory, "directory");
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(directory);
      for (HostId node : lines.keySet()) {
        Path file = directory.resolve(fileName(node));
        Files.writeString(file, text(node), StandardCharsets.UTF_8);
        written.add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the cluster log to " + directory + ": " + e.getMessage(), e);
    }
    return written;
  }

  /**
   * Returns the file name of a node's log: {@code <node>_cluster.log}.
   *
   * @param node the node
   * @return the file name
   */
  public static String fileName(HostId node) {
    // Host names are checked names (letters, digits, '.', '_', '-'), so they are safe in a file name.
    return Names.check("host", node.name()) + "_cluster.log";
  }
}
