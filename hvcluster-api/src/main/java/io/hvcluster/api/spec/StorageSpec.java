package io.hvcluster.api.spec;

import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.LunId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The shared storage of a cluster: its kind, whether it supports SCSI-3 persistent reservations, how
 * many MPIO paths each host has to it, and its LUNs.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param type iSCSI, Fibre Channel or SAS
 * @param persistentReservations whether the storage supports SCSI-3 persistent reservations (Windows
 *     Server 2008 failover clustering requires it)
 * @param pathsPerHost MPIO paths from each host to the storage, 1 to 8; with two or more, losing one
 *     path changes nothing
 * @param luns the LUNs, in a fixed order; names are unique and at most one is the witness
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record StorageSpec(StorageType type, boolean persistentReservations, int pathsPerHost, List<LunSpec> luns) {
  /**
   * Creates a storage spec after validating it.
   *
   * @param type iSCSI, Fibre Channel or SAS
   * @param persistentReservations whether the storage supports SCSI-3 persistent reservations (Windows Server 2008 failover clustering requires it)
   * @param pathsPerHost MPIO paths from each host to the storage, 1 to 8; with two or more, losing one path changes nothing
   * @param luns the LUNs, in a fixed order; names are unique and at most one is the witness
   * @throws InvalidConfigurationException when a field is missing, the path count is out of range, two
   * LUNs share a name, or more than one LUN is a witness
   */
  public StorageSpec {
    Checks.notNull("storage type", type);
    Checks.range("storage paths per host", pathsPerHost, 1, 8);
    luns = Checks.list("storage LUNs", luns);
    Set<LunId> seen = new HashSet<>();
    LunId witness = null;
    for (LunSpec lun : luns) {
      if (!seen.add(lun.id())) {
        throw new InvalidConfigurationException("LUN name '" + lun.id() + "' is used twice; LUN names must be unique");
      }
      if (lun.witness()) {
        if (witness != null) {
          throw new InvalidConfigurationException("LUNs '" + witness + "' and '" + lun.id()
              + "' are both marked as witness; a cluster has at most one witness disk");
        }
        witness = lun.id();
      }
    }
  }

  /**
   * Returns an iSCSI SAN with persistent reservations and two MPIO paths per host.
   *
   * @param luns the LUNs
   * @return the spec
   */
  public static StorageSpec iscsi(List<LunSpec> luns) {
    return new StorageSpec(StorageType.ISCSI, true, 2, luns);
  }

  /**
   * Returns the witness LUN, if there is one.
   *
   * @return the witness disk
   */
  public Optional<LunSpec> witness() {
    return luns.stream().filter(LunSpec::witness).findFirst();
  }

  /**
   * Returns the LUN with the given name, if there is one.
   *
   * @param id the LUN's name
   * @return the LUN
   */
  public Optional<LunSpec> lun(LunId id) {
    return luns.stream().filter(l -> l.id().equals(id)).findFirst();
  }
}
