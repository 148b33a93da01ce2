package io.hvcluster.api.spec;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Cluster-wide settings: heartbeat timing ({@code SameSubnetDelay} × {@code SameSubnetThreshold} between
 * nodes of one subnet, {@code CrossSubnetDelay} × {@code CrossSubnetThreshold} between nodes of different
 * subnets, {@link HostSpec#subnet()}), the cap on concurrent VM starts per node, the cost model and the
 * cluster networks.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param heartbeatDelay time between heartbeats on the same subnet, 250 ms to 2 s (default 1 s)
 * @param heartbeatThreshold heartbeats missed before a route is declared down, 3 to 10 (default 5)
 * @param maxConcurrentStartsPerNode VMs a node brings online at once; the rest wait (default 32)
 * @param costs the cost model
 * @param networks the cluster networks, with unique names, at least one of them with a cluster role
 * (default: one network, cluster and client)
 * @param crossSubnetDelay time between heartbeats of nodes on different subnets ({@code CrossSubnetDelay}),
 * 250 ms to 4 s (default 1 s)
 * @param crossSubnetThreshold heartbeats between nodes on different subnets missed before a route is
 * declared down ({@code CrossSubnetThreshold}), 3 to 10 (default 5)
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ClusterSettings(Duration heartbeatDelay, int heartbeatThreshold, int maxConcurrentStartsPerNode,
    CostModel costs, List<ClusterNetwork> networks, Duration crossSubnetDelay, int crossSubnetThreshold) {
  /** Windows Server 2008's {@code CrossSubnetDelay}, the same as its {@code SameSubnetDelay}. */
  public static final Duration DEFAULT_CROSS_SUBNET_DELAY = Duration.ofMillis(1000);
  /** Windows Server 2008's {@code CrossSubnetThreshold}, the same as its {@code SameSubnetThreshold}. */
  public static final int DEFAULT_CROSS_SUBNET_THRESHOLD = 5;

  /**
   * Creates cluster settings after validating them.
   *
   * @param heartbeatDelay time between heartbeats on the same subnet, 250 ms to 2 s (default 1 s)
   * @param heartbeatThreshold heartbeats missed before a route is declared down, 3 to 10 (default 5)
   * @param maxConcurrentStartsPerNode VMs a node brings online at once; the rest wait (default 32)
   * @param costs the cost model
   * @param networks the cluster networks, with unique names, at least one of them with a cluster role
   * @param crossSubnetDelay time between heartbeats of nodes on different subnets, 250 ms to 4 s
   * @param crossSubnetThreshold heartbeats between subnets missed before a route is declared down, 3 to 10
   * @throws io.hvcluster.api.InvalidConfigurationException when a value is missing or out of range, a
   * network name repeats, or no network carries heartbeats
   */
  public ClusterSettings {
    wholeMillis("heartbeat delay (SameSubnetDelay)", heartbeatDelay, 2000);
    Checks.range("heartbeat threshold (SameSubnetThreshold)", heartbeatThreshold, 3, 10);
    wholeMillis("cross-subnet heartbeat delay (CrossSubnetDelay)", crossSubnetDelay, 4000);
    Checks.range("cross-subnet heartbeat threshold (CrossSubnetThreshold)", crossSubnetThreshold, 3, 10);
    Checks.range("concurrent starts per node", maxConcurrentStartsPerNode, 1, 1024);
    Checks.notNull("cost model", costs);
    networks = Checks.list("cluster networks", networks);
    Set<String> names = new HashSet<>();
    for (ClusterNetwork n : networks) {
      if (!names.add(n.name())) {
        throw new io.hvcluster.api.InvalidConfigurationException("cluster network '" + n.name()
            + "' is named twice; each network needs its own name");
      }
    }
    if (networks.stream().noneMatch(n -> n.role().carriesHeartbeats())) {
      throw new io.hvcluster.api.InvalidConfigurationException("no cluster network carries heartbeats (networks: "
          + networks.stream().map(n -> n.name() + " " + n.role()).toList() + "); at least one needs the role"
          + " CLUSTER_ONLY or CLUSTER_AND_CLIENT");
    }
  }

  private static void wholeMillis(String what, Duration delay, long maxMillis) {
    Checks.positive(what, delay);
    long ms = delay.toMillis();
    if (ms < 250 || ms > maxMillis || !delay.equals(Duration.ofMillis(ms))) {
      throw new io.hvcluster.api.InvalidConfigurationException(what + " is " + delay.toNanos() / 1e6
          + " ms; allowed: whole milliseconds from 250 to " + maxMillis);
    }
  }

  /**
   * Creates cluster settings with Windows Server 2008's cross-subnet heartbeats (1000 ms × 5).
   *
   * @param heartbeatDelay time between heartbeats on the same subnet, 250 ms to 2 s (default 1 s)
   * @param heartbeatThreshold heartbeats missed before a route is declared down, 3 to 10 (default 5)
   * @param maxConcurrentStartsPerNode VMs a node brings online at once; the rest wait (default 32)
   * @param costs the cost model
   * @param networks the cluster networks, with unique names, at least one of them with a cluster role
   * @throws io.hvcluster.api.InvalidConfigurationException when a value is missing or out of range, a
   * network name repeats, or no network carries heartbeats
   */
  public ClusterSettings(Duration heartbeatDelay, int heartbeatThreshold, int maxConcurrentStartsPerNode,
      CostModel costs, List<ClusterNetwork> networks) {
    this(heartbeatDelay, heartbeatThreshold, maxConcurrentStartsPerNode, costs, networks, DEFAULT_CROSS_SUBNET_DELAY,
        DEFAULT_CROSS_SUBNET_THRESHOLD);
  }

  /**
   * Creates cluster settings with one cluster network, cluster and client.
   *
   * @param heartbeatDelay time between heartbeats on the same subnet, 250 ms to 2 s (default 1 s)
   * @param heartbeatThreshold heartbeats missed before a route is declared down, 3 to 10 (default 5)
   * @param maxConcurrentStartsPerNode VMs a node brings online at once; the rest wait (default 32)
   * @param costs the cost model
   * @throws io.hvcluster.api.InvalidConfigurationException when a value is missing or out of range
   */
  public ClusterSettings(Duration heartbeatDelay, int heartbeatThreshold, int maxConcurrentStartsPerNode,
      CostModel costs) {
    this(heartbeatDelay, heartbeatThreshold, maxConcurrentStartsPerNode, costs, List.of(ClusterNetwork.defaultNetwork()));
  }

  /**
   * Returns the Windows Server 2008 defaults for the given storage: 1000 ms × 5 heartbeats on one subnet
   * and between subnets, 32 concurrent starts per node, and {@link CostModel#forStorage(StorageType)}.
   *
   * @param storage the kind of shared storage
   * @return the settings
   */
  public static ClusterSettings defaults(StorageType storage) {
    return new ClusterSettings(Duration.ofMillis(1000), 5, 32, CostModel.forStorage(storage));
  }

  /**
   * Returns the time after which a silent node on the same subnet is declared down: delay × threshold.
   *
   * @return the detection time
   */
  public Duration detectionTime() {
    return heartbeatDelay.multipliedBy(heartbeatThreshold);
  }

  /**
   * Returns the time after which a silent node on another subnet is declared down: cross-subnet delay ×
   * cross-subnet threshold.
   *
   * @return the detection time between subnets
   */
  public Duration crossSubnetDetectionTime() {
    return crossSubnetDelay.multipliedBy(crossSubnetThreshold);
  }

  /**
   * Returns the time between heartbeats of two nodes: {@code CrossSubnetDelay} when they cross subnets,
   * else {@code SameSubnetDelay}.
   *
   * @param crossSubnet whether the nodes are on different subnets
   * @return the delay
   */
  public Duration heartbeatDelay(boolean crossSubnet) {
    return crossSubnet ? crossSubnetDelay : heartbeatDelay;
  }

  /**
   * Returns the heartbeats two nodes may miss before the route between them is declared down:
   * {@code CrossSubnetThreshold} when they cross subnets, else {@code SameSubnetThreshold}.
   *
   * @param crossSubnet whether the nodes are on different subnets
   * @return the threshold
   */
  public int heartbeatThreshold(boolean crossSubnet) {
    return crossSubnet ? crossSubnetThreshold : heartbeatThreshold;
  }

  /**
   * Returns a copy with other heartbeat timing on the same subnet.
   *
   * @param delay time between heartbeats ({@code SameSubnetDelay})
   * @param threshold heartbeats missed before a route is declared down ({@code SameSubnetThreshold})
   * @return the new settings
   */
  public ClusterSettings withHeartbeat(Duration delay, int threshold) {
    return new ClusterSettings(delay, threshold, maxConcurrentStartsPerNode, costs, networks, crossSubnetDelay,
        crossSubnetThreshold);
  }

  /**
   * Returns a copy with other heartbeat timing between nodes on different subnets.
   *
   * @param delay time between heartbeats ({@code CrossSubnetDelay}), 250 ms to 4 s
   * @param threshold heartbeats missed before a route is declared down ({@code CrossSubnetThreshold}), 3 to 10
   * @return the new settings
   */
  public ClusterSettings withCrossSubnetHeartbeat(Duration delay, int threshold) {
    return new ClusterSettings(heartbeatDelay, heartbeatThreshold, maxConcurrentStartsPerNode, costs, networks, delay,
        threshold);
  }

  /**
   * Returns a copy with another cost model.
   *
   * @param model the cost model
   * @return the new settings
   */
  public ClusterSettings withCosts(CostModel model) {
    return new ClusterSettings(heartbeatDelay, heartbeatThreshold, maxConcurrentStartsPerNode, model, networks,
        crossSubnetDelay, crossSubnetThreshold);
  }

  /**
   * Returns a copy with another cap on concurrent starts per node.
   *
   * @param max VMs a node brings online at once
   * @return the new settings
   */
  public ClusterSettings withMaxConcurrentStartsPerNode(int max) {
    return new ClusterSettings(heartbeatDelay, heartbeatThreshold, max, costs, networks, crossSubnetDelay,
        crossSubnetThreshold);
  }

  /**
   * Returns a copy with other cluster networks.
   *
   * @param clusterNetworks the networks, with unique names, at least one with a cluster role
   * @return the new settings
   */
  public ClusterSettings withNetworks(List<ClusterNetwork> clusterNetworks) {
    return new ClusterSettings(heartbeatDelay, heartbeatThreshold, maxConcurrentStartsPerNode, costs, clusterNetworks,
        crossSubnetDelay, crossSubnetThreshold);
  }

  /**
   * Returns the network with the given name.
   *
   * @param name a network's name
   * @return the network
   * @throws IllegalArgumentException when no cluster network has that name
   */
  public ClusterNetwork network(String name) {
    for (ClusterNetwork n : networks) {
      if (n.name().equals(name)) {
        return n;
      }
    }
    throw new IllegalArgumentException("no cluster network is named '" + name + "'; the networks are "
        + networks.stream().map(ClusterNetwork::name).toList());
  }
}
