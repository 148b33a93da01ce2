package io.hvcluster.core.placement;

import io.hvcluster.api.placement.PlacementPolicy;
import org.apiguardian.api.API;

/**
 * The built-in placement policies.
 *
 * <p>Thread-safe: the policies it returns are stateless.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Placements {
  private static final PlacementPolicy WSFC = new WsfcPlacement();

  private Placements() {}

  /**
   * Returns Windows Server 2008's default owner selection: preferred owners in order, else the node with
   * the fewest groups; the {@link HardRequirements} (possible owners, memory, storage paths) are hard,
   * anti-affinity is soft.
   *
   * @return the policy
   */
  public static PlacementPolicy wsfcDefault() {
    return WSFC;
  }
}
