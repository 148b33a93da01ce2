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
    this.source = vm.host;
    this.target = target;
    this.start = cluster.now();
    this.random = cluster.randomFor("migration-" + cluster.now(), vm);
    this.onEnd = onEnd;
  }

  void begin() {
    reserved = vm.spec.memoryBytes();
    target.reservedBytes += reserved;
    vm.migration = this;
    vm.group.activity = SimGroup.Activity.MOVING;
    cluster.emit(new MigrationStarted(start, cluster.name(), vm.spec.id(), source.id(), target.id(), strategy.name()));
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
    GuestMemory memory = vm.host == source ? cluster.memory.memory(vm) : null;
    if (memory == null) {
      throw new IllegalStateException(vm.describe() + " holds no guest memory on " + source.id() + " in state " + vm.state);
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
    cluster.emit(new MigrationPhaseStarted(now, cluster.name(), vm.spec.id(), name));
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
    if (to.holdsMemory() && host == target && !vm.state.holdsMemory()) {
      releaseTargetReservation();
    }
    if (vm.state == VmState.RUNNING || vm.state == VmState.MIGRATING) {
      cluster.memory.quiesce(vm);
    }
    if (vm.state == VmState.MIGRATING && targetMemory != null) {
      // Leaving MIGRATING other than by a switchover abandons the live copy (a fallback to saving):
      // free it now, so a restore on the target can use the target's memory file.
      targetMemory.close();
      targetMemory = null;
    }
    boolean resuming = vm.state == VmState.RESTORING && to == VmState.RUNNING;
    vm.moveTo(to, host, reason);
    if (resuming) {
      cluster.memory.resumed(vm);
    }
    afterVmChange();
  }

  private void requireRunnableOn(SimHost host, VmState to) {
    if (!host.canHostGroups() && !(host.state == io.hvcluster.api.NodeState.PAUSED && host == source)) {
      throw new IllegalStateException(vm.describe() + " cannot become " + to + " on " + host.describe() + ": the node is "
          + host.state + (host.sendsHeartbeats() ? "" : " and not running"));
    }
    SimLun missing = cluster.reservations.firstNotHeld(vm.group.luns, host);
    if (missing != null) {
      throw new IllegalStateException(vm.describe() + " cannot become " + to + " on " + host.describe() + ": it does not own "
          + missing.describe());
    }
  }

  @Override
  public void freeze() {
    checkOpen();
    if (vm.state != VmState.MIGRATING || vm.frozen) {
      throw new IllegalStateException(vm.describe() + " can only be frozen while migrating and running; it is " + vm.state
          + (vm.frozen ? " and already frozen" : ""));
    }
    cluster.memory.quiesce(vm);
    vm.frozen = true;
    cluster.availability.update(vm, "frozen for the switchover of " + strategy.name() + " migration");
    afterVmChange();
  }

  @Override
  public void thaw() {
    checkOpen();
    if (!vm.frozen) {
      throw new IllegalStateException(vm.describe() + " is not frozen");
    }
    vm.frozen = false;
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
    if (vm.state != VmState.MIGRATING || !vm.frozen) {
      throw new IllegalStateException("switchover needs " + vm.describe() + " frozen in MIGRATING; it is " + vm.state
          + (vm.frozen ? " (frozen)" : ""));
    }
    requireRunnableOn(target, VmState.RUNNING);
    releaseTargetReservation();
    GuestMemory old = vm.memory;
    vm.memory = null;
    vm.frozen = false;
    relocated = true;
    vm.moveTo(VmState.RUNNING, target, "switched over from " + source.id() + " by " + strategy.name());
    if (old != null && old != targetMemory) {
      old.close();
    }
    vm.memory = targetMemory;
    targetMemory = null;
    afterVmChange();
  }

  @Override
  public void relocateToTarget() {
    checkOpen();
    if (vm.state.holdsMemory()) {
      throw new IllegalStateException(vm.describe() + " cannot be relocated while " + vm.state + "; save or stop it first");
    }
    relocated = true;
    if (vm.host != null) {
      vm.host = target;
    }
    afterVmChange();
  }

  @Override
  public void releaseStorage() {
    checkOpen();
    if (vm.executing()) {
      throw new IllegalStateException(vm.describe() + " still executes on " + vm.host.id() + "; freeze, save or stop it"
          + " before releasing its storage");
    }
    for (SimLun lun : vm.group.luns) {
      lun.release(source, "released by " + source.id() + " for the migration of " + vm.spec.id());
    }
  }

  @Override
  public void acquireStorage(Consumer<Boolean> then) {
    checkOpen();
    cluster.reservations.acquire(vm.group.luns, target, "migration of " + vm.spec.id(), won -> deliver(then, won));
  }

  private void deliver(Consumer<Boolean> then, boolean won) {
    if (result == null) {
      guarded(() -> then.accept(won));
    }
  }

  @Override
  public io.hvcluster.api.SavedStateInfo saveState() {
    checkOpen();
    if (vm.state != VmState.SAVING || vm.host != here()) {
      throw new IllegalStateException("saving needs " + vm.describe() + " SAVING on " + here().id() + "; it is " + vm.state);
    }
    return cluster.memory.save(vm);
  }

  @Override
  public io.hvcluster.api.SavedStateInfo restoreState(io.hvcluster.api.RestoreMode mode) {
    checkOpen();
    if (vm.state != VmState.RESTORING || vm.host != here()) {
      throw new IllegalStateException("restoring needs " + vm.describe() + " RESTORING on " + here().id() + "; it is "
          + vm.state);
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
    return vm.ackLost;
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
    if (vm.state != VmState.RUNNING || vm.host != target) {
      throw new IllegalStateException("cannot complete: " + vm.describe() + " is " + vm.state
          + (vm.host == null ? "" : " on " + vm.host.id()) + ", not running on " + target.id());
    }
    finish(MigrationOutcome.COMPLETED, detail);
  }

  @Override
  public void rollBack(String reason) {
    checkOpen();
    if (vm.state == VmState.MIGRATING && !holdsStorage(source)) {
      throw new IllegalStateException("cannot roll back: " + source.id() + " released the LUNs of " + vm.describe()
          + " and may not run it without them");
    }
    if (vm.frozen && vm.state == VmState.MIGRATING) {
      thaw();
    }
    if (vm.state == VmState.MIGRATING) {
      vm.moveTo(VmState.RUNNING, source, "migration rolled back: " + reason);
    }
    if (vm.state != VmState.RUNNING || vm.host != source) {
      throw new IllegalStateException("cannot roll back: " + vm.describe() + " is " + vm.state
          + (vm.host == null ? "" : " on " + vm.host.id()) + ", not running on " + source.id());
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
    if (vm.state == VmState.MIGRATING) {
      vm.frozen = false;
      if (source.sendsHeartbeats() && holdsStorage(source)) {
        vm.moveTo(VmState.RUNNING, source, "migration abandoned: " + reason);
      } else if (source.hung && holdsStorage(source)) {
        // The VM stays where it is, frozen with its host like every VM there: it runs on if the host resumes
        // still a member, and the cluster fences and fails it over like the others if the host is removed.
        vm.moveTo(VmState.RUNNING, source, "migration abandoned: " + reason + "; the VM is frozen with "
            + source.id());
      } else if (source.sendsHeartbeats() || source.hung) {
        // The source gave the VM's LUNs up inside a live blackout: it must not run the VM without them
        // (S3). The VM stops here and the failover engine brings its group online again.
        cluster.lifecycle.kill(vm, "migration abandoned after " + source.id() + " released the VM's LUNs: " + reason);
      }
    } else if (vm.state == VmState.SAVING && vm.host == source && source.sendsHeartbeats()) {
      vm.moveTo(VmState.RUNNING, source, "save abandoned: " + reason);
    } else if (vm.state == VmState.SAVING && vm.host == source && source.hung) {
      // The save froze with its host. If the host resumes still a member, the VM runs on there (or stops,
      // if its group moved meanwhile); if the cluster removes the host first, the VM dies with it.
      SimVm frozen = vm;
      SimHost host = source;
      String why = "save abandoned: " + reason;
      source.parked.add(() -> cluster.reconciler.frozenSaveAbandoned(frozen, host, why));
    } else if ((vm.state == VmState.RESTORING || vm.state == VmState.STARTING) && vm.host != null) {
      // This run is ending now: detach it first, or the kill would abort it, and it would end twice.
      vm.migration = null;
      cluster.lifecycle.kill(vm, "migration failed: " + reason);
    }
    if (vm.state == VmState.RUNNING && vm.host == source) {
      return MigrationOutcome.ROLLED_BACK;
    }
    if (vm.state == VmState.RUNNING && vm.host == target) {
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
    return cluster.reservations.held(vm.group.luns, host);
  }

  private void releaseTargetReservation() {
    target.reservedBytes -= reserved;
    reserved = 0;
  }

  /** Whether the VM serves its users now: running (or migrating live) and not frozen. */
  private boolean serving() {
    return (vm.state == VmState.RUNNING || vm.state == VmState.MIGRATING) && vm.executing();
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
    SimGroup g = vm.group;
    SimHost owner = vm.host != null ? vm.host : g.owner;
    GroupState next = switch (vm.state) {
      case RUNNING, MIGRATING -> GroupState.ONLINE;
      case SAVING, STOPPING -> GroupState.OFFLINE_PENDING;
      case STARTING, RESTORING -> GroupState.ONLINE_PENDING;
      case FAILED -> GroupState.FAILED;
      case OFF, SAVED -> GroupState.OFFLINE;
    };
    if (next == GroupState.OFFLINE && g.state == GroupState.ONLINE) {
      g.moveTo(GroupState.OFFLINE_PENDING, owner, "migration of " + vm.spec.id());
    }
    if (next == GroupState.ONLINE && g.state == GroupState.OFFLINE) {
      g.moveTo(GroupState.ONLINE_PENDING, owner, "migration of " + vm.spec.id());
    }
    g.moveTo(next, owner, "migration of " + vm.spec.id() + " by " + strategy.name());
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
    if (vm.throttle != 0) {
      cluster.memory.throttle(vm, 0);
    }
    String told = vm.ackLost ? reason + " (the switchover acknowledgement was lost; the outcome was confirmed by"
        + " probing the target)" : reason;
    vm.ackLost = false;
    result = new MigrationResult(strategy.name(), vm.spec.id(), source.id(), target.id(), outcome, start, now,
        blackout, bytes, phases, passes, fellBack, told);
    releaseTargetReservation();
    if (targetMemory != null) {
      targetMemory.close();
      targetMemory = null;
    }
    vm.migration = null;
    vm.group.activity = SimGroup.Activity.IDLE;
    if (outcome != MigrationOutcome.FAILED) {
      syncGroup();
    } else if (vm.group.state != GroupState.OFFLINE && vm.group.state != GroupState.FAILED) {
      vm.group.moveTo(GroupState.OFFLINE, lunOwner(), "migration failed: " + reason);
    }
    cluster.emit(new MigrationFinished(now, cluster.name(), result));
    onEnd.run();
    cluster.reconciler.kick();
  }

  private SimHost lunOwner() {
    for (SimLun lun : vm.group.luns) {
      if (lun.owner != null) {
        return lun.owner;
      }
    }
    return null;
  }

  /** Returns the handle the operator holds. */
  MigrationHandle handle() {
    return new MigrationHandle() {
      @Override
      public VmId vm() {
        return vm.spec.id();
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
