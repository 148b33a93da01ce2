package io.hvcluster.core.management.description;

import io.hvcluster.api.spec.Edition;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The Windows Server 2008 edition a host description names. Only Enterprise and Datacenter include
 * failover clustering; the others exist in the description so that validation can report them as a
 * failure instead of refusing the file.
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum ServerEdition {
  /** Standard: Hyper-V, but no failover clustering. */
  STANDARD,
  /** Enterprise: failover clustering with up to 16 nodes. */
  ENTERPRISE,
  /** Datacenter: failover clustering with up to 16 nodes and unlimited virtual instance rights. */
  DATACENTER,
  /** Web: neither Hyper-V nor failover clustering. */
  WEB;

  /**
   * Returns whether the edition includes failover clustering.
   *
   * @return true for Enterprise and Datacenter
   */
  public boolean supportsFailoverClustering() {
    return this == ENTERPRISE || this == DATACENTER;
  }

  /**
   * Returns the description edition of an edition of the cluster model.
   *
   * @param edition Enterprise or Datacenter
   * @return the same edition
   */
  public static ServerEdition of(Edition edition) {
    return edition == Edition.DATACENTER ? DATACENTER : ENTERPRISE;
  }

  /**
   * Returns the matching edition of the cluster model, which knows only the editions that can cluster.
   *
   * @return the edition, or empty for Standard and Web
   */
  public Optional<Edition> toEdition() {
    switch (this) {
      case ENTERPRISE:
        return Optional.of(Edition.ENTERPRISE);
      case DATACENTER:
        return Optional.of(Edition.DATACENTER);
      default:
        return Optional.empty();
    }
  }
}
