package io.hvcluster.api;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The state of a shared-storage LUN (a physical disk resource of the cluster).
 *
 * <pre>
 *             arbitrate               won
 *   OFFLINE ------------&gt; ARBITRATING ------&gt; ONLINE(owner)
 *     ^  ^                  |      |            |     |
 *     |  '-- lost ----------'      | storage    |     | challenged: owner defends
 *     |                            | lost       |     '--&gt; ARBITRATING
 *     |                            v            |
 *     '--- storage back ------- FAILED &lt;--------'  (all paths lost, LUN offline)
 *          released: ONLINE --&gt; OFFLINE
 *          storage back with the persistent reservation still registered: FAILED --&gt; ONLINE(owner)
 * </pre>
 *
 * <p>Ownership follows SCSI-3 persistent reservations: a node registers its key, reserves the LUN, and a
 * challenger preempts the reservation of an owner that no longer defends it.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum LunState {
  /** No node holds the reservation. */
  OFFLINE,
  /** A node is arbitrating for the reservation. */
  ARBITRATING,
  /** A node holds the reservation and the LUN is usable. */
  ONLINE,
  /** The LUN is unreachable or offline at the storage. */
  FAILED;

  private static final Map<LunState, Set<LunState>> NEXT = Transitions.table(LunState.class,
      OFFLINE, EnumSet.of(ARBITRATING, FAILED),
      ARBITRATING, EnumSet.of(ONLINE, OFFLINE, FAILED),
      ONLINE, EnumSet.of(ARBITRATING, OFFLINE, FAILED),
      FAILED, EnumSet.of(OFFLINE, ARBITRATING, ONLINE));

  /**
   * Returns the states this state may move to.
   *
   * @return an immutable set
   */
  public Set<LunState> successors() {
    return NEXT.get(this);
  }

  /**
   * Returns whether this state may move to {@code next}.
   *
   * @param next the candidate next state
   * @return true when the transition table allows it
   */
  public boolean canTransitionTo(LunState next) {
    return NEXT.get(this).contains(next);
  }

  /**
   * Returns {@code next} when this state may move to it, and throws otherwise.
   *
   * @param entity the entity, for the message (for example {@code "LUN 'lun-web1'"})
   * @param next the requested state
   * @param cause what asked for the transition
   * @return {@code next}
   * @throws IllegalStateTransitionException when the transition is not in the table
   */
  public LunState checkTransition(String entity, LunState next, String cause) {
    return Transitions.check(NEXT, entity, this, next, cause);
  }
}
