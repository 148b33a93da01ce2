package io.hvcluster.core.cluster.failover;

import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.event.GroupPlaced;
import io.hvcluster.api.event.PlacementFailed;
import io.hvcluster.api.placement.PlacementDecision;
import io.hvcluster.api.placement.PlacementReason;
import io.hvcluster.api.placement.PlacementRequest;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.SimGroup;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimVm;
import io.hvcluster.core.defect.Defects;
import io.hvcluster.core.placement.HardRequirements;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a group goes: the candidates (up, unpaused members of the active partition with a path to the
 * group's storage, the node to avoid only as a last resort), the request to the placement policy (or a
 * planned move's target), the check of its answer against the {@link HardRequirements} every placement
 * path shares, and the record of a placement that failed.
 */
final class GroupPlacement {
  private final Failover f;
  /** The gate of {@code Defect.PLACE_ON_PAUSED_NODES}: whether a paused node counts as a candidate. */
  private final boolean pausedNodesTakeGroups;

  GroupPlacement(Failover failover, Defects defects) {
    this.f = failover;
    this.pausedNodesTakeGroups = defects.placesOnPausedNodes();
  }

  /** Whether a node may take a group now: an up member that runs (a paused one too under the defect). */
  private boolean takesGroups(SimHost h) {
    return h.canHostGroups() || pausedNodesTakeGroups && h.nodeState() == NodeState.PAUSED && h.sendsHeartbeats();
  }

  /** Asks the placement policy for a node and checks its answer against the hard constraints. */
  SimHost place(SimGroup g, PlacementReason reason) {
    // A node without a path to the group's storage cannot bring its disks online: WSFC moves on to the
    // next node, so such a node is no candidate at all.
    List<Host> candidates = new ArrayList<>();
    List<HostId> pathless = new ArrayList<>();
    for (SimHost h : f.membership.active()) {
      if (takesGroups(h) && h != g.avoided()) {
        if (storageReachable(g, h)) {
          candidates.add(h);
        } else {
          pathless.add(h.id());
        }
      }
    }
    // The node the group failed over from is a last resort: taken when no other node can take the group.
    SimHost avoided = g.avoided();
    boolean lastResort = avoided != null && takesGroups(avoided) && f.membership.isActive(avoided)
        && storageReachable(g, avoided);
    if (candidates.isEmpty() && lastResort) {
      candidates.add(avoided);
      lastResort = false;
    }
    // The VMs to run: an operator-stopped VM of the group takes no memory where the group goes.
    List<VirtualMachine> vms = new ArrayList<>();
    for (SimVm vm : g.members()) {
      if (vm.wanted()) {
        vms.add(vm);
      }
    }
    if (vms.isEmpty()) {
      vms.addAll(g.members());
    }
    PlacementRequest request = new PlacementRequest(f.api, g, vms, candidates, reason,
        Optional.ofNullable(g.previousOwner()).map(SimHost::id));
    if (candidates.isEmpty()) {
      placementFailed(g, pathless.isEmpty() ? "no node is up and unpaused in the active partition"
          : "no up, unpaused node of the active partition can reach the group's storage (no path from "
              + pathless.stream().map(HostId::toString).collect(Collectors.joining(", ")) + ")");
      return null;
    }
    PlacementDecision decision;
    SimHost planned = g.plannedTarget();
    if (planned != null) {
      // The memory the planned move promised on its target is the group's own, not room it lacks.
      g.releaseReservation();
    }
    if (lastResort && noneCanTake(g, request)) {
      // Every other node lacks the room, or is no possible owner: WSFC tries the node the group failed on
      // too rather than leave the group offline while that node could run it.
      List<Host> all = new ArrayList<>();
      for (SimHost h : f.membership.active()) {
        if (h == avoided || candidates.contains(h)) {
          all.add(h);
        }
      }
      candidates = all;
      request = new PlacementRequest(f.api, g, vms, candidates, reason,
          Optional.ofNullable(g.previousOwner()).map(SimHost::id));
    }
    boolean plannedMove = planned != null && candidates.contains(planned) && fits(g, planned);
    g.forgetPlannedTarget();
    if (plannedMove) {
      decision = PlacementDecision.choose(planned.id(), "planned move");
    } else {
      decision = f.placementPolicy().place(request);
    }
    if (decision.host().isEmpty()) {
      placementFailed(g, decision.reason());
      return null;
    }
    HostId chosen = decision.host().get();
    SimHost target = f.cluster.hostOrNull(chosen);
    String refusal = target == null ? "it is not a node of the cluster"
        : !candidates.contains(target) ? "it is not an up, unpaused member"
        : refusal(g, request, target);
    if (refusal != null) {
      placementFailed(g, f.placementPolicy().name() + " chose " + chosen + " but " + refusal);
      return null;
    }
    g.placed();
    if (plannedMove) {
      // Decided, and reported, when the move was planned (by the placement policy for a drain, by the
      // failback policy for a failback).
      return target;
    }
    f.cluster.emit(new GroupPlaced(f.cluster.now(), f.cluster.name(), g.name(), chosen, f.placementPolicy().name(),
        decision.reason()));
    return target;
  }

  /**
   * Checks a node an operator moves the group to against the hard requirements of every VM of the
   * group; returns why it is refused, or null.
   */
  String operatorRefusal(SimGroup g, SimHost target) {
    PlacementRequest request = new PlacementRequest(f.api, g, new ArrayList<VirtualMachine>(g.members()),
        List.of(target), PlacementReason.MOVE, Optional.ofNullable(g.ownerNode()).map(SimHost::id));
    return refusal(g, request, target);
  }

  /**
   * Checks a candidate the policy chose against the hard requirements of every VM of the group (an
   * operator-stopped one too: the group's LUNs move as a whole), with the memory its wanted VMs still
   * need there; returns why it is refused, or null.
   */
  private String refusal(SimGroup g, PlacementRequest request, SimHost target) {
    PlacementRequest whole = request.vms().size() == g.members().size() ? request
        : new PlacementRequest(f.api, g, new ArrayList<VirtualMachine>(g.members()), request.candidates(),
            request.reason(), request.previousOwner());
    List<HardRequirements.Unmet> unmet = HardRequirements.unmet(whole, pendingMemory(g, target), target);
    if (unmet.isEmpty()) {
      return null;
    }
    HardRequirements.Unmet first = unmet.get(0);
    if (first instanceof HardRequirements.NotPossibleOwner) {
      return "it is not a possible owner";
    }
    if (first instanceof HardRequirements.NotEnoughMemory memory) {
      return "it lacks " + ClusterModel.size(memory.neededBytes()) + " of free memory";
    }
    return "it cannot reach the group's storage";
  }

  /** Whether no candidate of {@code request} meets the hard requirements of the group. */
  private boolean noneCanTake(SimGroup g, PlacementRequest request) {
    for (Host h : request.candidates()) {
      if (refusal(g, request, (SimHost) h) == null) {
        return false;
      }
    }
    return true;
  }

  /** Whether the wanted VMs of the group that do not hold memory on {@code h} fit in its free memory. */
  static boolean fits(SimGroup g, SimHost h) {
    return pendingMemory(g, h) <= h.freeBytes();
  }

  void placementFailed(SimGroup g, String why) {
    String waiting = "waiting: " + why;
    for (SimVm vm : g.members()) {
      // A VM that should run but cannot be placed says why itself, not only through its group; and its
      // pending start, if it has one, is now downtime (counted from when the start was asked for).
      if (vm.wanted() && Reconciler.needsBoot(vm) && vm.queuedOn() == null) {
        vm.note(waiting);
        f.availability.startHeldUp(vm, waiting);
      }
    }
    if (g.placementFailed(why, waiting)) {
      f.cluster.emit(new PlacementFailed(f.cluster.now(), f.cluster.name(), g.name(), why));
    }
  }


  /** Memory the wanted VMs of the group still need on {@code host}. */
  static long pendingMemory(SimGroup g, SimHost host) {
    long need = 0;
    for (SimVm vm : g.members()) {
      if (vm.wanted() && !(vm.node() == host && vm.vmState().holdsMemory())) {
        need += vm.spec().memoryBytes();
      }
    }
    return need;
  }

  /** Returns the description of the first of the group's LUNs {@code host} cannot reach, or null. */
  String unreachableLun(SimGroup g, SimHost host) {
    for (SimVm vm : g.members()) {
      for (var id : vm.spec().luns()) {
        var lun = f.cluster.storage().get(id);
        if (!lun.usableFrom(host)) {
          return lun.describe();
        }
      }
    }
    return null;
  }

  boolean storageReachable(SimGroup g, SimHost host) {
    return unreachableLun(g, host) == null;
  }
}
