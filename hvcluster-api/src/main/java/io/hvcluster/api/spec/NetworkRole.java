package io.hvcluster.api.spec;

import org.apiguardian.api.API;

/**
 * What the cluster uses a network for, after the {@code Role} property of a WSFC cluster network
 * (Windows Server 2008): 0 none, 1 cluster only, 3 cluster and client.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum NetworkRole {
  /** {@code Role = 0}: the cluster does not use the network (an iSCSI network, for example); no heartbeats. */
  NONE(0),
  /** {@code Role = 1}: cluster communication only (heartbeats, regroup), no clients. */
  CLUSTER_ONLY(1),
  /** {@code Role = 3}: cluster communication and clients; the default of a network with a gateway. */
  CLUSTER_AND_CLIENT(3);

  private final int wsfcValue;

  NetworkRole(int wsfcValue) {
    this.wsfcValue = wsfcValue;
  }

  /**
   * Returns the value of the cluster network's {@code Role} property for this role.
   *
   * @return 0, 1 or 3
   */
  public int wsfcValue() {
    return wsfcValue;
  }

  /**
   * Returns whether the cluster sends heartbeats over a network with this role.
   *
   * @return true for the two cluster roles
   */
  public boolean carriesHeartbeats() {
    return this != NONE;
  }
}
