package io.hvcluster.core.management.description;

import io.hvcluster.api.spec.StorageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The shared storage of a cluster description.
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * StorageDescription san = StorageDescription.builder(StorageType.ISCSI)
 *     .certified(true).mpio(true)
 *     .lun(LunDescription.witnessDisk("witness", 0.5))
 *     .lun(LunDescription.data("lun-web1", 40))
 *     .build();
 * }</pre>
 *
 * @param type iSCSI, Fibre Channel or SAS
 * @param persistentReservations whether the array supports SCSI-3 persistent reservations (default true)
 * @param certified whether the array is certified for Windows Server 2008 failover clustering and
 *     Hyper-V, or empty when not stated
 * @param mpio whether each host reaches the array over several paths with MPIO (default false)
 * @param csv whether data LUNs are Cluster Shared Volumes unless a LUN says otherwise (default false)
 * @param mountPoints whether cluster disks are mounted in folders rather than on drive letters (default false)
 * @param luns the LUNs, in file order
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record StorageDescription(StorageType type, boolean persistentReservations, Optional<Boolean> certified,
    boolean mpio, boolean csv, boolean mountPoints, List<LunDescription> luns) {

  /**
   * Creates a storage description; copies the LUN list.
   *
   * @param type the storage type
   * @param persistentReservations whether SCSI-3 persistent reservations are supported
   * @param certified whether the array is certified, or empty when not stated
   * @param mpio whether MPIO is used
   * @param csv whether data LUNs default to Cluster Shared Volumes
   * @param mountPoints whether cluster disks use mount points
   * @param luns the LUNs
   * @throws NullPointerException when a field or LUN is null
   */
  public StorageDescription {
    Objects.requireNonNull(type, "storage type");
    Objects.requireNonNull(certified, "certified");
    luns = List.copyOf(luns);
  }

  /**
   * Returns the LUN with the given name, if there is one.
   *
   * @param name the LUN's name
   * @return the LUN
   */
  public Optional<LunDescription> lun(String name) {
    return luns.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /**
   * Returns whether a LUN is a Cluster Shared Volume: its own setting, else the storage's, and never
   * for the witness disk unless the LUN says so itself.
   *
   * @param lun a LUN of this storage
   * @return true for a CSV
   */
  public boolean isCsv(LunDescription lun) {
    return lun.csv().orElse(csv && !lun.witness());
  }

  /**
   * Returns a builder for storage of the given type with the defaults listed on this record.
   *
   * @param type the storage type
   * @return a new builder
   */
  public static Builder builder(StorageType type) {
    return new Builder(type);
  }

  /**
   * Builds a {@link StorageDescription}; not thread-safe.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final StorageType type;
    private boolean persistentReservations = true;
    private Optional<Boolean> certified = Optional.empty();
    private boolean mpio;
    private boolean csv;
    private boolean mountPoints;
    private final List<LunDescription> luns = new ArrayList<>();

    private Builder(StorageType type) {
      this.type = type;
    }

    /**
     * Sets whether SCSI-3 persistent reservations are supported.
     *
     * @param value true when supported
     * @return this builder
     */
    public Builder persistentReservations(boolean value) {
      this.persistentReservations = value;
      return this;
    }

    /**
     * States whether the array is certified for clustering and Hyper-V.
     *
     * @param value true when certified
     * @return this builder
     */
    public Builder certified(boolean value) {
      this.certified = Optional.of(value);
      return this;
    }

    /**
     * Sets whether MPIO is used.
     *
     * @param value true with several paths per host
     * @return this builder
     */
    public Builder mpio(boolean value) {
      this.mpio = value;
      return this;
    }

    /**
     * Sets whether data LUNs default to Cluster Shared Volumes.
     *
     * @param value true for CSV
     * @return this builder
     */
    public Builder csv(boolean value) {
      this.csv = value;
      return this;
    }

    /**
     * Sets whether cluster disks use mount points instead of drive letters.
     *
     * @param value true for mount points
     * @return this builder
     */
    public Builder mountPoints(boolean value) {
      this.mountPoints = value;
      return this;
    }

    /**
     * Adds a LUN.
     *
     * @param lun the LUN
     * @return this builder
     */
    public Builder lun(LunDescription lun) {
      this.luns.add(lun);
      return this;
    }

    /**
     * Builds the description.
     *
     * @return the description
     */
    public StorageDescription build() {
      return new StorageDescription(type, persistentReservations, certified, mpio, csv, mountPoints, luns);
    }
  }
}
