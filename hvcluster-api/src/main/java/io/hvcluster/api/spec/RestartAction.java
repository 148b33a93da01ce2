package io.hvcluster.api.spec;

import org.apiguardian.api.API;

/**
 * What the cluster does when a VM resource fails, after WSFC's {@code RestartAction}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum RestartAction {
  /** Leave the resource failed. */
  DONT_RESTART,
  /** Restart on the same node; never fail the group over. */
  RESTART_NO_NOTIFY,
  /** Restart on the same node; when the restart threshold is exceeded, fail the group over (default). */
  RESTART_NOTIFY
}
