package io.hvcluster.api.spec;

import io.hvcluster.api.Names;
import org.apiguardian.api.API;

/**
 * A cluster network: a subnet every node has an interface on, with the role the cluster gives it. WSFC
 * sends heartbeats over every network with a cluster role and removes a node only when every such
 * network to it is down.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name the network's name: letters, digits, '.', '_' and '-', at most 63 characters
 * @param role what the cluster uses it for
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ClusterNetwork(String name, NetworkRole role) {
  /** The name of the one network of a cluster that names none. */
  public static final String DEFAULT_NAME = "cluster-network-1";

  /**
   * Creates a cluster network after validating it.
   *
   * @param name the network's name
   * @param role what the cluster uses it for
   * @throws io.hvcluster.api.InvalidConfigurationException when the name is not a valid name or the role is missing
   */
  public ClusterNetwork {
    Names.check("cluster network", name);
    Checks.notNull("cluster network '" + name + "' role", role);
  }

  /**
   * Returns the one network of a cluster that names none: cluster and client, as WSFC sets up a network
   * with a default gateway.
   *
   * @return the network
   */
  public static ClusterNetwork defaultNetwork() {
    return new ClusterNetwork(DEFAULT_NAME, NetworkRole.CLUSTER_AND_CLIENT);
  }
}
