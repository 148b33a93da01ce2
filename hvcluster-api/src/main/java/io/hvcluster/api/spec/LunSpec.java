package io.hvcluster.api.spec;

import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.LunId;
import org.apiguardian.api.API;

/**
 * One LUN of the shared storage: a disk that the cluster arbitrates with SCSI-3 persistent
 * reservations. A LUN is either the witness (quorum) disk, a Cluster Shared Volume (WS2008 R2: all
 * nodes read and write it, one coordinator owns its metadata), or an ordinary disk that one node owns at
 * a time, which makes it the unit of failover.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param id the LUN's name
 * @param sizeBytes the LUN's capacity
 * @param witness whether this is the witness disk of a disk-based quorum model
 * @param csv whether this LUN is a Cluster Shared Volume
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record LunSpec(LunId id, long sizeBytes, boolean witness, boolean csv) {
  /** The size of {@link #witness(String)}: 512 MiB. */
  private static final long WITNESS_MIB = 512;

  /**
   * Creates a LUN spec after validating it.
   *
   * @param id the LUN's name
   * @param sizeBytes the LUN's capacity
   * @param witness whether this is the witness disk of a disk-based quorum model
   * @param csv whether this LUN is a Cluster Shared Volume
   * @throws InvalidConfigurationException when a field is missing, the size is not positive, or the
   * LUN is both witness and CSV
   */
  public LunSpec {
    Checks.notNull("LUN name", id);
    Checks.positive("LUN '" + id + "' size", sizeBytes);
    if (witness && csv) {
      throw new InvalidConfigurationException("LUN '" + id + "' is both the witness disk and a Cluster Shared Volume;"
          + " a witness disk must be an ordinary cluster disk");
    }
  }

  /**
   * Returns an ordinary data LUN.
   *
   * @param name the LUN's name
   * @param sizeGiB its size in GiB
   * @return the spec
   */
  public static LunSpec data(String name, long sizeGiB) {
    return new LunSpec(LunId.of(name), sizeGiB * Checks.GIB, false, false);
  }

  /**
   * Returns a witness (quorum) LUN of 512 MiB, the smallest witness disk Microsoft recommends for
   * Windows Server 2008 failover clusters.
   *
   * @param name the LUN's name
   * @return the spec
   * @since 0.1.0
   */
  public static LunSpec witness(String name) {
    return new LunSpec(LunId.of(name), WITNESS_MIB * Checks.MIB, true, false);
  }

  /**
   * Returns a witness (quorum) LUN, sized in GiB like {@link #data} and {@link #sharedVolume}.
   *
   * @param name the LUN's name
   * @param sizeGiB its size in GiB
   * @return the spec
   * @since 0.1.0
   */
  public static LunSpec witness(String name, long sizeGiB) {
    return new LunSpec(LunId.of(name), sizeGiB * Checks.GIB, true, false);
  }

  /**
   * Returns a witness (quorum) LUN sized in MiB, unlike every other factory here.
   *
   * @param name the LUN's name
   * @param sizeMiB its size in MiB (512 MiB is customary)
   * @return the spec
   * @deprecated sizes in MiB beside {@link #data}'s GiB invite mistakes; use {@link #witness(String)} (512
   *     MiB) or {@link #witness(String, long)} (GiB). Kept for one version (CHANGELOG.md).
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public static LunSpec witnessDisk(String name, long sizeMiB) {
    return new LunSpec(LunId.of(name), sizeMiB * Checks.MIB, true, false);
  }

  /**
   * Returns a Cluster Shared Volume.
   *
   * @param name the LUN's name
   * @param sizeGiB its size in GiB
   * @return the spec
   */
  public static LunSpec sharedVolume(String name, long sizeGiB) {
    return new LunSpec(LunId.of(name), sizeGiB * Checks.GIB, false, true);
  }
}
