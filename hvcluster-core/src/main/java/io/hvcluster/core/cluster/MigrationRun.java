package io.hvcluster.core.cluster;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.GroupState;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.Host;
import io.hvcluster.api.MigrationHandle;
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
import io.hvcluster.api.migration.MigrationPhase;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.spec.CostModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One migration: the context a strategy drives, the checks on every action it takes, the blackout
 * bookkeeping, and the single end of the migration (completed, rolled back or failed; or aborted by a
 * fault, after which the cluster resolves the VM).
 */
final class MigrationRun implements MigrationContext {
  private final SimCluster cluster;
  private final MigrationStrategy strategy;
  final SimVm vm;
  final SimHost source;
  final SimHost target;
  private final long start;
  private final RandomGenerator random;
  private final List<MigrationPhase> phases = new ArrayList<>();
  private final List<MigrationPass> passes = new ArrayList<>();
  private final List<Consumer<String>> abortHandlers = new ArrayList<>();
  private String phase;
  private long phaseStart;
  private long bytes;
  private boolean fellBack;
  private boolean relocated;
  private long reserved;
  private long blackoutStart = -1;
  private long downtime;
  private GuestMemory targetMemory;
  private MigrationResult result;
  /** Set once the migration has begun to end, so that resolving the VM cannot end it a second time. */
  private boolean ending;
  private final Runnable onEnd;

  MigrationRun(SimCluster cluster, MigrationStrategy strategy, SimVm vm, SimHost target, Runnable onEnd) {
    this.cluster = cluster;
    this.strategy = strategy;
    this.vm = vm;
    this.source = vm.node();
    this.target = target;
    this.start = cluster.now();
    this.random = cluster.randomFor("migration-" + cluster.now(), vm);
    this.onEnd = onEnd;
  }

  void begin() {
    reserved = vm.spec().memoryBytes();
    target.reserve(reserved);
    vm.migrationBegan(this);
    vm.groupModel().setActivity(SimGroup.Activity.MOVING);
    cluster.emit(new MigrationStarted(start, cluster.name(), vm.spec().id(), source.id(), target.id(), strategy.name()));
    guarded(() -> strategy.start(this));
  }

  private void guarded(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      if (result == null) {
        fail(strategy.name() + " failed: " + e.getMessage());
      }
    }
  }

  private void checkOpen() {
    if (result != null) {
      throw new IllegalStateException("the migration of " + vm.describe() + " has already ended (" + result.outcome() + ")");
    }
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
  public Host source() {
    return source;
  }

  @Override
  public Host target() {
    return target;
  }

  @Override
  public Cluster cluster() {
    return cluster;
  }

  @Override
  public SharedStorage storage() {
    return cluster.storage;
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
    GuestMemory memory = vm.node() == source ? cluster.memory.memory(vm) : null;
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
    if (phase != null) {
      phases.add(new MigrationPhase(phase, phaseStart, now));
    }
    phase = name;
    phaseStart = now;
    cluster.emit(new MigrationPhaseStarted(now, cluster.name(), vm.spec().id(), name));
  }

  @Override
  public void after(Duration delay, Runnable step) {
    checkOpen();
    cluster.kernel.loop().schedule(delay.toNanos(), () -> {
      if (result == null) {
        guarded(step);
      }
    });
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
      cluster.memory.quiesce(vm);
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
      cluster.memory.resumed(vm);
    }
    afterVmChange();
  }

  private void requireRunnableOn(SimHost host, VmState to) {
    if (!host.canHostGroups() && !(host.nodeState() == io.hvcluster.api.NodeState.PAUSED && host == source)) {
      throw new IllegalStateException(vm.describe() + " cannot become " + to + " on " + host.describe() + ": the node is "
          + host.nodeState() + (host.sendsHeartbeats() ? "" : " and not running"));
    }
    SimLun missing = cluster.reservations.firstNotHeld(vm.groupModel().ordinaryLuns(), host);
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
    cluster.memory.quiesce(vm);
    vm.freeze();
    cluster.availability.update(vm, "frozen for the switchover of " + strategy.name() + " migration");
    afterVmChange();
  }

  @Override
  public void thaw() {
    checkOpen();
    if (!vm.isFrozen()) {
      throw new IllegalStateException(vm.describe() + " is not frozen");
    }
    vm.thaw();
    cluster.availability.update(vm, "thawed on the source");
    afterVmChange();
  }

  @Override
  public GuestMemory targetMemory() {
    checkOpen();
    if (targetMemory == null) {
      targetMemory = cluster.allocateMemory(vm, target);
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
    GuestMemory old = cluster.memory.detach(vm);
    vm.thaw();
    relocated = true;
    vm.moveTo(VmState.RUNNING, target, "switched over from " + source.id() + " by " + strategy.name());
    cluster.memory.attach(vm, targetMemory, old);
    targetMemory = null;
    afterVmChange();
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
    cluster.reservations.acquire(vm.groupModel().ordinaryLuns(), target, "migration of " + vm.spec().id(),
        won -> deliver(then, won));
  }

  private void deliver(Consumer<Boolean> then, boolean won) {
    if (result == null) {
      guarded(() -> then.accept(won));
    }
  }

  @Override
  public io.hvcluster.api.SavedStateInfo saveState() {
    checkOpen();
    if (vm.vmState() != VmState.SAVING || vm.node() != here()) {
      throw new IllegalStateException("saving needs " + vm.describe() + " SAVING on " + here().id() + "; it is "
          + vm.vmState());
    }
    return cluster.memory.save(vm);
  }

  @Override
  public io.hvcluster.api.SavedStateInfo restoreState(io.hvcluster.api.RestoreMode mode) {
    checkOpen();
    if (vm.vmState() != VmState.RESTORING || vm.node() != here()) {
      throw new IllegalStateException("restoring needs " + vm.describe() + " RESTORING on " + here().id() + "; it is "
          + vm.vmState());
    }
    return cluster.memory.restore(vm, mode);
  }

  @Override
  public void boot(Runnable then) {
    checkOpen();
    SimHost host = here();
    requireRunnableOn(host, VmState.STARTING);
    if (host == target) {
      releaseTargetReservation();
    }
    cluster.lifecycle.start(vm, host, this::afterVmChange, () -> {
      afterVmChange();
      if (result == null) {
        guarded(then);
      }
    });
  }

  @Override
  public boolean migrationLinkUp() {
    return source.sendsHeartbeats() && target.sendsHeartbeats() && cluster.links.migrationLinkUp(source, target);
  }

  @Override
  public void throttleGuest(double fraction) {
    checkOpen();
    if (!(fraction >= 0 && fraction <= 0.99)) {
      throw new IllegalArgumentException("throttle is " + fraction + "; allowed: 0 to 0.99");
    }
    cluster.memory.throttle(vm, fraction);
  }

  @Override
  public boolean acknowledgementLost() {
    return vm.acknowledgementLost();
  }

  @Override
  public void addBytes(long count) {
    bytes += count;
  }

  @Override
  public void recordPass(MigrationPass pass) {
    passes.add(pass);
  }

  @Override
  public void markFellBackToQuick() {
    fellBack = true;
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
    if (vm.vmState() == VmState.MIGRATING && !holdsStorage(source)) {
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
    finish(resolve(reason), reason);
  }

  /** Puts the VM in a consistent state after a failure and says how the migration ended. */
  private MigrationOutcome resolve(String reason) {
    VmState state = vm.vmState();
    SimHost host = vm.node();
    if (state == VmState.MIGRATING) {
      vm.thaw();
      if (source.sendsHeartbeats() && holdsStorage(source)) {
        vm.moveTo(VmState.RUNNING, source, "migration abandoned: " + reason);
      } else if (source.isHung() && holdsStorage(source)) {
        // The VM stays where it is, frozen with its host like every VM there: it runs on if the host resumes
        // still a member, and the cluster fences and fails it over like the others if the host is removed.
        vm.moveTo(VmState.RUNNING, source, "migration abandoned: " + reason + "; the VM is frozen with "
            + source.id());
      } else if (source.sendsHeartbeats() || source.isHung()) {
        // The source gave the VM's LUNs up inside a live blackout: it must not run the VM without them
        // (S3). The VM stops here and the failover engine brings its group online again.
        cluster.lifecycle.kill(vm, "migration abandoned after " + source.id() + " released the VM's LUNs: " + reason);
      }
    } else if (state == VmState.SAVING && host == source && source.sendsHeartbeats()) {
      vm.moveTo(VmState.RUNNING, source, "save abandoned: " + reason);
    } else if (state == VmState.SAVING && host == source && source.isHung()) {
      // The save froze with its host. If the host resumes still a member, the VM runs on there (or stops,
      // if its group moved meanwhile); if the cluster removes the host first, the VM dies with it.
      SimVm frozen = vm;
      String why = "save abandoned: " + reason;
      source.park(() -> cluster.reconciler.frozenSaveAbandoned(frozen, source, why));
    } else if ((state == VmState.RESTORING || state == VmState.STARTING) && host != null) {
      // This run is ending now: detach it first, or the kill would abort it, and it would end twice.
      vm.migrationEnded();
      cluster.lifecycle.kill(vm, "migration failed: " + reason);
    }
    if (vm.vmState() == VmState.RUNNING && vm.node() == source) {
      return MigrationOutcome.ROLLED_BACK;
    }
    if (vm.vmState() == VmState.RUNNING && vm.node() == target) {
      return MigrationOutcome.COMPLETED;
    }
    return MigrationOutcome.FAILED;
  }

  /** The cluster aborts the migration because a node, link or the VM failed. */
  void abort(String reason) {
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
    finish(resolve("aborted: " + reason), "aborted: " + reason);
  }

  /** Whether {@code host} holds the VM's ordinary LUNs, so it may run the VM. */
  private boolean holdsStorage(SimHost host) {
    return cluster.reservations.held(vm.groupModel().ordinaryLuns(), host);
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
    long now = cluster.now();
    boolean serving = serving();
    if (!serving && blackoutStart < 0) {
      blackoutStart = now;
    } else if (serving && blackoutStart >= 0) {
      downtime += now - blackoutStart;
      blackoutStart = -1;
    }
    syncGroup();
  }

  /** Keeps the (single-VM) group's state in step with the VM while it moves. */
  private void syncGroup() {
    SimGroup g = vm.groupModel();
    SimHost owner = vm.node() != null ? vm.node() : g.ownerNode();
    GroupState next = switch (vm.vmState()) {
      case RUNNING, MIGRATING -> GroupState.ONLINE;
      case SAVING, STOPPING -> GroupState.OFFLINE_PENDING;
      case STARTING, RESTORING -> GroupState.ONLINE_PENDING;
      case FAILED -> GroupState.FAILED;
      case OFF, SAVED -> GroupState.OFFLINE;
    };
    if (next == GroupState.OFFLINE && g.groupState() == GroupState.ONLINE) {
      g.moveTo(GroupState.OFFLINE_PENDING, owner, "migration of " + vm.spec().id());
    }
    if (next == GroupState.ONLINE && g.groupState() == GroupState.OFFLINE) {
      g.moveTo(GroupState.ONLINE_PENDING, owner, "migration of " + vm.spec().id());
    }
    g.moveTo(next, owner, "migration of " + vm.spec().id() + " by " + strategy.name());
  }

  private void finish(MigrationOutcome outcome, String reason) {
    long now = cluster.now();
    if (phase != null) {
      phases.add(new MigrationPhase(phase, phaseStart, now));
      phase = null;
    }
    if (blackoutStart >= 0 && serving()) {
      downtime += now - blackoutStart;
      blackoutStart = -1;
    }
    long blackout = downtime + (blackoutStart >= 0 ? now - blackoutStart : 0);
    cluster.memory.unthrottle(vm);
    String told = vm.acknowledgementLost() ? reason + " (the switchover acknowledgement was lost; the outcome was"
        + " confirmed by probing the target)" : reason;
    vm.acknowledgementConfirmed();
    result = new MigrationResult(strategy.name(), vm.spec().id(), source.id(), target.id(), outcome, start, now,
        blackout, bytes, phases, passes, fellBack, told);
    releaseTargetReservation();
    if (targetMemory != null) {
      targetMemory.close();
      targetMemory = null;
    }
    vm.migrationEnded();
    SimGroup g = vm.groupModel();
    g.setActivity(SimGroup.Activity.IDLE);
    if (outcome != MigrationOutcome.FAILED) {
      syncGroup();
    } else if (g.groupState() != GroupState.OFFLINE && g.groupState() != GroupState.FAILED) {
      g.moveTo(GroupState.OFFLINE, lunOwner(), "migration failed: " + reason);
    }
    cluster.emit(new MigrationFinished(now, cluster.name(), result));
    onEnd.run();
    cluster.reconciler.kick();
  }

  private SimHost lunOwner() {
    for (SimLun lun : vm.groupModel().ordinaryLuns()) {
      if (lun.ownerNode() != null) {
        return lun.ownerNode();
      }
    }
    return null;
  }

  /** Returns the handle the operator holds. */
  MigrationHandle handle() {
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
      public Optional<MigrationResult> result() {
        return Optional.ofNullable(result);
      }
    };
  }
}
