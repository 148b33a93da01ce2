package io.hvcluster.core.cluster.bandwidth;

import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.spec.CostModel;
import io.hvcluster.core.cluster.bandwidth.Bandwidth.Channel;
import io.hvcluster.core.cluster.bandwidth.Bandwidth.Transfer;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimLun;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The channels of one cluster and the path each kind of transfer takes across them:
 *
 * <ul>
 *   <li>each host's storage path, one channel per direction (iSCSI and FC are full duplex), at the cost
 *       model's storage rates; MPIO's extra paths are for failover, not added bandwidth;
 *   <li>the array's back end, shared by every host, and behind it each LUN's own back end, as fast as
 *       the array unless a fault slowed it (then one host path's rate divided by the slowdown);
 *   <li>each host's live-migration network, one channel per direction;
 *   <li>each host's cluster network, one channel per direction, which carries a Cluster Shared Volume's
 *       redirected I/O to and from its coordinator, whose own storage path then does the I/O.
 * </ul>
 *
 * <p>Channels are created when first used. Not thread-safe; used on the simulation's thread only.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Paths {
  private final ClusterModel cluster;
  private final Bandwidth bandwidth;
  private final Map<HostId, HostChannels> hosts = new HashMap<>();
  private final Map<LunId, Channel> luns = new HashMap<>();
  private Channel array;

  /**
   * Creates the paths of a cluster.
   *
   * @param cluster the cluster, whose cost model gives the capacities
   */
  public Paths(ClusterModel cluster) {
    this.cluster = cluster;
    this.bandwidth = new Bandwidth(cluster.loop());
  }

  /**
   * Returns the bandwidth the channels belong to.
   *
   * @return the bandwidth
   */
  public Bandwidth bandwidth() {
    return bandwidth;
  }

  /**
   * Writes {@code bytes} from {@code host} to {@code lun}, directly or, for a Cluster Shared Volume the
   * host reaches only through its coordinator, over the cluster network and the coordinator's path.
   *
   * @param host the writer
   * @param lun the LUN written
   * @param bytes how many
   * @param done runs when the last byte is written
   * @return the transfer
   */
  public Transfer write(SimHost host, SimLun lun, long bytes, Runnable done) {
    SimHost coordinator = redirectedThrough(host, lun);
    List<Channel> path = coordinator == null
        ? List.of(of(host).storageWrite, lunChannel(lun), array())
        : List.of(of(host).networkSend, of(coordinator).networkReceive, of(coordinator).storageWrite, lunChannel(lun),
            array());
    return bandwidth.start(bytes, path, done);
  }

  /**
   * Reads {@code bytes} from {@code lun} into {@code host}, directly or through the CSV coordinator.
   *
   * @param host the reader
   * @param lun the LUN read
   * @param bytes how many
   * @param done runs when the last byte has arrived
   * @return the transfer
   */
  public Transfer read(SimHost host, SimLun lun, long bytes, Runnable done) {
    SimHost coordinator = redirectedThrough(host, lun);
    List<Channel> path = coordinator == null
        ? List.of(lunChannel(lun), array(), of(host).storageRead)
        : List.of(lunChannel(lun), array(), of(coordinator).storageRead, of(coordinator).networkSend,
            of(host).networkReceive);
    return bandwidth.start(bytes, path, done);
  }

  /**
   * Sends {@code bytes} over the live-migration network from {@code from} to {@code to}.
   *
   * @param from the sender
   * @param to the receiver
   * @param bytes how many
   * @param done runs when the last byte has arrived
   * @return the transfer
   */
  public Transfer send(SimHost from, SimHost to, long bytes, Runnable done) {
    return bandwidth.start(bytes, List.of(of(from).migrationSend, of(to).migrationReceive), done);
  }

  /**
   * The speed of {@code lun}'s back end changed (a slow-storage fault applied or healed): the transfers
   * on it are re-shared from now on.
   *
   * @param lun the LUN
   */
  public void lunSpeedChanged(SimLun lun) {
    Channel c = luns.get(lun.spec().id());
    if (c != null) {
      bandwidth.capacity(c, lunCapacity(lun));
    }
  }

  /** The coordinator through which {@code host} reaches {@code lun} in redirected access, or null. */
  private static SimHost redirectedThrough(SimHost host, SimLun lun) {
    if (lun.reachableFrom(host) || !lun.spec().csv() || !lun.usableFrom(host)) {
      return null;
    }
    SimHost coordinator = lun.ownerNode();
    return coordinator == host ? null : coordinator;
  }

  private HostChannels of(SimHost host) {
    return hosts.computeIfAbsent(host.id(), id -> new HostChannels(bandwidth, costs(), id));
  }

  private CostModel costs() {
    return cluster.costs();
  }

  private Channel array() {
    if (array == null) {
      array = bandwidth.channel("the array's back end", costs().arrayBytesPerSecond());
    }
    return array;
  }

  private Channel lunChannel(SimLun lun) {
    return luns.computeIfAbsent(lun.spec().id(), id -> bandwidth.channel("LUN " + id, lunCapacity(lun)));
  }

  /**
   * The array's rate for a LUN at normal speed; a slowed LUN serves one host path's rate divided by its
   * slowdown, so that a transfer alone on it is that many times slower.
   */
  private double lunCapacity(SimLun lun) {
    CostModel c = costs();
    if (lun.slowdown() == 1.0) {
      return c.arrayBytesPerSecond();
    }
    return Math.min(c.arrayBytesPerSecond(), Math.max(c.storageWriteBytesPerSecond(), c.storageReadBytesPerSecond()))
        / lun.slowdown();
  }

  /** The channels of one host. */
  private static final class HostChannels {
    final Channel storageWrite;
    final Channel storageRead;
    final Channel migrationSend;
    final Channel migrationReceive;
    final Channel networkSend;
    final Channel networkReceive;

    HostChannels(Bandwidth bandwidth, CostModel costs, HostId id) {
      storageWrite = bandwidth.channel("storage path of " + id + " (write)", costs.storageWriteBytesPerSecond());
      storageRead = bandwidth.channel("storage path of " + id + " (read)", costs.storageReadBytesPerSecond());
      migrationSend = bandwidth.channel("migration network of " + id + " (send)", costs.migrationLinkBytesPerSecond());
      migrationReceive = bandwidth.channel("migration network of " + id + " (receive)",
          costs.migrationLinkBytesPerSecond());
      networkSend = bandwidth.channel("cluster network of " + id + " (send)", costs.clusterNetworkBytesPerSecond());
      networkReceive = bandwidth.channel("cluster network of " + id + " (receive)",
          costs.clusterNetworkBytesPerSecond());
    }
  }
}
