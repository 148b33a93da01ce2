package io.hvcluster.core.report;

import io.hvcluster.api.Availability;
import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What one cluster did over a stretch of virtual time: where it started (node states, VM states and
 * hosts, whether it had quorum), every event it emitted, and its availability at the end. A
 * {@link RunRecorder} makes one; {@link TimelineSvg} and {@link HtmlReport} render it.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class RunRecord {
  private final String cluster;
  private final long seed;
  private final long startNanos;
  private final long endNanos;
  private final List<HostId> hosts;
  private final List<VmId> vms;
  private final Map<HostId, NodeState> initialNodes;
  private final Map<VmId, VmState> initialVms;
  private final Map<VmId, HostId> initialHosts;
  private final Quorum initialQuorum;
  private final List<ClusterEvent> events;
  private final Availability availability;
  private final String traceHash;

  /** Whether the cluster had quorum when the record starts. */
  enum Quorum { NOT_FORMED, HELD, LOST }

  RunRecord(String cluster, long seed, long startNanos, long endNanos, List<HostId> hosts, List<VmId> vms,
      Map<HostId, NodeState> initialNodes, Map<VmId, VmState> initialVms, Map<VmId, HostId> initialHosts,
      Quorum initialQuorum, List<ClusterEvent> events, Availability availability, String traceHash) {
    this.cluster = cluster;
    this.seed = seed;
    this.startNanos = startNanos;
    this.endNanos = endNanos;
    this.hosts = List.copyOf(hosts);
    this.vms = List.copyOf(vms);
    this.initialNodes = Map.copyOf(initialNodes);
    this.initialVms = Map.copyOf(initialVms);
    this.initialHosts = Map.copyOf(initialHosts);
    this.initialQuorum = initialQuorum;
    this.events = List.copyOf(events);
    this.availability = availability;
    this.traceHash = traceHash;
  }

  /**
   * Returns the cluster's name.
   *
   * @return the name
   */
  public String cluster() {
    return cluster;
  }

  /**
   * Returns the master seed of the simulation.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the virtual time the record starts at.
   *
   * @return nanoseconds since the simulation started
   */
  public long startNanos() {
    return startNanos;
  }

  /**
   * Returns the virtual time the record ends at.
   *
   * @return nanoseconds since the simulation started
   */
  public long endNanos() {
    return endNanos;
  }

  /**
   * Returns the cluster's nodes at the end, in configuration order.
   *
   * @return the nodes
   */
  public List<HostId> hosts() {
    return hosts;
  }

  /**
   * Returns the cluster's VMs at the end, in configuration order.
   *
   * @return the VMs
   */
  public List<VmId> vms() {
    return vms;
  }

  /**
   * Returns a node's state when the record starts; a node added later starts {@code DOWN}.
   *
   * @param host the node
   * @return its state
   */
  public NodeState initialState(HostId host) {
    return initialNodes.getOrDefault(host, NodeState.DOWN);
  }

  /**
   * Returns a VM's state when the record starts; a VM added later starts {@code OFF}.
   *
   * @param vm the VM
   * @return its state
   */
  public VmState initialState(VmId vm) {
    return initialVms.getOrDefault(vm, VmState.OFF);
  }

  /**
   * Returns the node a VM is on when the record starts.
   *
   * @param vm the VM
   * @return its node, empty when it is on none
   */
  public Optional<HostId> initialHost(VmId vm) {
    return Optional.ofNullable(initialHosts.get(vm));
  }

  Quorum initialQuorum() {
    return initialQuorum;
  }

  /**
   * Returns the cluster's events, in the order they happened.
   *
   * @return the events
   */
  public List<ClusterEvent> events() {
    return events;
  }

  /**
   * Returns the cluster's availability accounting at the end.
   *
   * @return the availability
   */
  public Availability availability() {
    return availability;
  }

  /**
   * Returns the simulation's trace hash at the end.
   *
   * @return 32 hex digits
   */
  public String traceHash() {
    return traceHash;
  }
}
