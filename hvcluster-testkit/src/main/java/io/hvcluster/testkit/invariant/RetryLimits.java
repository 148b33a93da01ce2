package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterGroup;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.event.OperatorAction;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.api.spec.FailoverPolicy;
import io.hvcluster.testkit.check.StepInvariant;
import io.hvcluster.testkit.fault.DurationText;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * S9: retry counters respect their thresholds and windows.
 *
 * <ul>
 *   <li>Failovers: a group fails over at most {@code FailoverThreshold} times (nodes − 1 by default)
 *       within {@code FailoverPeriod}; every {@code FailoverStarted} count, and every group's
 *       {@code failoverCount()}, stays within the threshold.
 *   <li>Restarts: a failed VM is restarted in place (failed, then starting or restoring on the same node)
 *       at most {@code RestartThreshold} times within {@code RestartPeriod}; a start on another node, a
 *       failover of its group (even back onto the same node, the only one left) or an operator's start
 *       begins a new count, as in the engine.
 * </ul>
 */
final class RetryLimits implements StepInvariant {
  private final Cluster cluster;
  private final int nodes;
  private final Map<String, Deque<Long>> failovers = new TreeMap<>();
  private final Map<VmId, Deque<Long>> restarts = new TreeMap<>();
  private final Map<VmId, HostId> failedOn = new TreeMap<>();
  private String violation;
  private boolean failedOver;

  RetryLimits(Cluster cluster) {
    this.cluster = cluster;
    this.nodes = cluster.hosts().size();
  }

  @Override
  public String id() {
    return "S9";
  }

  /** A group's policy is its first VM's, and a group is named after its first VM. */
  private FailoverPolicy policy(String group) {
    return cluster.vm(VmId.of(group)).spec().failover();
  }

  @Override
  public void observe(ClusterEvent event) {
    if (violation != null) {
      return;
    }
    if (event instanceof FailoverStarted) {
      failover((FailoverStarted) event);
    } else if (event instanceof OperatorAction) {
      OperatorAction a = (OperatorAction) event;
      if (a.action().equals("start-all-vms")) {
        failovers.clear();
        restarts.clear();
      } else if (a.action().equals("move-group")) {
        // An operator's move clears the group's failure counts, as a start does.
        String group = a.target().substring(0, a.target().indexOf(" -> "));
        failovers.remove(group);
        cluster.groups().stream().filter(g -> g.name().equals(group)).forEach(g -> g.vms().forEach(restarts::remove));
      } else if (a.action().equals("start-vm")) {
        VmId vm = VmId.of(a.target());
        failovers.remove(cluster.vm(vm).group());
        restarts.remove(vm);
      }
    } else if (event instanceof VmStateChanged) {
      restart((VmStateChanged) event);
    }
  }

  private void failover(FailoverStarted f) {
    failedOver = true;
    // A failover moves the group on, even when the only node left to take it is the one it failed on:
    // the restarts in place begin a new count, as in the engine.
    for (ClusterGroup g : cluster.groups()) {
      if (g.name().equals(f.group())) {
        g.vms().forEach(restarts::remove);
      }
    }
    FailoverPolicy policy = policy(f.group());
    int threshold = policy.effectiveFailoverThreshold(nodes);
    if (f.failoverCount() > threshold) {
      violation = "group " + f.group() + " started failover number " + f.failoverCount() + " but its failover"
          + " threshold is " + threshold + " in " + policy.failoverPeriod().toHours() + " h";
      return;
    }
    Deque<Long> times = failovers.computeIfAbsent(f.group(), g -> new ArrayDeque<>());
    times.addLast(f.timeNanos());
    long window = policy.failoverPeriod().toNanos();
    while (!times.isEmpty() && f.timeNanos() - times.peekFirst() >= window) {
      times.pollFirst();
    }
    if (times.size() > threshold) {
      violation = "group " + f.group() + " failed over " + times.size() + " times within "
          + policy.failoverPeriod().toHours() + " h (since " + DurationText.formatNanos(times.peekFirst())
          + "); its failover threshold is " + threshold;
    }
  }

  private void restart(VmStateChanged v) {
    VmId vm = v.vm();
    if (v.to() == VmState.FAILED) {
      failedOn.put(vm, v.host().orElse(null));
      return;
    }
    if (v.from() != VmState.FAILED || (v.to() != VmState.STARTING && v.to() != VmState.RESTORING)) {
      if (v.to() == VmState.STARTING || v.to() == VmState.RESTORING) {
        HostId last = failedOn.get(vm);
        if (last != null && !v.host().map(last::equals).orElse(false)) {
          restarts.remove(vm); // a start on another node begins a new count
        }
      }
      return;
    }
    HostId last = failedOn.get(vm);
    if (last == null || !v.host().map(last::equals).orElse(false)) {
      restarts.remove(vm);
      return;
    }
    FailoverPolicy policy = cluster.vm(vm).spec().failover();
    Deque<Long> times = restarts.computeIfAbsent(vm, k -> new ArrayDeque<>());
    times.addLast(v.timeNanos());
    long window = policy.restartPeriod().toNanos();
    while (!times.isEmpty() && v.timeNanos() - times.peekFirst() >= window) {
      times.pollFirst();
    }
    if (times.size() > policy.restartThreshold()) {
      violation = vm + " was restarted in place on " + last + " " + times.size() + " times within "
          + policy.restartPeriod().toMinutes() + " min (since " + DurationText.formatNanos(times.peekFirst())
          + "); its restart threshold is " + policy.restartThreshold();
    }
  }

  @Override
  public Optional<String> check(Cluster c, ClusterEvent event) {
    if (violation != null) {
      return Optional.of(violation);
    }
    if (failedOver) {
      failedOver = false;
      for (ClusterGroup g : cluster.groups()) {
        int threshold = policy(g.name()).effectiveFailoverThreshold(nodes);
        if (g.failoverCount() > threshold) {
          return Optional.of("group " + g.name() + " counts " + g.failoverCount() + " failovers, over its threshold of "
              + threshold);
        }
      }
    }
    return Optional.empty();
  }
}
