package io.hvcluster.api;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The state of a cluster group (a "service or application" holding one or more VMs and their disks)
 * and of the resources in it, after WSFC's {@code CLUSTER_RESOURCE_STATE}.
 *
 * <pre>
 *              bring online              online
 *   OFFLINE ----------------&gt; ONLINE_PENDING -----&gt; ONLINE
 *     ^  ^                      |      |             |  |
 *     |  |    owner lost        |      | failed /    |  | take offline
 *     |  '----------------------'      | timeout     |  v
 *     |                                v             | OFFLINE_PENDING ---&gt; OFFLINE
 *     |                                              |   (cancelled: back to ONLINE)
 *     '------- owner lost ---------- FAILED &lt;--------'
 *                                    |  ^
 *                 restart / failover '--'--&gt; ONLINE_PENDING
 * </pre>
 *
 * <p>A group that exhausted its failover threshold stays {@link #FAILED} until an operator acts; an
 * offline group whose node failed goes straight to {@link #FAILED} when its threshold is already spent.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum GroupState {
  /** Offline and not being brought online. */
  OFFLINE,
  /** Being brought online; bounded by the pending timeout. */
  ONLINE_PENDING,
  /** Online on its owner node. */
  ONLINE,
  /** Being taken offline. */
  OFFLINE_PENDING,
  /** A resource in the group failed. */
  FAILED;

  private static final Map<GroupState, Set<GroupState>> NEXT = Transitions.table(GroupState.class,
      OFFLINE, EnumSet.of(ONLINE_PENDING, FAILED),
      ONLINE_PENDING, EnumSet.of(ONLINE, FAILED, OFFLINE, OFFLINE_PENDING),
      ONLINE, EnumSet.of(OFFLINE_PENDING, FAILED, OFFLINE),
      OFFLINE_PENDING, EnumSet.of(OFFLINE, FAILED, ONLINE),
      FAILED, EnumSet.of(ONLINE_PENDING, OFFLINE));

  /**
   * Returns the states this state may move to.
   *
   * @return an immutable set
   */
  public Set<GroupState> successors() {
    return NEXT.get(this);
  }

  /**
   * Returns whether this state may move to {@code next}.
   *
   * @param next the candidate next state
   * @return true when the transition table allows it
   */
  public boolean canTransitionTo(GroupState next) {
    return NEXT.get(this).contains(next);
  }

  /**
   * Returns {@code next} when this state may move to it, and throws otherwise.
   *
   * @param entity the entity, for the message (for example {@code "group 'web1'"})
   * @param next the requested state
   * @param cause what asked for the transition
   * @return {@code next}
   * @throws IllegalStateTransitionException when the transition is not in the table
   */
  public GroupState checkTransition(String entity, GroupState next, String cause) {
    return Transitions.check(NEXT, entity, this, next, cause);
  }
}
