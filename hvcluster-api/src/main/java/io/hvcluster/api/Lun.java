package io.hvcluster.api;

import io.hvcluster.api.spec.LunSpec;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A LUN of the shared storage, owned through SCSI-3 persistent reservations.
 *
 * <p>Not thread-safe: read it from the thread that drives its simulation. The view is live.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface Lun {
  /**
   * Returns the LUN's name.
   *
   * @return the identifier
   */
  LunId id();

  /**
   * Returns the LUN's configuration.
   *
   * @return the spec
   */
  LunSpec spec();

  /**
   * Returns the LUN's state.
   *
   * @return the state
   */
  LunState state();

  /**
   * Returns whether this LUN is a Cluster Shared Volume, which every node reads and writes at once.
   *
   * @return true for a CSV
   */
  default boolean isClusterSharedVolume() {
    return spec().csv();
  }

  /**
   * Returns the nodes whose I/O to this Cluster Shared Volume is redirected through the coordinator
   * because they lost their own paths to it (always empty for other LUNs).
   *
   * @return the nodes in redirected access, in name order
   */
  List<HostId> redirectedNodes();

  /**
   * Returns the node holding the reservation (for a Cluster Shared Volume, its coordinator node).
   *
   * @return the owner, or empty when none
   */
  Optional<HostId> owner();

  /**
   * Returns the nodes whose reservation keys are registered with the LUN, in name order.
   *
   * @return the registered nodes
   */
  List<HostId> registrations();

  /**
   * Returns the reservation generation: it increases every time the reservation changes hands, so a
   * write carrying an older generation is from a fenced former owner.
   *
   * @return the generation, 0 before the first reservation
   */
  long reservationGeneration();

  /**
   * Returns whether a node can do I/O to this LUN now: the array serves it and the node has a storage
   * path left to it. For a Cluster Shared Volume a node that lost its own paths can still reach it, in
   * redirected access, through a coordinator that runs and has a path. A node that cannot reach a VM's
   * LUN cannot run the VM; placement treats this as a hard requirement.
   *
   * @param host the node
   * @return true when the node can reach the LUN; false for a node that is not powered or not in the cluster
   */
  boolean reachableFrom(HostId host);
}
