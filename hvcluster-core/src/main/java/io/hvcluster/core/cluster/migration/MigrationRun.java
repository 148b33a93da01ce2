package io.hvcluster.core.cluster.migration;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.Durations;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.NodeState;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.SavedStateInfo;
import io.hvcluster.api.SharedStorage;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.event.MigrationPhaseStarted;
import io.hvcluster.api.event.MigrationStarted;
import io.hvcluster.api.migration.MigrationContext;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationPass;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.spec.CostModel;
import io.hvcluster.core.cluster.bandwidth.Bandwidth.Transfer;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.Migration;
import io.hvcluster.core.cluster.model.SimGroup;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.cluster.model.SimLun;
import io.hvcluster.core.cluster.model.SimVm;
import io.hvcluster.core.sim.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * One migration: the context a strategy drives, the checks on every action it takes, and the single end
 * of the migration (completed, rolled back or failed; or aborted by a fault, after which the VM is
 * settled where it may be, {@link Settlement}). What it reports is kept by a {@link MigrationRecord}.
 *
 * <p>It is longer than 400 lines because it implements {@link MigrationContext}, the strategies' whole
 * SPI of some thirty operations, each of which checks that the migration is open and the action legal
 * before it acts; its report and its settling of the VM after a failure are already classes of their own.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class MigrationRun implements MigrationContext, Migration {
  private final Migrations parts;
  private final ClusterModel cluster;
  private final MigrationStrategy strategy;
  private final SimVm vm;
  private final SimHost source;
  private final SimHost target;
  private final RandomGenerator random;
  private final MigrationRecord record;
  private final Settlement settlement;
  private final List<Consumer<String>> abortHandlers = new ArrayList<>();
  private final List<Transfer> transfers = new ArrayList<>();
  private boolean relocated;
  private long reserved;
  private GuestMemory targetMemory;
  private MigrationResult result;
  /** Whether the migration waits for its source's turn. */
  private boolean queued;
  /** Set once the migration has begun to end, so that resolving the VM cannot end it a second time. */
  private boolean ending;
  private final Runnable onEnd;
  /** Ends the migration when its strategy's time limit runs out; cancelled when it ends. */
  private EventLoop.Timer deadline;
  /** The strategy's time limit, capped at a year of virtual time; counted from the strategy's start. */
  private long limitNanos;

  MigrationRun(Migrations parts, MigrationStrategy strategy, SimVm vm, SimHost target, Runnable onEnd) {
    this.parts = parts;
    this.cluster = parts.cluster();
    this.strategy = strategy;
    this.vm = vm;
    this.source = vm.node();
    this.target = target;
    this.random = cluster.randomFor("migration-" + cluster.now(), vm);
    this.record = new MigrationRecord(strategy.name(), vm.spec().id(), source.id(), target.id(), cluster.now());
    this.settlement = new Settlement(this);
    this.onEnd = onEnd;
  }

  /**
   * Takes the VM and reserves the target's memory; starts the strategy if {@code now}, else waits in a
   * {@code "queued"} phase for the source's turn ({@link #turnCame}).
   */
  void begin(boolean now) {
    reserved = vm.spec().memoryBytes();
    target.reserve(reserved);
    vm.migrationBegan(this);
    vm.groupModel().setActivity(SimGroup.Activity.MOVING);
    cluster.emit(new MigrationStarted(record.start(), cluster.name(), vm.spec().id(), source.id(), target.id(),
        strategy.name()));
    Duration limit = strategy.timeLimit();
    if (limit == null || limit.isNegative() || limit.isZero()) {
      fail(strategy.name() + " failed: its timeLimit() is " + limit + "; it must be a positive duration");
      return;
    }
    limitNanos = limit.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : limit.toNanos();
    if (now) {
      startStrategy();
    } else {
      queued = true;
      phase(MigrationResult.QUEUED);
    }
  }

  /** The source's turn came: the strategy starts, in an event of its own right after this one. */
  void turnCame() {
    cluster.loop().schedule(0, () -> {
      queued = false;
      if (result == null) {
        startStrategy();
      }
    });
  }

  /** Starts the strategy, and its time limit with it (the wait in a queue does not count). */
  private void startStrategy() {
    deadline = cluster.loop().schedule(limitNanos, () -> abort(strategy.name() + " did not end the migration within "
        + Durations.formatNanos(limitNanos) + " of virtual time, the time limit of the strategy; the cluster ended it"));
    guarded(() -> strategy.start(this));
  }

  boolean oneAtATime() {
    return strategy.oneAtATimePerSourceHost();
  }

  private void guarded(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      if (result == null && !ending) {
        fail(strategy.name() + " failed: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      }
    }
  }

  private void checkOpen() {
    if (result != null) {
      throw new IllegalStateException("the migration of " + vm.describe() + " has already ended (" + result.outcome() + ")");
    }
  }

  Migrations parts() {
    return parts;
  }

  SimVm migratingVm() {
    return vm;
  }

  String strategyName() {
    return strategy.name();
  }

  private SimHost here() {
    return relocated ? target : source;
  }

  // ---- reads ----

  @Override
  public VirtualMachine vm() {
    return vm;
  }

  @Override
  public SimHost source() {
    return source;
  }

  @Override
  public SimHost target() {
    return target;
  }

  @Override
  public Cluster cluster() {
    return parts.api();
  }

  @Override
  public SharedStorage storage() {
    return cluster.storage();
  }

  @Override
  public CostModel costs() {
    return cluster.costs();
  }

  @Override
  public long nowNanos() {
    return cluster.now();
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public GuestMemory sourceMemory() {
    GuestMemory memory = vm.node() == source ? parts.memory().memory(vm) : null;
    if (memory == null) {
      throw new IllegalStateException(vm.describe() + " holds no guest memory on " + source.id() + " in state "
          + vm.vmState());
    }
    return memory;
  }

  // ---- scheduling ----

  @Override
  public void phase(String name) {
    checkOpen();
    long now = cluster.now();
    record.phase(name, now);
    cluster.emit(new MigrationPhaseStarted(now, cluster.name(), vm.spec().id(), name));
  }

  @Override
  public void after(Duration delay, Runnable step) {
    checkOpen();
    cluster.loop().schedule(delay.toNanos(), () -> {
      if (result == null) {
        guarded(step);
      }
    });
  }

  @Override
  public void writeToStorage(long bytes, Runnable then) {
    checkOpen();
    SimHost host = here();
    track(t -> parts.paths().write(host, parts.lifecycle().savedStateLun(vm), bytes, t), then);
  }

  @Override
  public void readFromStorage(long bytes, Runnable then) {
    checkOpen();
    SimHost host = here();
    track(t -> parts.paths().read(host, parts.lifecycle().savedStateLun(vm), bytes, t), then);
  }

  @Override
  public void sendToTarget(long bytes, Runnable then) {
    checkOpen();
    track(t -> parts.paths().send(source, target, bytes, t), then);
  }

  /** Starts a transfer that runs {@code then} when it ends, unless the migration ended first (which cancels it). */
  private void track(java.util.function.Function<Runnable, Transfer> start, Runnable then) {
    Transfer[] self = new Transfer[1];
    self[0] = start.apply(() -> {
      transfers.remove(self[0]);
      if (result == null) {
        guarded(then);
      }
    });
    if (!self[0].isOver()) {
      transfers.add(self[0]);
    }
  }

  @Override
  public void onAbort(Consumer<String> handler) {
    abortHandlers.add(handler);
  }

  @Override
  public boolean isOver() {
    return result != null;
  }

  // ---- actions ----

  @Override
  public void transition(VmState to, String reason) {
    checkOpen();
    SimHost host = here();
    if (to == VmState.RUNNING || to == VmState.STARTING || to == VmState.RESTORING || to == VmState.MIGRATING) {
      requireRunnableOn(host, to);
    }
    if (to.holdsMemory() && host == target && !vm.vmState().holdsMemory()) {
      releaseTargetReservation();
    }
    if (vm.vmState() == VmState.RUNNING || vm.vmState() == VmState.MIGRATING) {
      parts.memory().quiesce(vm);
    }
    if (vm.vmState() == VmState.MIGRATING && targetMemory != null) {
      // Leaving MIGRATING other than by a switchover abandons the live copy (a fallback to saving):
      // free it now, so a restore on the target can use the target's memory file.
      targetMemory.close();
      targetMemory = null;
    }
    boolean resuming = vm.vmState() == VmState.RESTORING && to == VmState.RUNNING;
    vm.moveTo(to, host, reason);
    if (resuming) {
      parts.memory().resumed(vm);
    }
    afterVmChange();
  }

  private void requireRunnableOn(SimHost host, VmState to) {
    if (!host.canHostGroups() && !(host.nodeState() == NodeState.PAUSED && host == source)) {
      throw new IllegalStateException(vm.describe() + " cannot become " + to + " on " + host.describe() + ": the node is "
          + host.nodeState() + (host.sendsHeartbeats() ? "" : " and not running"));
    }
    SimLun missing = parts.reservations().firstNotHeld(vm.groupModel().ordinaryLuns(), host);
    if (missing != null) {
      throw new IllegalStateException(vm.describe() + " cannot become " + to + " on " + host.describe() + ": it does not own "
          + missing.describe());
    }
  }

  @Override
  public void freeze() {
    checkOpen();
    if (vm.vmState() != VmState.MIGRATING || vm.isFrozen()) {
      throw new IllegalStateException(vm.describe() + " can only be frozen while migrating and running; it is "
          + vm.vmState() + (vm.isFrozen() ? " and already frozen" : ""));
    }
    parts.memory().quiesce(vm);
    vm.freeze();
    parts.availability().update(vm, "frozen for the switchover of " + strategy.name() + " migration");
    afterVmChange();
  }

  @Override
  public void thaw() {
    checkOpen();
    if (!vm.isFrozen()) {
      throw new IllegalStateException(vm.describe() + " is not frozen");
    }
    vm.thaw();
    parts.availability().update(vm, "thawed on the source");
    afterVmChange();
  }

  @Override
  public GuestMemory targetMemory() {
    checkOpen();
    if (targetMemory == null) {
      targetMemory = parts.memory().allocate(vm, target);
    }
    return targetMemory;
  }

  @Override
  public void switchover() {
    checkOpen();
    if (vm.vmState() != VmState.MIGRATING || !vm.isFrozen()) {
      throw new IllegalStateException("switchover needs " + vm.describe() + " frozen in MIGRATING; it is "
          + vm.vmState() + (vm.isFrozen() ? " (frozen)" : ""));
    }
    requireRunnableOn(target, VmState.RUNNING);
    releaseTargetReservation();
    GuestMemory old = parts.memory().detach(vm);
    vm.thaw();
    relocated = true;
    vm.moveTo(VmState.RUNNING, target, "switched over from " + source.id() + " by " + strategy.name());
    parts.memory().attach(vm, targetMemory, old);
    targetMemory = null;
    afterVmChange();
    parts.turnOver(this);
  }

  @Override
  public void relocateToTarget() {
    checkOpen();
    vm.relocateTo(target);
    relocated = true;
    afterVmChange();
  }

  @Override
  public void releaseStorage() {
    checkOpen();
    if (vm.executing()) {
      throw new IllegalStateException(vm.describe() + " still executes on " + vm.node().id() + "; freeze, save or stop"
          + " it before releasing its storage");
    }
    for (SimLun lun : vm.groupModel().ordinaryLuns()) {
      lun.release(source, "released by " + source.id() + " for the migration of " + vm.spec().id());
    }
  }

  @Override
  public void acquireStorage(Consumer<Boolean> then) {
    checkOpen();
    parts.reservations().acquire(vm.groupModel().ordinaryLuns(), target, "migration of " + vm.spec().id(),
        won -> deliver(then, won));
  }

  private void deliver(Consumer<Boolean> then, boolean won) {
    if (result == null) {
      guarded(() -> then.accept(won));
    }
  }

  @Override
  public SavedStateInfo saveState() {
    checkOpen();
    if (vm.vmState() != VmState.SAVING || vm.node() != here()) {
      throw new IllegalStateException("saving needs " + vm.describe() + " SAVING on " + here().id() + "; it is "
          + vm.vmState());
    }
    return parts.memory().save(vm);
  }

  @Override
  public SavedStateInfo restoreState(RestoreMode mode) {
    checkOpen();
    if (vm.vmState() != VmState.RESTORING || vm.node() != here()) {
      throw new IllegalStateException("restoring needs " + vm.describe() + " RESTORING on " + here().id() + "; it is "
          + vm.vmState());
    }
    return parts.memory().restore(vm, mode);
  }

  @Override
  public void boot(Runnable then) {
    checkOpen();
    SimHost host = here();
    requireRunnableOn(host, VmState.STARTING);
    if (host == target) {
      releaseTargetReservation();
    }
    parts.lifecycle().start(vm, host, this::afterVmChange, () -> {
      afterVmChange();
      if (result == null) {
        guarded(then);
      }
    });
  }

  @Override
  public boolean migrationLinkUp() {
    return source.sendsHeartbeats() && target.sendsHeartbeats() && parts.links().migrationLinkUp(source, target);
  }

  @Override
  public void throttleGuest(double fraction) {
    checkOpen();
    if (!(fraction >= 0 && fraction <= 0.99)) {
      throw new IllegalArgumentException("throttle is " + fraction + "; allowed: 0 to 0.99");
    }
    parts.memory().throttle(vm, fraction);
  }

  @Override
  public boolean acknowledgementLost() {
    return vm.acknowledgementLost();
  }

  @Override
  public void addBytes(long count) {
    record.addBytes(count);
  }

  @Override
  public void recordPass(MigrationPass pass) {
    record.recordPass(pass);
  }

  @Override
  public void markFellBackToQuick() {
    record.fellBackToQuick();
  }

  // ---- endings ----

  @Override
  public void complete(String detail) {
    checkOpen();
    if (vm.vmState() != VmState.RUNNING || vm.node() != target) {
      throw new IllegalStateException("cannot complete: " + vm.describe() + " is " + vm.vmState()
          + (vm.node() == null ? "" : " on " + vm.node().id()) + ", not running on " + target.id());
    }
    finish(MigrationOutcome.COMPLETED, detail);
  }

  @Override
  public void rollBack(String reason) {
    checkOpen();
    if (vm.vmState() == VmState.MIGRATING && !settlement.holdsStorage(source)) {
      throw new IllegalStateException("cannot roll back: " + source.id() + " released the LUNs of " + vm.describe()
          + " and may not run it without them");
    }
    if (vm.isFrozen() && vm.vmState() == VmState.MIGRATING) {
      thaw();
    }
    if (vm.vmState() == VmState.MIGRATING) {
      vm.moveTo(VmState.RUNNING, source, "migration rolled back: " + reason);
    }
    if (vm.vmState() != VmState.RUNNING || vm.node() != source) {
      throw new IllegalStateException("cannot roll back: " + vm.describe() + " is " + vm.vmState()
          + (vm.node() == null ? "" : " on " + vm.node().id()) + ", not running on " + source.id());
    }
    finish(MigrationOutcome.ROLLED_BACK, reason);
  }

  @Override
  public void fail(String reason) {
    checkOpen();
    ending = true;
    finish(settlement.resolve(reason), reason);
  }

  /** The cluster aborts the migration because a node, link or the VM failed. */
  @Override
  public void abort(String reason) {
    if (result != null || ending) {
      // Already ended, or ending now: resolving the VM (killing it) reports back here.
      return;
    }
    ending = true;
    for (Consumer<String> handler : abortHandlers) {
      try {
        handler.accept(reason);
      } catch (RuntimeException ignored) {
        // An abort handler cannot stop the abort; the cluster resolves the VM regardless.
      }
    }
    finish(settlement.resolve("aborted: " + reason), "aborted: " + reason);
  }

  private void releaseTargetReservation() {
    target.unreserve(reserved);
    reserved = 0;
  }

  /** Whether the VM serves its users now: running (or migrating live) and not frozen. */
  private boolean serving() {
    return (vm.vmState() == VmState.RUNNING || vm.vmState() == VmState.MIGRATING) && vm.executing();
  }

  private void afterVmChange() {
    record.serving(serving(), cluster.now());
    settlement.syncGroup();
  }

  private void finish(MigrationOutcome outcome, String reason) {
    long now = cluster.now();
    parts.memory().unthrottle(vm);
    String told = vm.acknowledgementLost() ? reason + " (the switchover acknowledgement was lost; the outcome was"
        + " confirmed by probing the target)" : reason;
    vm.acknowledgementConfirmed();
    result = record.end(outcome, now, serving(), told);
    for (Transfer t : List.copyOf(transfers)) {
      t.cancel();
    }
    transfers.clear();
    if (deadline != null) {
      deadline.cancel();
    }
    releaseTargetReservation();
    if (targetMemory != null) {
      targetMemory.close();
      targetMemory = null;
    }
    vm.migrationEnded();
    vm.groupModel().setActivity(SimGroup.Activity.IDLE);
    if (outcome != MigrationOutcome.FAILED) {
      settlement.syncGroup();
    } else {
      settlement.groupFailed(reason);
    }
    cluster.emit(new MigrationFinished(now, cluster.name(), result));
    parts.turnOver(this);
    onEnd.run();
    parts.listener().migrationEnded();
  }

  /** Returns the handle the operator holds. */
  public MigrationHandle handle() {
    return new MigrationHandle() {
      @Override
      public VmId vm() {
        return vm.spec().id();
      }

      @Override
      public String strategy() {
        return strategy.name();
      }

      @Override
      public boolean isDone() {
        return result != null;
      }

      @Override
      public boolean isQueued() {
        return queued && result == null;
      }

      @Override
      public Optional<MigrationResult> result() {
        return Optional.ofNullable(result);
      }
    };
  }
}
