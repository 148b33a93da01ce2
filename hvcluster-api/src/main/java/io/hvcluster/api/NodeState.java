package io.hvcluster.api;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The state of a cluster node, after WSFC's {@code CLUSTER_NODE_STATE}.
 *
 * <pre>
 *            start service             joined
 *   DOWN ------------------&gt; JOINING ----------&gt; UP &lt;----------.
 *    ^  ^                      |                  |   pause     | resume
 *    |  '----------------------'                  v             |
 *    |        join failed / crash              PAUSED ----------'
 *    |                                            |
 *    '----- crash, power loss, evicted, ----------'  (and from UP)
 *           lost quorum, service stopped
 * </pre>
 *
 * <p>A {@link #PAUSED} node stays in membership and votes, but owns no groups: that is how a node is
 * taken out for maintenance. A node is {@link #DOWN} when its cluster service is not running for any
 * reason, including power loss and eviction after missed heartbeats.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum NodeState {
  /** The cluster service is starting and the node is joining the membership. */
  JOINING,
  /** The node is a member and may own groups. */
  UP,
  /** The node is a member but owns no groups (maintenance). */
  PAUSED,
  /** The node's cluster service is not running, or the node is not a member. */
  DOWN;

  private static final Map<NodeState, Set<NodeState>> NEXT = Transitions.table(NodeState.class,
      JOINING, EnumSet.of(UP, DOWN),
      UP, EnumSet.of(PAUSED, DOWN),
      PAUSED, EnumSet.of(UP, DOWN),
      DOWN, EnumSet.of(JOINING));

  /**
   * Returns the states this state may move to.
   *
   * @return an immutable set
   */
  public Set<NodeState> successors() {
    return NEXT.get(this);
  }

  /**
   * Returns whether this state may move to {@code next}.
   *
   * @param next the candidate next state
   * @return true when the transition table allows it
   */
  public boolean canTransitionTo(NodeState next) {
    return NEXT.get(this).contains(next);
  }

  /**
   * Returns {@code next} when this state may move to it, and throws otherwise.
   *
   * @param entity the entity, for the message (for example {@code "node 'n1'"})
   * @param next the requested state
   * @param cause what asked for the transition
   * @return {@code next}
   * @throws IllegalStateTransitionException when the transition is not in the table
   */
  public NodeState checkTransition(String entity, NodeState next, String cause) {
    return Transitions.check(NEXT, entity, this, next, cause);
  }
}
