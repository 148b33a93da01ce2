package io.hvcluster.core.defect;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The deliberate defects enabled in one simulation, and the one question the engine asks about each.
 * Each question is asked in exactly one place, the defect's gate:
 *
 * <ul>
 *   <li>{@link Defect#SKIP_STORAGE_ARBITRATION}: the storage reservations of groups
 *       ({@code cluster.storage.Reservations}), which then grant every LUN without arbitration, count every
 *       node as holding it, and revoke no registration of a removed node;
 *   <li>{@link Defect#IGNORE_QUORUM}: the node service's reaction to a node leaving the active partition
 *       ({@code cluster.membership.NodeService}), which then keeps the node's service and VMs running;
 *   <li>{@link Defect#PLACE_ON_PAUSED_NODES}: the candidates of a group's placement
 *       ({@code cluster.failover.GroupPlacement}), which then include paused nodes.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Defects {
  /** No defect: the engine as it should be. */
  public static final Defects NONE = new Defects(EnumSet.noneOf(Defect.class));

  private final Set<Defect> enabled;

  private Defects(Set<Defect> enabled) {
    this.enabled = enabled;
  }

  /**
   * Returns the defects in {@code enabled}.
   *
   * @param enabled the defects to enable; may be empty
   * @return the defects
   */
  public static Defects of(Set<Defect> enabled) {
    Objects.requireNonNull(enabled, "defects");
    return enabled.isEmpty() ? NONE : new Defects(EnumSet.copyOf(enabled));
  }

  /**
   * Returns whether groups' LUNs are granted without SCSI-3 arbitration.
   *
   * @return true under {@link Defect#SKIP_STORAGE_ARBITRATION}
   */
  public boolean skipsStorageArbitration() {
    return enabled.contains(Defect.SKIP_STORAGE_ARBITRATION);
  }

  /**
   * Returns whether a node that leaves the active partition keeps its cluster service and VMs running.
   *
   * @return true under {@link Defect#IGNORE_QUORUM}
   */
  public boolean ignoresQuorum() {
    return enabled.contains(Defect.IGNORE_QUORUM);
  }

  /**
   * Returns whether paused nodes are candidates for groups.
   *
   * @return true under {@link Defect#PLACE_ON_PAUSED_NODES}
   */
  public boolean placesOnPausedNodes() {
    return enabled.contains(Defect.PLACE_ON_PAUSED_NODES);
  }

  @Override
  public String toString() {
    return enabled.toString();
  }
}
