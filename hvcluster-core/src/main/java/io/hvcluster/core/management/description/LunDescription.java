package io.hvcluster.core.management.description;

import io.hvcluster.core.management.Units;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One LUN of a cluster description's shared storage.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name the LUN's name
 * @param sizeGiB its size in GiB, fractions allowed (a 512 MiB witness disk is 0.5)
 * @param witness whether it is the quorum witness disk (default false)
 * @param csv whether it is a Cluster Shared Volume; empty to follow the storage's {@code csv} setting
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record LunDescription(String name, double sizeGiB, boolean witness, Optional<Boolean> csv) {
  /**
   * Creates a LUN description; checks only that no field is null.
   *
   * @param name the LUN's name
   * @param sizeGiB its size in GiB
   * @param witness whether it is the witness disk
   * @param csv whether it is a Cluster Shared Volume, or empty to follow the storage
   * @throws NullPointerException when a field is null
   */
  public LunDescription {
    Objects.requireNonNull(name, "LUN name");
    Objects.requireNonNull(csv, "csv");
  }

  /**
   * Returns an ordinary data LUN.
   *
   * @param name the LUN's name
   * @param sizeGiB its size in GiB
   * @return the description
   */
  public static LunDescription data(String name, double sizeGiB) {
    return new LunDescription(name, sizeGiB, false, Optional.empty());
  }

  /**
   * Returns a witness disk.
   *
   * @param name the LUN's name
   * @param sizeGiB its size in GiB (Microsoft recommends at least 0.5)
   * @return the description
   */
  public static LunDescription witnessDisk(String name, double sizeGiB) {
    return new LunDescription(name, sizeGiB, true, Optional.empty());
  }

  /**
   * Returns the size in bytes, rounded to whole MiB.
   *
   * @return bytes
   */
  public long sizeBytes() {
    return Units.gibToBytes(sizeGiB);
  }
}
