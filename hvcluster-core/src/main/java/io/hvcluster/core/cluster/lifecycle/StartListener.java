package io.hvcluster.core.cluster.lifecycle;

import io.hvcluster.core.cluster.model.SimVm;
import org.apiguardian.api.API;

/**
 * Hears how a VM's start ended when it did not end with the VM running: the failover engine decides what
 * happens next (the restart policy, another pass of the reconciler).
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface StartListener {
  /**
   * The start failed on its node (a broken configuration or disk, or the pending timeout): the VM's
   * resource failed.
   *
   * @param vm the VM, still starting on its node
   * @param why why the start failed
   */
  void startFailed(SimVm vm, String why);

  /**
   * The start ended without the VM running: it was stopped or killed while starting, or it waited for a
   * slot and is no longer wanted.
   *
   * @param vm the VM
   */
  void startCancelled(SimVm vm);

  /**
   * The start could not begin: its node stopped running.
   *
   * @param vm the VM
   * @param why why it could not begin
   */
  void startAbandoned(SimVm vm, String why);
}
