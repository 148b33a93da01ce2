package io.hvcluster.api.spec;

import org.apiguardian.api.API;

/**
 * What happens to a running VM when its group is taken offline or moved by quick migration, after the
 * cluster VM resource's {@code OfflineAction}. It does not apply to unplanned failover.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum OfflineAction {
  /** Save the VM's state to disk (default). */
  SAVE,
  /** Shut the guest down cleanly. */
  SHUT_DOWN,
  /** Force the guest to shut down. */
  SHUT_DOWN_FORCED,
  /** Turn the VM off, losing its state. */
  TURN_OFF
}
