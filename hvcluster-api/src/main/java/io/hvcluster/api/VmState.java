package io.hvcluster.api;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The state of a virtual machine as Hyper-V reports it.
 *
 * <pre>
 *          start            booted
 *   OFF ----------&gt; STARTING -------&gt; RUNNING ---- shut down ---&gt; STOPPING ---&gt; OFF
 *    ^ ^               |  \            | |  \
 *    | |  host lost    |   \ failed    | |   \ live migration       save        restore
 *    | '---------------'    v          | |    '--&gt; MIGRATING     RUNNING --&gt; SAVING --&gt; SAVED --&gt; RESTORING --&gt; RUNNING
 *    |                    FAILED &lt;-----' |          (to RUNNING on the target, or back on the source)
 *    '------- cleaned up --'   '-- restart --&gt; STARTING
 * </pre>
 *
 * <p>A VM whose host crashes goes to {@link #OFF} from any state in which it was executing or being
 * moved; the cluster then decides whether to start it elsewhere. {@link #FAILED} is a failure of the VM
 * resource on a live host (a crash, a hung guest, a boot that exceeded its pending timeout); the
 * restart policy decides what happens next.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum VmState {
  /** Not running and holding no memory. */
  OFF,
  /** Booting (cold start); counts as online-pending for the cluster. */
  STARTING,
  /** Running on its host. */
  RUNNING,
  /** Paused and writing its memory to a saved-state file. */
  SAVING,
  /** Memory saved to disk; not running. */
  SAVED,
  /** Reading a saved state back into memory. */
  RESTORING,
  /** Running on the source while a live migration copies its memory. */
  MIGRATING,
  /** Shutting down. */
  STOPPING,
  /** The VM resource failed on a live host. */
  FAILED;

  private static final Map<VmState, Set<VmState>> NEXT = Transitions.table(VmState.class,
      OFF, EnumSet.of(STARTING),
      STARTING, EnumSet.of(RUNNING, FAILED, OFF, STOPPING),
      RUNNING, EnumSet.of(STOPPING, SAVING, MIGRATING, FAILED, OFF),
      SAVING, EnumSet.of(SAVED, RUNNING, FAILED, OFF),
      SAVED, EnumSet.of(RESTORING, OFF),
      RESTORING, EnumSet.of(RUNNING, FAILED, SAVED, OFF),
      MIGRATING, EnumSet.of(RUNNING, SAVING, FAILED, OFF),
      STOPPING, EnumSet.of(OFF, FAILED),
      FAILED, EnumSet.of(STARTING, OFF));

  /**
   * Returns the states this state may move to.
   *
   * @return an immutable set
   */
  public Set<VmState> successors() {
    return NEXT.get(this);
  }

  /**
   * Returns whether this state may move to {@code next}.
   *
   * @param next the candidate next state
   * @return true when the transition table allows it
   */
  public boolean canTransitionTo(VmState next) {
    return NEXT.get(this).contains(next);
  }

  /**
   * Returns {@code next} when this state may move to it, and throws otherwise.
   *
   * @param entity the entity, for the message (for example {@code "VM 'web1'"})
   * @param next the requested state
   * @param cause what asked for the transition
   * @return {@code next}
   * @throws IllegalStateTransitionException when the transition is not in the table
   */
  public VmState checkTransition(String entity, VmState next, String cause) {
    return Transitions.check(NEXT, entity, this, next, cause);
  }

  /**
   * Returns whether a VM in this state executes guest code on its host (and so must not execute
   * anywhere else).
   *
   * @return true for {@link #STARTING}, {@link #RUNNING}, {@link #MIGRATING} and {@link #STOPPING}
   */
  public boolean isExecuting() {
    return this == STARTING || this == RUNNING || this == MIGRATING || this == STOPPING;
  }

  /**
   * Returns whether a VM in this state holds memory on its host.
   *
   * @return true for every state but {@link #OFF}, {@link #SAVED} and {@link #FAILED}
   */
  public boolean holdsMemory() {
    return this != OFF && this != SAVED && this != FAILED;
  }
}
