package io.hvcluster.core.cluster.model;

import io.hvcluster.api.VmState;
import org.apiguardian.api.API;

/**
 * What the rest of the engine hears from the entities: the changes other parts react to. The entities
 * know nothing of those parts; the cluster's wiring connects one listener that hands each change to the
 * part that owns the reaction.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface EntityListener {
  /**
   * A VM's instance changed state; called right after its {@code VmStateChanged} event (availability
   * accounting and guest clusters react).
   *
   * @param vm the VM
   * @param from its state before
   * @param why the reason of the change
   */
  void vmChanged(SimVm vm, VmState from, String why);

  /** An arbitration for the witness ended; the membership decides quorum again. */
  void witnessArbitrated();

  /**
   * A node lost its reservation on a LUN to another node (fencing reacts).
   *
   * @param previous the former holder
   * @param lun the LUN
   */
  void reservationLost(SimHost previous, SimLun lun);
}
