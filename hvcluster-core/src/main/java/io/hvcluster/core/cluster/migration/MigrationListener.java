package io.hvcluster.core.cluster.migration;

import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimVm;
import org.apiguardian.api.API;

/**
 * What the failover engine hears from the migration runtime.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface MigrationListener {
  /** A migration ended, however it ended: the groups need another look. */
  void migrationEnded();

  /**
   * A migration's save froze on a hung host and the migration ended; the host has now resumed, still a
   * member. The engine decides whether the VM runs on there or stops.
   *
   * @param vm the VM, still saving on {@code host}
   * @param host the host that resumed
   * @param why why the save was abandoned
   */
  void frozenSaveAbandoned(SimVm vm, SimHost host, String why);
}
