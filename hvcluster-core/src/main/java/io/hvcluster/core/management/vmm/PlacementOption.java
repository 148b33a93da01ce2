package io.hvcluster.core.management.vmm;

import io.hvcluster.api.placement.HostRating;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One host the manager could place a new VM on, with its rating.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param cluster the cluster the host belongs to, or empty for a standalone host
 * @param rating the host's rating for the VM
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record PlacementOption(String cluster, HostRating rating) {
  /**
   * Creates an option.
   *
   * @param cluster the cluster, or empty for a standalone host
   * @param rating the rating
   * @throws NullPointerException when a field is null
   */
  public PlacementOption {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(rating, "rating");
  }

  /**
   * Returns whether the host is a standalone host.
   *
   * @return true outside any cluster
   */
  public boolean standalone() {
    return cluster.isEmpty();
  }

  /**
   * Returns where the host is, for example {@code "HV1/node3"} or {@code "standalone/hv9"}.
   *
   * @return the location
   */
  public String location() {
    return (standalone() ? "standalone" : cluster) + "/" + rating.host();
  }
}
