package io.hvcluster.api;

import io.hvcluster.api.event.ClusterEvent;
import org.apiguardian.api.API;

/**
 * Receives the events of a simulation in order, on the simulation's thread. A listener must not throw;
 * if it does, the simulation stops and rethrows.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
@FunctionalInterface
public interface ClusterListener {
  /**
   * Receives one event.
   *
   * @param event the event, carrying its virtual time
   */
  void onEvent(ClusterEvent event);
}
