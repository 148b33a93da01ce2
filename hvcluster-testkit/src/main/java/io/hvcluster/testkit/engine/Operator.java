package io.hvcluster.testkit.engine;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.core.Simulation;
import io.hvcluster.testkit.history.History;
import io.hvcluster.testkit.property.Seeds;
import io.hvcluster.testkit.workload.Operation;
import io.hvcluster.testkit.workload.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Performs a workload's operations on the cluster and records them as client processes in the history. */
final class Operator implements ClusterListener {
  /** The text the engine adds to a migration's reason when its acknowledgement was lost. */
  static final String ACK_LOST = "acknowledgement was lost";

  private final Workload workload;
  private final Simulation simulation;
  private final Cluster cluster;
  private final long seed;
  private final History history;
  private final MigrationStrategies strategies;
  /** Migrate operations waiting for their migration to end: the VM and the operation's process. */
  private final Map<VmId, Integer> migrating = new TreeMap<>();

  Operator(Workload workload, Simulation simulation, Cluster cluster, long seed, History history,
      MigrationStrategies strategies) {
    this.workload = workload;
    this.simulation = simulation;
    this.cluster = cluster;
    this.seed = seed;
    this.history = history;
    this.strategies = strategies;
  }

  void schedule() {
    if (workload.operations().isEmpty()) {
      return;
    }
    simulation.addListener(this);
    List<Operation> ops = workload.operations();
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      int process = i;
      simulation.schedule(op.at(), () -> perform(process, op));
    }
  }

  private long now() {
    return simulation.nowNanos();
  }

  private void perform(int process, Operation op) {
    String value = op.describe().substring(op.describe().indexOf(op.name()) + op.name().length()).strip();
    history.invoke(process, now(), op.name(), value);
    try {
      if (op instanceof Operation.StartVm) {
        cluster.startVm(((Operation.StartVm) op).vm());
        history.ok(process, now(), op.name(), "requested");
      } else if (op instanceof Operation.StopVm) {
        cluster.stopVm(((Operation.StopVm) op).vm());
        history.ok(process, now(), op.name(), "stopped by operator");
      } else if (op instanceof Operation.PauseNode) {
        Operation.PauseNode p = (Operation.PauseNode) op;
        HostId node = pick(p.node().resolve(cluster, random(process)), Optional.empty());
        if (p.drain()) {
          cluster.drainNode(node);
        } else {
          cluster.pauseNode(node);
        }
        history.ok(process, now(), op.name(), node.name());
      } else if (op instanceof Operation.ResumeNode) {
        HostId node = pick(((Operation.ResumeNode) op).node().resolve(cluster, random(process)), Optional.empty());
        cluster.resumeNode(node);
        history.ok(process, now(), op.name(), node.name());
      } else if (op instanceof Operation.Migrate) {
        migrate(process, (Operation.Migrate) op);
      } else if (op instanceof Operation.MoveGroup) {
        Operation.MoveGroup m = (Operation.MoveGroup) op;
        String group = cluster.vm(m.vm()).group();
        if (m.bestNode()) {
          history.ok(process, now(), op.name(), group + " -> " + cluster.moveGroupToBestNode(group).name());
        } else {
          HostId node = pick(m.target().resolve(cluster, random(process)), cluster.group(group).owner());
          cluster.moveGroup(group, node);
          history.ok(process, now(), op.name(), group + " -> " + node.name());
        }
      } else if (op instanceof Operation.ForceQuorum) {
        HostId node = pick(((Operation.ForceQuorum) op).node().resolve(cluster, random(process)), Optional.empty());
        cluster.forceQuorum(node);
        history.ok(process, now(), op.name(), node.name());
      } else {
        throw new AssertionError("no binding for operation " + op.name());
      }
    } catch (RuntimeException e) {
      migrating.values().remove(Integer.valueOf(process));
      history.fail(process, now(), op.name(), String.valueOf(e.getMessage()));
    }
  }

  private void migrate(int process, Operation.Migrate m) {
    Optional<HostId> current = cluster.vm(m.vm()).host();
    HostId target = pick(m.target().resolve(cluster, random(process)), current);
    Integer earlier = migrating.get(m.vm());
    if (earlier != null) {
      throw new IllegalStateException(m.vm() + " is still being migrated by p" + earlier);
    }
    migrating.put(m.vm(), process);
    cluster.migrate(m.vm(), target, strategies.strategy(m.kind()));
  }

  private SplittableRandom random(int process) {
    return new SplittableRandom(Seeds.derive(seed, "operation #" + process));
  }

  /** The first node picked that is not {@code except}. */
  private static HostId pick(List<HostId> nodes, Optional<HostId> except) {
    List<HostId> left = new ArrayList<>(nodes);
    except.ifPresent(left::remove);
    if (left.isEmpty()) {
      throw new IllegalStateException("the selector picked no node" + except.map(h -> " other than " + h).orElse(""));
    }
    return left.get(0);
  }

  @Override
  public void onEvent(ClusterEvent event) {
    if (!(event instanceof MigrationFinished)) {
      return;
    }
    MigrationResult r = ((MigrationFinished) event).result();
    Integer process = migrating.remove(r.vm());
    if (process == null) {
      return;
    }
    String value = r.outcome().name().toLowerCase(java.util.Locale.ROOT) + " " + r.source() + " -> " + r.target()
        + " in " + Duration.ofNanos(r.totalNanos()).toMillis() + " ms: " + r.reason();
    if (r.reason().contains(ACK_LOST)) {
      history.info(process, event.timeNanos(), "migrate", "acknowledgement lost; " + value);
    } else if (r.outcome() == MigrationOutcome.COMPLETED) {
      history.ok(process, event.timeNanos(), "migrate", value);
    } else {
      history.fail(process, event.timeNanos(), "migrate", value);
    }
  }
}
