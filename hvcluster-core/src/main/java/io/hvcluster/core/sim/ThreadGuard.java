package io.hvcluster.core.sim;

import io.hvcluster.api.WrongThreadException;
import org.apiguardian.api.API;

/**
 * Confines a simulation to the thread that created it. Every public entry point calls {@link #check()},
 * which fails fast with a message naming both threads.
 *
 * <p>Thread-safe: it only reads an immutable owner.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ThreadGuard {
  private final Thread owner;
  private final String what;

  /**
   * Creates a guard owned by the current thread.
   *
   * @param what the guarded object, for messages
   */
  public ThreadGuard(String what) {
    this.owner = Thread.currentThread();
    this.what = what;
  }

  /** Throws unless called from the owner thread. */
  public void check() {
    Thread current = Thread.currentThread();
    if (current != owner) {
      throw new WrongThreadException(what + " is confined to thread '" + owner.getName() + "' that created it, but was called"
          + " from thread '" + current.getName() + "'; drive each simulation from a single thread");
    }
  }
}
