package io.hvcluster.core.cluster;

import io.hvcluster.api.VmState;
import io.hvcluster.api.spec.CostModel;
import io.hvcluster.api.spec.GuestOs;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Starts, restores, saves, stops and kills VM instances on hosts, with the virtual time each takes: the
 * boot model (host installation overhead plus the guest's nominal boot, with seeded jitter), restore and
 * save costs from the cost model, at most {@code maxConcurrentStartsPerNode} starts per node at a time,
 * and the pending timeout on starts.
 */
final class Lifecycle {
  private final SimCluster cluster;

  Lifecycle(SimCluster cluster) {
    this.cluster = cluster;
  }

  /**
   * Boots (or restores, for a saved VM) {@code vm} on {@code host}, waiting for a start slot if needed;
   * {@code onBegin} runs when the start actually begins (the VM then holds memory on the host) and
   * {@code onRunning} when it runs. A failed start goes to the reconciler.
   */
  void start(SimVm vm, SimHost host, Runnable onBegin, Runnable onRunning) {
    int max = cluster.spec().settings().maxConcurrentStartsPerNode();
    if (host.startsInProgress >= max) {
      host.startQueue.add(() -> start(vm, host, onBegin, onRunning));
      return;
    }
    if (!host.powered || host.hung) {
      onBegin.run();
      cluster.reconciler.startAbandoned(vm, host.id() + " is not running");
      return;
    }
    if (vm.host != null && vm.host != host && vm.state.holdsMemory()) {
      // Only reachable when a deliberate defect skipped fencing: the old instance lingers where it was.
      SimHost old = vm.host;
      old.stale.put(vm.spec.id(), new SimHost.StaleInstance(vm.state, vm.spec.memoryBytes()));
      vm.cancelTimers();
      vm.moveTo(VmState.OFF, null, "cluster lost track of the instance on " + old.id());
    }
    host.startsInProgress++;
    vm.slotHost = host;
    vm.boots++;
    if (vm.state == VmState.SAVED) {
      vm.moveTo(VmState.RESTORING, host, "restoring saved state on " + host.id());
      long nanos = restoreNanos(vm);
      vm.timer = cluster.kernel.loop().schedule(nanos, () -> started(vm, host, onRunning, "restored from saved state"));
      onBegin.run();
    } else {
      boolean failing = vm.failingStarts > 0;
      vm.moveTo(VmState.STARTING, host, "cold boot on " + host.id());
      long nanos = failing ? vm.failingStartNanos : bootNanos(vm, host);
      long pending = vm.spec.failover().pendingTimeout().toNanos();
      if (failing) {
        vm.failingStarts--;
        vm.timer = cluster.kernel.loop().schedule(Math.min(nanos, pending), () -> startFailed(vm, host,
            nanos < pending ? "start failed: the VM's configuration or disk is broken"
                : "start exceeded the pending timeout of " + pendingText(vm)));
      } else if (nanos >= pending) {
        vm.timer = cluster.kernel.loop().schedule(pending, () -> startFailed(vm, host,
            "start exceeded the pending timeout of " + pendingText(vm)));
      } else {
        vm.timer = cluster.kernel.loop().schedule(nanos, () -> started(vm, host, onRunning,
            "booted in " + millis(nanos) + " ms"));
      }
      onBegin.run();
    }
  }

  private static String pendingText(SimVm vm) {
    return vm.spec.failover().pendingTimeout().toSeconds() + " s";
  }

  private static boolean stillStarting(SimVm vm, SimHost host) {
    return vm.host == host && (vm.state == VmState.STARTING || vm.state == VmState.RESTORING);
  }

  private void started(SimVm vm, SimHost host, Runnable onRunning, String why) {
    vm.timer = null;
    if (!stillStarting(vm, host)) {
      return;
    }
    if (host.hung) {
      // A hung host makes no progress; the start completes when it resumes.
      host.parked.add(() -> started(vm, host, onRunning, why));
      return;
    }
    vm.moveTo(VmState.RUNNING, host, why);
    onRunning.run();
  }

  private void startFailed(SimVm vm, SimHost host, String why) {
    vm.timer = null;
    if (!stillStarting(vm, host)) {
      return;
    }
    if (host.hung) {
      host.parked.add(() -> startFailed(vm, host, why));
      return;
    }
    cluster.reconciler.vmFailed(vm, why);
  }

  /**
   * Gives back the start slot a VM held; called whenever a VM leaves STARTING or RESTORING, whatever the
   * reason, so a slot is freed exactly once. The next queued start runs after the current event.
   */
  void releaseSlot(SimVm vm) {
    SimHost host = vm.slotHost;
    if (host == null) {
      return;
    }
    vm.slotHost = null;
    host.startsInProgress = Math.max(0, host.startsInProgress - 1);
    Runnable next = host.startQueue.poll();
    if (next != null) {
      cluster.kernel.loop().schedule(0, next);
    }
  }

  /** Takes a running VM offline with its offline action, then runs {@code done}. */
  void takeOffline(SimVm vm, String why, Runnable done) {
    if (vm.state == VmState.STARTING || vm.state == VmState.RESTORING) {
      vm.cancelTimers();
      vm.moveTo(VmState.OFF, null, why);
      done.run();
      return;
    }
    if (vm.state != VmState.RUNNING) {
      done.run();
      return;
    }
    SimHost host = vm.host;
    switch (vm.spec.offlineAction()) {
      case SAVE -> {
        vm.moveTo(VmState.SAVING, host, why + " (offline action: save)");
        vm.timer = cluster.kernel.loop().schedule(saveNanos(vm), () -> {
          vm.timer = null;
          vm.moveTo(VmState.SAVED, host, "state saved to LUN " + vm.spec.luns().get(0));
          done.run();
        });
      }
      case SHUT_DOWN, SHUT_DOWN_FORCED -> {
        vm.moveTo(VmState.STOPPING, host, why + " (offline action: shut down)");
        long nanos = shutdownNanos(vm);
        vm.timer = cluster.kernel.loop().schedule(nanos, () -> {
          vm.timer = null;
          vm.moveTo(VmState.OFF, null, "guest shut down");
          done.run();
        });
      }
      case TURN_OFF -> {
        vm.moveTo(VmState.OFF, null, why + " (offline action: turn off)");
        done.run();
      }
      default -> throw new AssertionError(vm.spec.offlineAction());
    }
  }

  /** Stops a VM at once, wherever it is, with nothing saved (power loss, fencing, service stop). */
  void kill(SimVm vm, String why) {
    vm.cancelTimers();
    MigrationRun run = vm.migration;
    vm.frozen = false;
    vm.guestHung = false;
    if (vm.state != VmState.OFF && vm.state != VmState.SAVED) {
      vm.moveTo(VmState.OFF, null, why);
    }
    if (run != null) {
      run.abort(why);
    }
  }

  long bootNanos(SimVm vm, SimHost host) {
    GuestOs os = vm.spec.guestOs();
    double jitter = cluster.spec().settings().costs().bootJitter();
    SplittableRandom random = cluster.randomFor("boot-" + vm.boots, vm);
    double factor = 1.0 + jitter * (random.nextDouble() * 2 - 1);
    long guest = (long) (os.nominalBootSeconds() * 1e9 * factor);
    long overhead = host.spec.installation().vmStartOverheadMillis() * 1_000_000L;
    return (long) ((overhead + guest) * slowdown(vm));
  }

  long restoreNanos(SimVm vm) {
    CostModel costs = cluster.costs();
    long bytes = vm.spec.workload().workingSetBytes();
    return costs.restoreSetup().toNanos() + (long) (costs.storageRead(bytes).toNanos() * slowdown(vm));
  }

  long saveNanos(SimVm vm) {
    long bytes = vm.spec.workload().workingSetBytes();
    return (long) (cluster.costs().storageWrite(bytes).toNanos() * slowdown(vm));
  }

  long shutdownNanos(SimVm vm) {
    return Duration.ofSeconds(Math.max(5, vm.spec.guestOs().nominalBootSeconds() / 3)).toNanos();
  }

  /** How much slower than normal the VM's storage is (the slowest of its LUNs). */
  double slowdown(SimVm vm) {
    double f = 1.0;
    for (var id : vm.spec.luns()) {
      f = Math.max(f, cluster.storage.get(id).slowdown);
    }
    return f;
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }
}
