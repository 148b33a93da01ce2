package io.hvcluster.core.cluster.failover;

import io.hvcluster.api.GroupState;
import io.hvcluster.api.InsufficientCapacityException;
import io.hvcluster.api.event.GroupPlaced;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.core.cluster.model.SimGroup;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimVm;

/**
 * An operator's move of a group, after WSFC's {@code cluster group NAME /moveto:NODE} and Failover
 * Cluster Manager's "Move this service or application to another node" (to a named node, or to the best
 * possible node): an online group moves in a planned way (its single running VM with the planned-move
 * strategy, Quick Migration by default; several VMs with their offline action); a group that is offline
 * or failed is brought online on the target. An operator's move is not a failover: it does not count
 * against {@code FailoverThreshold}, and, like an operator's start, it clears a group left failed by
 * that threshold. Every refusal names what stands in the way.
 */
final class OperatorMoves {
  /** Who decides an operator's move to a named node, as {@link GroupPlaced} names it. */
  static final String OPERATOR_DECIDER = "operator";

  private final Failover f;

  OperatorMoves(Failover failover) {
    this.f = failover;
  }

  /** Checks that {@code g} may move at all now (it is not busy); throws with the reason if not. */
  void checkGroup(SimGroup g) {
    if (g.activity() != SimGroup.Activity.IDLE && g.activity() != SimGroup.Activity.STARTING) {
      throw new IllegalStateException("group '" + g.name() + "' is busy (" + g.activity().name().toLowerCase(
          java.util.Locale.ROOT) + "); move it when that has ended");
    }
    if (g.members().stream().anyMatch(v -> v.migration() != null)) {
      throw new IllegalStateException("group '" + g.name() + "' has a migration under way; move it when that has ended");
    }
  }

  /** Checks that {@code g} may move to {@code target} now; throws with the reason if not. */
  void check(SimGroup g, SimHost target) {
    checkGroup(g);
    if (!target.canHostGroups() || !f.membership.isActive(target)) {
      throw new IllegalStateException(target.describe() + " is " + target.nodeState() + "; a group moves only to an"
          + " up, unpaused member of the partition with quorum");
    }
    if (g.ownerNode() == target && g.groupState() == GroupState.ONLINE) {
      throw new IllegalArgumentException("group '" + g.name() + "' is already online on " + target.id());
    }
    String refusal = f.placement.operatorRefusal(g, target);
    if (refusal != null) {
      String why = "group '" + g.name() + "' cannot move to " + target.id() + ": " + refusal;
      if (refusal.startsWith("it lacks")) {
        throw new InsufficientCapacityException(why);
      }
      if (refusal.startsWith("it is not a possible owner")) {
        throw new IllegalArgumentException(why);
      }
      throw new IllegalStateException(why);
    }
  }

  /**
   * Moves {@code g}, checked by {@link #check}, to {@code target}; {@code named} when the operator named
   * the node (the decision is then reported as the operator's), false when the placement policy chose it
   * (and reported it) for a move to the best possible node.
   */
  void move(SimGroup g, SimHost target, boolean named) {
    String why = "moved by operator to " + target.id();
    if (named) {
      f.cluster.emit(new GroupPlaced(f.cluster.now(), f.cluster.name(), g.name(), target.id(), OPERATOR_DECIDER,
          "named by the operator (move-group)"));
    }
    g.operatorMoves(f.cluster.now());
    // The operator's choice stands: a node the group was avoiding after a failure there is no exception.
    g.avoid(null);
    if (Reconciler.runsAnyOn(g, g.ownerNode()) && g.groupState() != GroupState.FAILED) {
      f.moves.moveGroup(g, target, PlacementReason.MOVE, why);
      return;
    }
    // Nothing of the group runs: it comes online on the target (an operator-stopped group only changes owner).
    for (SimVm vm : g.members()) {
      if (vm.vmState().holdsMemory()) {
        f.lifecycle.kill(vm, "group " + g.name() + " " + why);
      }
    }
    if (g.groupState() == GroupState.OFFLINE) {
      g.setOwner(null);
    } else {
      g.endStart();
      g.moveTo(GroupState.OFFLINE, null, why);
    }
    g.planMove(target);
    g.nextReason(PlacementReason.MOVE);
    if (!g.wantsOnline()) {
      g.setOwner(target);
    }
    f.reconciler.kick();
  }

  /**
   * Returns the node the placement policy chooses for {@code g} among the up, unpaused members other than
   * its owner; throws with the policy's reason when there is none.
   */
  SimHost best(SimGroup g) {
    // A busy group is refused before the policy is asked: asking would forget a drain's planned target.
    checkGroup(g);
    SimHost owner = g.ownerNode();
    SimHost avoided = g.avoided();
    g.avoid(owner);
    SimHost chosen;
    try {
      chosen = f.placement.place(g, PlacementReason.MOVE);
    } finally {
      g.avoid(avoided);
    }
    if (chosen == null || chosen == owner && owner != null) {
      throw new IllegalStateException("group '" + g.name() + "' has no better node than "
          + (owner == null ? "none" : owner.id()) + ": " + g.lastReason());
    }
    return chosen;
  }
}
