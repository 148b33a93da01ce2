package io.hvcluster.core.cluster.model;

import java.util.ArrayDeque;
import org.apiguardian.api.API;

/**
 * A node's start slots: at most {@code maxConcurrentStartsPerNode} VMs boot or restore on a node at once
 * (WSFC's default is 32); further starts wait in order for a slot. When the node stops running, its
 * queued starts are dropped, and a start already taken off the queue sees from the epoch that it was.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class StartSlots {
  /**
   * A start waiting for a slot.
   *
   * @param vm the VM to start
   * @param run what starts it when a slot frees
   * @since 0.1.0
   */
  @API(status = API.Status.INTERNAL, since = "0.1.0")
  public record Queued(SimVm vm, Runnable run) {
  }

  private final SimHost host;
  private int inProgress;
  private final ArrayDeque<Queued> queue = new ArrayDeque<>();
  /** Counts {@link #drop} calls, so that a start already taken off the queue is dropped too. */
  private long epoch;

  StartSlots(SimHost host) {
    this.host = host;
  }

  /** Returns whether every slot is taken, with {@code max} slots on the node. */
  public boolean full(int max) {
    return inProgress >= max;
  }

  /** A VM takes a slot. */
  void taken() {
    inProgress++;
  }

  /** A VM gives its slot back; returns the oldest start waiting for one, or null. */
  Queued freed() {
    inProgress = Math.max(0, inProgress - 1);
    return queue.poll();
  }

  /** Queues a start of {@code vm} until a slot frees. */
  public void queue(SimVm vm, Runnable run) {
    queue.add(new Queued(vm, run));
  }

  /** Returns the current epoch: a queued start of an older epoch was dropped. */
  public long epoch() {
    return epoch;
  }

  /** Forgets the starts waiting for a slot: the node stopped running them. */
  void drop() {
    epoch++;
    for (Queued queued : queue) {
      queued.vm().dequeued(host);
    }
    queue.clear();
  }

  /** No VM holds a slot any more: the node's instances are gone. */
  void reset() {
    inProgress = 0;
  }
}
