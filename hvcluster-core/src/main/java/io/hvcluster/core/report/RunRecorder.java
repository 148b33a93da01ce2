package io.hvcluster.core.report;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.core.Simulation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Records what one cluster does from the moment it is attached: its starting state, then every event
 * it emits. {@link #finish()} adds the availability accounting and returns a {@link RunRecord} to render.
 *
 * <p>Not thread-safe: use it on the simulation's thread. Example:
 *
 * <pre>{@code
 * RunRecorder recorder = RunRecorder.attach(sim, cluster);
 * cluster.form();
 * cluster.startAllVms();
 * sim.runFor(Duration.ofHours(1));
 * Files.writeString(dir.resolve("report.html"), HtmlReport.builder(recorder.finish()).title("One hour").html());
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class RunRecorder {
  private final Simulation simulation;
  private final Cluster cluster;
  private final long startNanos;
  private final Map<HostId, NodeState> nodes = new HashMap<>();
  private final Map<VmId, VmState> vms = new HashMap<>();
  private final Map<VmId, HostId> vmHosts = new HashMap<>();
  private final RunRecord.Quorum quorum;
  private final List<ClusterEvent> events = new ArrayList<>();
  private final ClusterListener listener;
  private RunRecord finished;

  private RunRecorder(Simulation simulation, Cluster cluster) {
    this.simulation = simulation;
    this.cluster = cluster;
    this.startNanos = simulation.nowNanos();
    for (Host h : cluster.hosts()) {
      nodes.put(h.id(), h.state());
    }
    for (VirtualMachine vm : cluster.vms()) {
      vms.put(vm.id(), vm.state());
      vm.host().ifPresent(h -> vmHosts.put(vm.id(), h));
    }
    this.quorum = !cluster.isFormed() ? RunRecord.Quorum.NOT_FORMED
        : cluster.quorum().hasQuorum() ? RunRecord.Quorum.HELD : RunRecord.Quorum.LOST;
    String name = cluster.name();
    this.listener = event -> {
      if (event.cluster().equals(name)) {
        events.add(event);
      }
    };
    simulation.addListener(listener);
  }

  /**
   * Starts recording a cluster of a simulation at the current virtual time.
   *
   * @param simulation the simulation
   * @param cluster one of its clusters
   * @return the recorder
   * @throws IllegalArgumentException when the cluster belongs to another simulation
   */
  public static RunRecorder attach(Simulation simulation, Cluster cluster) {
    Objects.requireNonNull(simulation, "simulation");
    Objects.requireNonNull(cluster, "cluster");
    if (simulation.clusters().stream().noneMatch(c -> c == cluster)) {
      throw new IllegalArgumentException("cluster '" + cluster.name() + "' does not belong to this simulation");
    }
    return new RunRecorder(simulation, cluster);
  }

  /**
   * Returns how many events have been recorded so far.
   *
   * @return the count
   */
  public int eventCount() {
    return finished == null ? events.size() : finished.events().size();
  }

  /**
   * Stops recording and returns the record, ending at the current virtual time. Later calls return the
   * same record.
   *
   * @return the record
   */
  public RunRecord finish() {
    if (finished == null) {
      simulation.removeListener(listener);
      finished = new RunRecord(cluster.name(), simulation.seed(), startNanos, simulation.nowNanos(),
          cluster.hosts().stream().map(Host::id).toList(), cluster.vms().stream().map(VirtualMachine::id).toList(),
          nodes, vms, vmHosts, quorum, events, cluster.availability(), simulation.traceHash());
    }
    return finished;
  }
}
