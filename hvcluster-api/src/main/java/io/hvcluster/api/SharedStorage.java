package io.hvcluster.api;

import io.hvcluster.api.spec.StorageSpec;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The shared storage of a cluster (an iSCSI or Fibre Channel SAN, or shared SAS) and its LUNs.
 *
 * <p>Not thread-safe: read it from the thread that drives its simulation. The view is live.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface SharedStorage {
  /**
   * Returns the storage configuration.
   *
   * @return the spec
   */
  StorageSpec spec();

  /**
   * Returns the LUNs in configuration order.
   *
   * @return the LUNs
   */
  List<Lun> luns();

  /**
   * Returns the LUN with the given name.
   *
   * @param id the LUN's name
   * @return the LUN
   * @throws NoSuchEntityException when there is no such LUN
   */
  Lun lun(LunId id);

  /**
   * Returns the witness disk, if the quorum model has one.
   *
   * @return the witness LUN
   */
  Optional<Lun> witness();
}
