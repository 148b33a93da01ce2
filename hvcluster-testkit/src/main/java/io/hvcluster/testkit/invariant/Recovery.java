package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterGroup;
import io.hvcluster.api.GroupState;
import io.hvcluster.api.Host;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.testkit.check.FailureClass;
import io.hvcluster.testkit.check.FinalCheck;
import io.hvcluster.testkit.fault.DurationText;
import io.hvcluster.testkit.history.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * L1: after the heal phase, every VM that should run and fits runs again within the recovery bound.
 *
 * <p>A VM should run when an operator started it (or started all VMs) and has not stopped it since.
 * Excused, with a note in the history: a VM whose group exceeded its failover threshold (it stays
 * failed, visibly, until an operator acts, as DESIGN §5 says), and every VM when the wanted groups do
 * not fit, first-fit decreasing by memory, on the nodes that are up and not paused.
 */
final class Recovery implements FinalCheck {
  /** How the engine says that a group exceeded its failover threshold. */
  static final String FAILOVER_THRESHOLD_EXCEEDED = "failover threshold exceeded";

  private final RunFacts facts;
  private final long healAt;
  private final LivenessBound bound;

  Recovery(RunFacts facts, long healAt, LivenessBound bound) {
    this.facts = facts;
    this.healAt = healAt;
    this.bound = bound;
  }

  @Override
  public String id() {
    return "L1";
  }

  @Override
  public FailureClass failureClass() {
    return FailureClass.LIVENESS;
  }

  @Override
  public Optional<String> check(Cluster cluster, History history) {
    long deadline = healAt + bound.recovery().toNanos();
    long now = history.size() == 0 ? deadline : history.entries().get(history.size() - 1).timeNanos();
    if (!fits(cluster)) {
      history.event(now, "liveness-note", "L1 not applicable: the VMs that should run do not fit on the nodes that"
          + " are up and not paused");
      return Optional.empty();
    }
    int nodes = cluster.hosts().size();
    List<String> late = new ArrayList<>();
    for (VirtualMachine vm : cluster.vms()) {
      if (!facts.wanted(vm.id()) || vm.isOperatorStopped()) {
        continue;
      }
      ClusterGroup g = cluster.group(vm.group());
      int threshold = vm.spec().failover().effectiveFailoverThreshold(nodes);
      // The lock outlives the failover period: once the period has passed the count shows fewer
      // failovers, but the group stays failed until an operator starts it, and says why.
      if (g.state() == GroupState.FAILED && (g.failoverCount() >= threshold
          || g.lastReason().contains(FAILOVER_THRESHOLD_EXCEEDED))) {
        history.event(now, "liveness-note", vm.id() + " needs an operator: group " + g.name() + " exceeded its"
            + " failover threshold of " + threshold + " (" + g.lastReason() + ")");
        continue;
      }
      long since = facts.runningSince(vm.id());
      if (vm.state() != VmState.RUNNING || since < 0) {
        late.add(vm.id() + " is " + vm.state() + vm.host().map(h -> " on " + h).orElse("") + " (" + vm.lastReason() + ")");
      } else if (since > deadline) {
        late.add(vm.id() + " ran again only at " + DurationText.formatNanos(since));
      }
    }
    if (late.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(late.size() + (late.size() == 1 ? " VM" : " VMs") + " that should run did not run again by "
        + DurationText.formatNanos(deadline) + " (heal phase at " + DurationText.formatNanos(healAt) + " + bound "
        + DurationText.format(bound.recovery()) + "): " + String.join("; ", late) + ". Bound: " + bound.explain());
  }

  /** Whether the wanted groups fit, first-fit decreasing by memory, on up, unpaused nodes. */
  private boolean fits(Cluster cluster) {
    List<Long> free = new ArrayList<>();
    for (Host h : cluster.hosts()) {
      if (h.state() == NodeState.UP && h.isRunning()) {
        free.add(h.spec().vmMemoryBytes());
      }
    }
    List<Long> groups = new ArrayList<>();
    for (ClusterGroup g : cluster.groups()) {
      long need = 0;
      for (VmId id : g.vms()) {
        VirtualMachine vm = cluster.vm(id);
        if (facts.wanted(id) && !vm.isOperatorStopped()) {
          need += vm.spec().memoryBytes();
        }
      }
      if (need > 0) {
        groups.add(need);
      }
    }
    groups.sort((a, b) -> Long.compare(b, a));
    for (long need : groups) {
      int slot = -1;
      for (int i = 0; i < free.size() && slot < 0; i++) {
        if (free.get(i) >= need) {
          slot = i;
        }
      }
      if (slot < 0) {
        return false;
      }
      free.set(slot, free.get(slot) - need);
    }
    return true;
  }
}
