package io.hvcluster.core.cluster.migration;

import io.hvcluster.api.HostId;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Windows Server 2008 R2's rule that a host is the source of at most one live migration at a time: the
 * migration under way out of each host, and the ones waiting behind it in the order they were asked for.
 * A host's turn passes on when its migration switches over (the VM runs on the target) or ends however
 * it ends; the next waiting migration then starts at once.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class MigrationQueue {
  private final Map<HostId, MigrationRun> running = new HashMap<>();
  private final Map<HostId, ArrayDeque<MigrationRun>> waiting = new HashMap<>();

  /** Creates an empty queue: no host has a migration under way. */
  public MigrationQueue() {}

  /** Whether {@code run} may start now; if not, it waits behind the migration out of its source. */
  boolean admit(MigrationRun run) {
    HostId source = run.source().id();
    if (!running.containsKey(source)) {
      running.put(source, run);
      return true;
    }
    waiting.computeIfAbsent(source, h -> new ArrayDeque<>()).addLast(run);
    return false;
  }

  /**
   * {@code run} no longer holds its source's turn (it switched over or ended), or no longer waits (it
   * was aborted); the next waiting migration, if any, takes the turn and is returned, else null.
   */
  MigrationRun release(MigrationRun run) {
    HostId source = run.source().id();
    ArrayDeque<MigrationRun> queue = waiting.get(source);
    if (running.get(source) != run) {
      if (queue != null) {
        queue.remove(run);
      }
      return null;
    }
    running.remove(source);
    MigrationRun next = queue == null ? null : queue.pollFirst();
    if (next != null) {
      running.put(source, next);
    }
    return next;
  }
}
